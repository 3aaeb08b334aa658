/**
 * Everything about scenarios beyond the switcher, loaded on first use: the banner on the canvas while a
 * scenario is shown, the Scenarios dialog and the comparison.
 */
import { createPortal } from 'react-dom';
import { changeCount } from '../../domain/scenarios';
import { editorActions, useEditor } from '../../store/editorStore';
import { CompareDialog } from './CompareDialog';
import { ScenariosDialog } from './ScenariosDialog';
import { openScenarioPanel, useScenarioPanel } from './scenarioPanel';
import './scenarios.css';

export default function ScenarioPanels() {
  const open = useScenarioPanel((s) => s.open);
  return (
    <>
      <ScenarioBanner />
      {open === 'scenarios' && <ScenariosDialog onClose={() => openScenarioPanel(null)} />}
      {open === 'compare' && <CompareDialog onClose={() => openScenarioPanel(null)} />}
    </>
  );
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** While a scenario is shown: which one, that edits go into it, what it changes, and the way back. */
function ScenarioBanner() {
  const scenario = useEditor((s) => s.document.scenarios.find((x) => x.id === s.scenario));
  const canvas = document.querySelector('.jd-canvas');
  if (!scenario || !canvas) return null;
  const c = scenario.changes;
  const summary = [
    c.changedNodes.length > 0 && count(c.changedNodes.length, 'touchpoint') + ' changed',
    c.addedNodes.length > 0 && count(c.addedNodes.length, 'touchpoint') + ' added',
    c.removedNodes.length > 0 && count(c.removedNodes.length, 'touchpoint') + ' removed',
    c.addedEdges.length + c.removedEdges.length + c.changedEdges.length > 0 &&
      count(c.addedEdges.length + c.removedEdges.length + c.changedEdges.length, 'connection') + ' added, removed or reweighted',
  ].filter(Boolean);
  return createPortal(
    <div className="jd-scenario-banner" role="region" aria-label="Scenario shown">
      <p>
        <strong>Scenario: {scenario.name}</strong> — edits change this scenario only; the as-is map stays as it is.{' '}
        <span className="jd-muted">{changeCount(c) === 0 ? 'No changes yet.' : `${summary.join(' · ')}.`}</span>
      </p>
      <button type="button" className="jd-button" onClick={() => openScenarioPanel('compare')}>
        Compare
      </button>
      <button type="button" className="jd-button" onClick={() => editorActions.chooseScenario(null)}>
        Back to As-is
      </button>
    </div>,
    canvas,
  );
}
