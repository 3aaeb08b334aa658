/**
 * "Uncertainty" in the results panel: draws the values that come from counts from their posteriors, solves
 * the journey exactly per draw (in a worker, with progress and Cancel), and shows 95% intervals for
 * completion, outcomes and each hotspot's uplift, and how often each hotspot ranks first.
 */
import { useState } from 'react';
import type { JourneyMap } from '../../domain/types';
import { simulationSignature } from '../../store/simulationStore';
import { uncertaintyActions, useUncertainty } from '../../store/uncertaintyStore';
import { useEditor } from '../../store/editorStore';
import { DEFAULT_DRAWS, MAX_DRAWS, type UncertaintyResult } from '../../simulation/uncertainty';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
const pts = (p: number) => `${p >= 0 ? '+' : '−'}${Math.abs(p * 100).toFixed(1)}`;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
/** What the draws depend on: the simulated values and the counts behind them. */
const drawSignature = (map: JourneyMap) =>
  simulationSignature(map) + JSON.stringify([map.nodes.map((n) => n.observed ?? null), map.edges.map((e) => e.observed ?? null)]);

export function UncertaintyCard() {
  const { status, progress, result, resultMap, error } = useUncertainty();
  const map = useEditor((s) => s.map);
  const [draws, setDraws] = useState(String(DEFAULT_DRAWS));
  const parsed = Number(draws);
  const valid = /^\d+$/.test(draws.trim()) && parsed >= 1 && parsed <= MAX_DRAWS;
  const stale = result !== null && resultMap !== null && (resultMap.id !== map.id || drawSignature(resultMap) !== drawSignature(map));
  return (
    <div className="jd-results__card jd-results__card--wide jd-uncertainty">
      <h3 id="jd-uncertainty-title">Uncertainty</h3>
      <p className="jd-muted">
        Drop-offs and weights calibrated from counts are drawn from their posteriors (Beta for a drop-off, Dirichlet for a node's weights) and
        the journey is solved exactly for every draw.
      </p>
      <div className="jd-uncertainty__controls">
        <label>
          Draws{' '}
          <input
            type="text"
            inputMode="numeric"
            value={draws}
            onChange={(e) => setDraws(e.target.value)}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : 'jd-draws-error'}
            size={7}
          />
        </label>
        {status === 'running' ? (
          <>
            <progress
              max={progress?.total ?? 1}
              value={progress?.done ?? 0}
              aria-label="Uncertainty draws made"
              aria-valuetext={progress ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} draws` : undefined}
            />
            <button type="button" className="jd-button" onClick={uncertaintyActions.cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="jd-button jd-button--primary" disabled={!valid} onClick={() => uncertaintyActions.run(parsed)}>
            Run uncertainty analysis
          </button>
        )}
        {!valid && (
          <span id="jd-draws-error" className="jd-field__error" role="alert">
            Draws must be a whole number from 1 to {MAX_DRAWS.toLocaleString('en')}
          </span>
        )}
      </div>
      {status === 'cancelled' && <p role="status">Cancelled.</p>}
      {error && (
        <p className="jd-notice jd-notice--error" role="alert">
          The uncertainty analysis could not run: {error}
        </p>
      )}
      {stale && <p className="jd-results__stale" role="status">Out of date: the map changed since these draws. Run the analysis again.</p>}
      {result && resultMap && <UncertaintyBody result={result} map={resultMap} />}
    </div>
  );
}

function UncertaintyBody({ result, map }: { result: UncertaintyResult; map: JourneyMap }) {
  const { uncertain, fixed } = result;
  const held = `Values typed by hand are held fixed: ${count(fixed.dropOffs, 'drop-off')} and ${count(fixed.weights, 'weight')}.`;
  if (result.draws === 0) {
    return (
      <p role="status">
        Nothing on this map comes from counts, so every draw would give the same numbers. {held} Import a funnel or path data (Evidence) to
        calibrate values from observed counts.
      </p>
    );
  }
  const hotspots = map.nodes
    .map((node, i) => ({ node, low: result.upliftLow[i], high: result.upliftHigh[i], top: result.topHotspotShare[i] }))
    .filter((h) => h.node.kind !== 'outcome' && (h.top > 0 || h.high > 0))
    .sort((a, b) => b.top - a.top || b.high - a.high)
    .slice(0, 8);
  const leader = hotspots[0];
  const outcomes = map.nodes.filter((n) => n.kind === 'outcome' && result.outcomes[n.id]);
  return (
    <div className="jd-uncertainty__body" role="status" aria-live="polite">
      <p>
        From {count(result.draws, 'draw')} (seed {result.seed}): drawn from counts {count(uncertain.dropOffs, 'drop-off')} and{' '}
        {count(uncertain.weights, 'weight')}. {held}
      </p>
      <p className="jd-uncertainty__headline">
        Completion: <strong>{pct(result.success.low)} – {pct(result.success.high)}</strong> <span className="jd-muted">(95% interval)</span>
      </p>
      {leader && leader.top > 0 && (
        <p className="jd-uncertainty__headline">
          <strong>{leader.node.label}</strong> is the top hotspot in <strong>{Math.round(leader.top * 100)}%</strong> of draws.
        </p>
      )}
      <div className="jd-results__split">
        <table className="jd-table" aria-label="Outcome intervals">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((n) => (
              <tr key={n.id}>
                <th scope="row">{n.label}</th>
                <td>
                  {pct(result.outcomes[n.id].low)} – {pct(result.outcomes[n.id].high)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="jd-table" aria-label="Hotspot uplift intervals">
          <thead>
            <tr>
              <th scope="col">Hotspot</th>
              <th scope="col">Uplift if fixed (95% interval, pts)</th>
              <th scope="col">Top hotspot in</th>
            </tr>
          </thead>
          <tbody>
            {hotspots.map((h) => (
              <tr key={h.node.id}>
                <th scope="row">{h.node.label}</th>
                <td>
                  {pts(h.low)} to {pts(h.high)}
                </td>
                <td>{Math.round(h.top * 100)}% of draws</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
