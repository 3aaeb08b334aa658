/** The toolbar's "Personas" button; the dialog loads when first wanted (LazyDialogButton). */
import { lazy } from 'react';
import { LazyDialogButton } from '../LazyDialogButton';

const loadDialog = () => import('./PersonasDialog');
const PersonasDialog = lazy(loadDialog);

export const PersonasButton = () => (
  <LazyDialogButton label="Personas" title="Add, describe and weigh the kinds of customer on this map" dialog={PersonasDialog} preload={loadDialog} />
);
