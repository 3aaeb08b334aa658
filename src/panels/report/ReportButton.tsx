/**
 * The toolbar's "Report" button; the report (and the simulation code it uses) loads when first wanted
 * (LazyDialogButton).
 */
import { lazy } from 'react';
import { LazyDialogButton } from '../LazyDialogButton';

const loadReport = () => import('./Report');
const Report = lazy(loadReport);

export const ReportButton = () => (
  <LazyDialogButton
    label="Report"
    title="A one-page report of the journey and its results, to print or save as PDF"
    dialog={Report}
    preload={loadReport}
  />
);
