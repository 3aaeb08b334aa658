/** The toolbar's "Evidence" button; the import dialog loads when first wanted (LazyDialogButton). */
import { lazy } from 'react';
import { LazyDialogButton } from '../LazyDialogButton';

const loadDialog = () => import('./EvidenceDialog');
const EvidenceDialog = lazy(loadDialog);

export const EvidenceButton = () => (
  <LazyDialogButton label="Evidence" title="Import survey scores, funnel counts or customer paths from CSV files" dialog={EvidenceDialog} preload={loadDialog} />
);
