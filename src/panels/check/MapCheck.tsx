/**
 * The map check in the toolbar: an always visible count ("2 warnings") that opens the list. Each warning
 * names its touchpoints; choosing one selects and centres it.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { MapWarning } from '../../domain/check';
import type { JourneyMap } from '../../domain/types';
import { useOutsidePointer } from '../useOutsidePointer';

// The warnings' words and buttons load when the list is first shown; the count is always there.
const MapWarningList = lazy(() => import('./MapWarningList'));
import { useEditor } from '../../store/editorStore';

// The check itself loads just after the first render: the count appears a moment after the map.
type CheckMap = (map: JourneyMap) => MapWarning[];
let checkMap: CheckMap | null = null;
const loadCheck = () => import('../../domain/check').then((m) => (checkMap = m.checkMap));

/** Warnings per nodes+edges arrays (immer gives new arrays only when they change): renames never recheck. */
const cache = new WeakMap<object, WeakMap<object, MapWarning[]>>();
function warningsOf(map: JourneyMap, check: CheckMap): MapWarning[] {
  let byEdges = cache.get(map.nodes);
  if (!byEdges) cache.set(map.nodes, (byEdges = new WeakMap()));
  let warnings = byEdges.get(map.edges);
  if (!warnings) byEdges.set(map.edges, (warnings = check(map)));
  return warnings;
}

/** The map's warnings (null until the check has loaded), recomputed only when its nodes or edges change. */
export function useMapWarnings(): { map: JourneyMap; warnings: MapWarning[] | null } {
  const map = useEditor((s) => s.map);
  const [, loaded] = useState(checkMap !== null);
  useEffect(() => {
    if (checkMap === null) void loadCheck().then(() => loaded(true));
  }, []);
  return { map, warnings: checkMap === null ? null : warningsOf(map, checkMap) };
}

export function warningCountText(count: number): string {
  return count === 0 ? 'No warnings' : `${count} warning${count === 1 ? '' : 's'}`;
}

export function MapCheck() {
  const { map, warnings: found } = useMapWarnings();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const warnings = found ?? [];
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
        aria-label={found ? `Map check: ${warningCountText(count)}` : 'Map check: checking'}
        title="What could make the simulation's numbers misleading"
        onClick={() => setOpen((o) => !o)}
        disabled={!found}
      >
        <span aria-hidden="true">{count > 0 ? '⚠' : '✓'}</span> {found ? warningCountText(count) : 'Checking…'}
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
