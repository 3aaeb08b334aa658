/**
 * Run / Cancel with progress, the heatmap toggle, and the settings saved with the map. Focus follows a run
 * when the button that had it goes: Run makes way for Cancel, which takes focus; a cancelled run gives it back
 * to Run; a finished one to the results' heading (SimulationResults).
 */
import { useEffect, useRef } from 'react';
import { SIMULATION_LIMITS } from '../../domain/edits';
import { editorActions, useEditor } from '../../store/editorStore';
import { simulationActions, simulationSignature, useSimulation, useSimulationProgress } from '../../store/simulationStore';
import type { SimulationProgress } from '../../simulation/types';
import { CommitField, formatNumber, parseNumber, refusal, type Commit } from '../fields';

const DEFAULTS = { customers: 10_000, seed: 1, maxSteps: 200 };
type SettingKey = keyof typeof DEFAULTS;
const LABELS: Record<SettingKey, string> = { customers: 'Customers', seed: 'Seed', maxSteps: 'Max steps' };

export function SimulationControls() {
  const status = useSimulation((s) => s.status);
  const progress = useSimulationProgress((s) => s.progress);
  const heatmap = useSimulation((s) => s.heatmap);
  const hasResult = useSimulation((s) => s.result !== null);
  const panelOpen = useSimulation((s) => s.panelOpen);
  const signature = useEditor((s) => simulationSignature(s.map));
  const resultSignature = useSimulation((s) => s.resultSignature);
  const stale = resultSignature !== null && resultSignature !== signature;
  const running = status === 'running';
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Only when focus fell to the page with the button that had it (never taken from elsewhere).
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    if (running) cancelButton.current?.focus();
    else if (status === 'cancelled') runButton.current?.focus();
  }, [running, status]);

  return (
    <div className="jd-sim-controls" role="group" aria-label="Simulation">
      {running ? (
        <>
          <div className="jd-progress" role="progressbar" aria-label="Simulation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            {/* Scaled rather than resized: a transform transition runs on the compositor, while a width
                transition lays out and repaints the page (with thousands of nodes on the canvas) every frame. */}
            <div className="jd-progress__bar" style={{ width: '100%', transform: `scaleX(${percent / 100})`, transformOrigin: 'left', transition: 'transform 0.15s' }} />
          </div>
          <span className="jd-progress__text">{progress ? progressText(progress, percent) : ''}</span>
          <button ref={cancelButton} type="button" className="jd-button" onClick={simulationActions.cancel}>
            Cancel
          </button>
        </>
      ) : (
        <button ref={runButton} type="button" className="jd-button jd-button--primary" onClick={simulationActions.run}>
          ▶ Run simulation
        </button>
      )}
      <button type="button" className="jd-button" aria-pressed={heatmap} onClick={simulationActions.toggleHeatmap} disabled={!hasResult} title="Colour touchpoints by customers lost there">
        Heatmap
      </button>
      <button type="button" className="jd-button" aria-pressed={panelOpen} onClick={() => simulationActions.setPanelOpen(!panelOpen)} title="Results and simulation settings">
        Results{stale ? ' (stale)' : ''}
      </button>
    </div>
  );
}

/** Exact analysis and what-if count work units (only their share means anything); Monte Carlo counts customers. */
function progressText({ phase, done, total }: SimulationProgress, percent: number): string {
  if (phase === 'exact') return `Exact analysis ${percent}%`;
  if (phase === 'whatIf') return `What-if ${percent}%`;
  return `${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
}

/** Customers, seed and max steps, saved with the map (one undo step per committed change). */
export function SimulationSettings() {
  const settings = useEditor((s) => s.map.simulation);
  const field = (key: SettingKey) => {
    const commit: Commit = (text) => {
      const parsed = parseNumber(text, LABELS[key], { ...SIMULATION_LIMITS[key], integer: true });
      if (!parsed.ok) return parsed.error;
      return refusal(editorActions.setSimulationSettings({ [key]: parsed.value }));
    };
    return <CommitField key={key} label={LABELS[key]} value={formatNumber(settings?.[key])} placeholder={DEFAULTS[key].toLocaleString('en')} commit={commit} inputMode="numeric" />;
  };
  return (
    <fieldset className="jd-sim-settings">
      <legend>Settings</legend>
      {field('customers')}
      {field('seed')}
      {field('maxSteps')}
      <p className="jd-field__hint">Saved with the map. The same seed gives the same results.</p>
    </fieldset>
  );
}
