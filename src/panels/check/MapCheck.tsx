/**
 * The map check in the toolbar: an always visible count ("2 warnings") that opens the list. Each warning
 * names its touchpoints; choosing one selects and centres it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { lazy, Suspense } from 'react';
import { checkMap, type MapWarning } from '../../domain/check';
import type { JourneyMap } from '../../domain/types';
import { useOutsidePointer } from '../useOutsidePointer';

// The warnings' words and buttons load when the list is first shown; the count is always there.
const MapWarningList = lazy(() => import('./MapWarningList'));
import { useEditor } from '../../store/editorStore';

/** The map's warnings, recomputed only when its nodes or edges change (not on renames of the map, etc.). */
export function useMapWarnings(): { map: JourneyMap; warnings: MapWarning[] } {
  const map = useEditor((s) => s.map);
  const nodes = map.nodes;
  const edges = map.edges;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const warnings = useMemo(() => checkMap(map), [nodes, edges]);
  return { map, warnings };
}

export function warningCountText(count: number): string {
  return count === 0 ? 'No warnings' : `${count} warning${count === 1 ? '' : 's'}`;
}

export function MapCheck() {
  const { map, warnings } = useMapWarnings();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const count = warnings.length;

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
  }, [open]);
  useOutsidePointer(open, [panel, button], () => setOpen(false));

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="jd-menu jd-check">
      <button
        ref={button}
        type="button"
        className={`jd-button jd-check__button${count > 0 ? ' has-warnings' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={`Map check: ${warningCountText(count)}`}
        title="What could make the simulation's numbers misleading"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{count > 0 ? '⚠' : '✓'}</span> {warningCountText(count)}
      </button>
      {open && (
        <div
          ref={panel}
          className="jd-menu__list jd-check__panel"
          role="dialog"
          aria-label="Map check"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <h2 className="jd-check__title">Map check</h2>
          {count === 0 ? (
            <p className="jd-muted" tabIndex={-1}>
              No warnings: every touchpoint can be reached and leads on to an outcome.
            </p>
          ) : (
            <Suspense fallback={<p className="jd-muted">{warningCountText(count)}…</p>}>
              <MapWarningList map={map} warnings={warnings} onChosen={() => setOpen(false)} />
            </Suspense>
          )}
        </div>
      )}
    </div>
  );
}
