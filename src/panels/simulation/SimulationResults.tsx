/**
 * "Simulation results": completion rate (Monte Carlo with its 95% interval, next to the exact value),
 * outcome shares, top paths (click to highlight on the canvas), journey length histogram and hotspots.
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { JourneyMap } from '../../domain/types';
import { useEditor } from '../../store/editorStore';
import { activePersona, nodeIndex } from '../../store/selectors';
import { isStale, lossesByStage, simulationActions, useSimulation } from '../../store/simulationStore';
import type { Hotspot, PathCount, PersonaResult, SimulationResult } from '../../simulation/types';
import { SimulationSettings } from './SimulationControls';
import { useMapWarnings, warningCountText } from '../check/MapCheck';
import MapWarningList from '../check/MapWarningList';
import { DesignedVsObserved } from './DesignedVsObserved';
import { UncertaintyCard } from './UncertaintyCard';

const pct = (p: number, digits = 1) => `${(p * 100).toFixed(digits)}%`;
const num = (n: number) => n.toLocaleString('en');

export default function SimulationResults() {
  const { result, error, status, resultSignature } = useSimulation(
    useShallow((s) => ({ result: s.result, error: s.error, status: s.status, resultSignature: s.resultSignature })),
  );
  const map = useEditor((s) => s.map);
  const stale = isStale({ result, resultSignature }, map);
  const heading = useRef<HTMLHeadingElement>(null);
  // A run has ended and focus fell to the page with the Cancel button: it goes to these results.
  useEffect(() => {
    if ((status === 'done' || status === 'error') && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus();
  }, [status]);
  return (
    <section className="jd-results" aria-label="Simulation results">
      <header className="jd-results__head">
        <h2 ref={heading} tabIndex={-1}>
          Simulation results
        </h2>
        {result && (
          <span className="jd-muted">
            {num(result.monteCarlo.customers)} customers · seed {result.settings.seed} · exact {result.timings.exactMs.toFixed(0)} ms · Monte Carlo{' '}
            {result.timings.monteCarloMs.toFixed(0)} ms
          </span>
        )}
        <button type="button" className="jd-link-button" onClick={() => simulationActions.setPanelOpen(false)} aria-label="Close simulation results">
          ✕
        </button>
      </header>
      {stale && (
        <p className="jd-results__stale" role="status">
          Stale: the map changed since this run. Run the simulation again to update these numbers.
          {status !== 'running' && (
            <button type="button" className="jd-button" onClick={simulationActions.run}>
              Run again
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="jd-notice jd-notice--error" role="alert">
          The simulation could not run: {error}
        </p>
      )}
      <MapWarningsBeside />
      <div className="jd-results__layout">
        <SimulationSettings />
        {result ? (
          <ResultsBody result={result} map={map} stale={stale} />
        ) : (
          <p className="jd-muted jd-results__empty">
            {status === 'running' ? 'Simulating…' : 'Run the simulation to see where customers go, where they drop off and which friction to fix first.'}
          </p>
        )}
      </div>
      <div className="jd-results__evidence">
        <DesignedVsObserved map={map} />
        <UncertaintyCard />
      </div>
    </section>
  );
}

/** The map check's warnings, so a 0% completion rate is never read without its reason. */
function MapWarningsBeside() {
  const { map, warnings } = useMapWarnings();
  if (!warnings || warnings.length === 0) return null;
  return (
    <div className="jd-results__warnings" role="status" aria-label="Map check warnings">
      <p>
        <strong>Map check: {warningCountText(warnings.length)}.</strong> These can make the numbers below misleading:
      </p>
      <MapWarningList map={map} warnings={warnings} />
    </div>
  );
}

function ResultsBody({ result, map, stale }: { result: SimulationResult; map: JourneyMap; stale: boolean }) {
  const { exact, monteCarlo } = result;
  const labels = nodeIndex(map.nodes);
  const label = (id: string) => labels.get(id)?.label ?? id;
  const outcomes = Object.entries(exact.outcomes).sort((a, b) => b[1] - a[1]);
  return (
    <div className={`jd-results__grid${stale ? ' is-stale' : ''}`}>
      <div className="jd-results__card">
        <h3>Completion rate</h3>
        <p className="jd-big-number">{pct(monteCarlo.success.rate)}</p>
        <p className="jd-muted">
          95% CI {pct(monteCarlo.success.low)} – {pct(monteCarlo.success.high)} (Monte Carlo)
        </p>
        <p>
          Exact: <strong>{pct(exact.success, 2)}</strong>
        </p>
        <p className="jd-muted">
          Abandoned {pct(exact.abandoned)} · failure outcomes {pct(exact.failure)}
          {monteCarlo.looping.count > 0 && ` · looping ${pct(monteCarlo.looping.share, 2)}`}
        </p>
      </div>
      {result.personas && result.personas.length > 0 && <PersonaCompletion personas={result.personas} result={result} />}
      <div className="jd-results__card">
        <h3>Outcomes</h3>
        <table className="jd-table">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Exact</th>
              <th scope="col">Simulated</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map(([id, p]) => (
              <tr key={id}>
                <th scope="row" className={labels.get(id)?.result === 'failure' ? 'is-failure' : 'is-success'}>
                  {label(id)}
                </th>
                <td>{pct(p)}</td>
                <td>{pct(monteCarlo.outcomes[id] ?? 0)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Abandoned along the way</th>
              <td>{pct(exact.abandoned)}</td>
              <td>{pct(monteCarlo.abandoned.share)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="jd-results__card">
        <h3>Journey length</h3>
        <LengthHistogram histogram={monteCarlo.journeyLength.histogram} mean={monteCarlo.journeyLength.mean} expected={exact.expectedSteps} />
      </div>
      <div className="jd-results__card jd-results__card--wide">
        <h3>Top paths (click one to highlight it on the canvas)</h3>
        <TopPaths paths={monteCarlo.topPaths} label={label} />
      </div>
      <div className="jd-results__card jd-results__card--wide jd-results__split">
        <div>
          <h3>Losses by stage</h3>
          <StageLosses map={map} abandon={exact.abandon} />
        </div>
        <PersonaHotspots result={result} />
      </div>
    </div>
  );
}

/** Completion per persona, exact and simulated side by side, with the blend they make together. */
function PersonaCompletion({ personas, result }: { personas: PersonaResult[]; result: SimulationResult }) {
  return (
    <div className="jd-results__card jd-results__card--wide">
      <h3>Completion by persona</h3>
      <table className="jd-table jd-persona-results">
        <thead>
          <tr>
            <th scope="col">Persona</th>
            <th scope="col">Share of customers</th>
            <th scope="col">Exact</th>
            <th scope="col">Simulated (95% CI)</th>
            <th scope="col">Customers simulated</th>
          </tr>
        </thead>
        <tbody>
          {personas.map((p) => (
            <tr key={p.personaId}>
              <th scope="row">
                <span className="jd-persona-dot" style={{ background: p.colour ?? '#64748b' }} aria-hidden="true" /> {p.name}
              </th>
              <td>{pct(p.share, 0)}</td>
              <td>{pct(p.exact.success, 2)}</td>
              <td>
                {pct(p.monteCarlo.success.rate)} <span className="jd-muted">({pct(p.monteCarlo.success.low)} – {pct(p.monteCarlo.success.high)})</span>
              </td>
              <td>{num(p.monteCarlo.customers)}</td>
            </tr>
          ))}
          <tr className="jd-persona-results__blend">
            <th scope="row">All customers (blended)</th>
            <td>100%</td>
            <td>{pct(result.exact.success, 2)}</td>
            <td>
              {pct(result.monteCarlo.success.rate)}{' '}
              <span className="jd-muted">({pct(result.monteCarlo.success.low)} – {pct(result.monteCarlo.success.high)})</span>
            </td>
            <td>{num(result.monteCarlo.customers)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The hotspot ranking, for all customers or one persona (starting from the persona shown on the canvas). */
function PersonaHotspots({ result }: { result: SimulationResult }) {
  const canvasPersona = useEditor(activePersona);
  const personas = result.personas ?? [];
  const [chosen, choose] = useState<string | null>(canvasPersona);
  const persona = personas.find((p) => p.personaId === chosen);
  return (
    <div>
      <div className="jd-results__hotspot-head">
        <h3>Friction hotspots{persona ? `: ${persona.name}` : ''}</h3>
        {personas.length > 0 && (
          <label className="jd-inline-field">
            Rank hotspots for{' '}
            <select value={persona?.personaId ?? ''} onChange={(event) => choose(event.target.value === '' ? null : event.target.value)}>
              <option value="">All customers</option>
              {personas.map((p) => (
                <option key={p.personaId} value={p.personaId}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <Hotspots hotspots={persona ? persona.hotspots : result.hotspots} />
    </div>
  );
}

function StageLosses({ map, abandon }: { map: JourneyMap; abandon: Record<string, number> }) {
  const rows = lossesByStage(map, abandon);
  const max = Math.max(1, ...rows.map((r) => r.lostPer1000));
  return (
    <ul className="jd-stage-losses" aria-label="Customers lost per 1,000 starts, by stage">
      {rows.map((r) => (
        <li key={r.stageId ?? 'none'}>
          <span className="jd-stage-losses__name">{r.name}</span>
          <span className="jd-stage-losses__bar" aria-hidden="true">
            <span style={{ width: `${(r.lostPer1000 / max) * 100}%` }} />
          </span>
          <span className="jd-stage-losses__value">{Math.round(r.lostPer1000)}</span>
        </li>
      ))}
    </ul>
  );
}

function TopPaths({ paths, label }: { paths: PathCount[]; label: (id: string) => string }) {
  const highlighted = useSimulation((s) => s.highlightedPath);
  if (paths.length === 0) return <p className="jd-muted">No simulated customer reached an outcome.</p>;
  return (
    <ol className="jd-paths">
      {paths.map((p) => {
        const key = p.path.join('>');
        const active = highlighted !== null && highlighted.join('>') === key;
        return (
          <li key={key}>
            <button type="button" className={`jd-path${active ? ' is-active' : ''}`} aria-pressed={active} onClick={() => simulationActions.highlightPath(active ? null : p.path)}>
              <span className="jd-path__share">{pct(p.share)}</span>
              <span className="jd-path__steps">{p.path.map(label).join(' → ')}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function LengthHistogram({ histogram, mean, expected }: { histogram: number[]; mean: number; expected: number }) {
  const shown = histogram.slice(0, 30);
  const max = Math.max(1, ...shown);
  const width = 280;
  const height = 90;
  const bar = width / Math.max(1, shown.length);
  return (
    <figure className="jd-histogram">
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={`Journey length: mean ${mean.toFixed(2)} steps; exact expectation ${Number.isFinite(expected) ? expected.toFixed(2) : 'infinite'}`}>
        {shown.map((count, steps) => {
          const h = (count / max) * height;
          return (
            <g key={steps}>
              <rect x={steps * bar + 1} y={height - h} width={Math.max(1, bar - 2)} height={h} fill="#6366f1">
                <title>{`${steps} steps: ${count.toLocaleString('en')} customers`}</title>
              </rect>
              {steps % 5 === 0 && (
                <text x={steps * bar + bar / 2} y={height + 12} fontSize="9" textAnchor="middle" fill="#64748b">
                  {steps}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="jd-muted">
        Steps per journey: mean {mean.toFixed(2)} simulated, {Number.isFinite(expected) ? expected.toFixed(2) : '∞'} exact
      </figcaption>
    </figure>
  );
}

function Hotspots({ hotspots: all }: { hotspots: Hotspot[] }) {
  // Touchpoints that lose customers; entries are where customers start, not friction to fix.
  const hotspots = all.filter((h) => h.kind === 'touchpoint' && h.lostPer1000 > 0);
  if (hotspots.length === 0) return <p className="jd-muted">No touchpoint loses customers.</p>;
  return (
    <table className="jd-table jd-hotspots">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Touchpoint</th>
          <th scope="col" title="Rise in completion if this touchpoint lost nobody">Uplift if fixed</th>
          <th scope="col">Drop-off</th>
          <th scope="col">Lost per 1,000 starts</th>
          <th scope="col">Scores</th>
          <th scope="col">Worst open friction</th>
        </tr>
      </thead>
      <tbody>
        {hotspots.slice(0, 10).map((h, i) => (
          <tr key={h.nodeId}>
            <td>{i + 1}</td>
            <th scope="row">{h.label}</th>
            <td>+{(h.uplift * 100).toFixed(1)} pts</td>
            <td>{pct(h.dropOff)}</td>
            <td>{h.lostPer1000.toFixed(0)}</td>
            <td className="jd-muted">
              {[
                h.scores?.nps !== undefined ? `NPS ${h.scores.nps}` : null,
                h.scores?.csat !== undefined ? `CSAT ${h.scores.csat}%` : null,
                h.scores?.ces !== undefined ? `CES ${h.scores.ces}` : null,
                h.scores?.responses !== undefined ? `n=${h.scores.responses}` : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—'}
            </td>
            <td>{h.worstFriction ? `S${h.worstFriction.severity} ${h.worstFriction.note}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
