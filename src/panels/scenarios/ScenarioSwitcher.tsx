/**
 * The toolbar's scenario switcher: "Scenarios" opens the dialog (new, rename, delete, compare); once the map
 * has scenarios, a select labelled "Scenario" switches between "As-is" and them. Edits go into the scenario
 * shown. The dialogs and the canvas banner load when first wanted.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { editorActions, useEditor } from '../../store/editorStore';
import { openScenarioPanel, useScenarioPanel } from './scenarioPanel';

const loadPanels = () => import('./ScenarioPanels');
const ScenarioPanels = lazy(loadPanels);

export function ScenarioSwitcher() {
  const scenarios = useEditor((s) => s.document.scenarios);
  const shown = useEditor((s) => s.scenario);
  const open = useScenarioPanel((s) => s.open);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus the dialogs gave back to their opener (useModal) stays there (e.g. the banner's Compare button).
  useEffect(() => {
    if (wasOpen.current && open === null && (document.activeElement === null || document.activeElement === document.body)) button.current?.focus();
    wasOpen.current = open !== null;
  }, [open]);
  const preload = () => void loadPanels().catch(() => undefined);
  return (
    <span className="jd-scenario-switcher">
      {scenarios.length > 0 && (
        <select aria-label="Scenario" value={shown ?? ''} onChange={(e) => editorActions.chooseScenario(e.target.value || null)} className={shown ? 'is-scenario' : undefined}>
          <option value="">As-is</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
      <button ref={button} type="button" className="jd-button" aria-haspopup="dialog" onClick={() => openScenarioPanel('scenarios')} onPointerEnter={preload} onFocus={preload}>
        Scenarios
      </button>
      {(open !== null || shown !== null) &&
        createPortal(
          <Suspense fallback={null}>
            <ScenarioPanels />
          </Suspense>,
          document.body,
        )}
    </span>
  );
}
