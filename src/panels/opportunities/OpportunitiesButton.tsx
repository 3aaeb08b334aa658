/**
 * The toolbar's "Opportunities" button. The panel (and the simulation code that values opportunities) is
 * loaded when first wanted, so it stays out of the initial JavaScript. Open state lives in a small store of
 * its own, because the Inspector's friction list opens the panel too.
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { openOpportunities, useOpportunityPanel } from '../../store/opportunityPanel';

const loadPanel = () => import('./OpportunitiesPanel');
const OpportunitiesPanel = lazy(loadPanel);

export function OpportunitiesButton() {
  const open = useOpportunityPanel((s) => s.open);
  const preload = () => void loadPanel().catch(() => undefined);
  return (
    <>
      <button
        type="button"
        className="jd-button"
        aria-haspopup="dialog"
        onClick={() => openOpportunities()}
        onPointerEnter={preload}
        onFocus={preload}
      >
        Opportunities
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <OpportunitiesPanel />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
