/**
 * "Compare": the as-is map and every scenario side by side — completion exact and simulated (same seed for
 * every run), the difference in points with its interval, outcomes, losses by stage and, with personas,
 * completion per persona. Runs in slices on this thread with progress; closing cancels.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { compareScenariosInChunks, type ScenarioComparison } from '../../simulation/scenarios';
import { useEditor } from '../../store/editorStore';
import { useModal } from './useModal';

const pct = (p: number, digits = 1) => `${(p * 100).toFixed(digits)}%`;
const pts = (p: number) => `${p >= 0 ? '+' : '−'}${Math.abs(p).toFixed(1)}`;

export function CompareDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const document = useEditor((s) => s.document);
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [progress, setProgress] = useState('Starting…');
  const [error, setError] = useState<string | null>(null);
  useModal(dialog, () => closeButton.current);

  useEffect(() => {
    const controller = new AbortController();
    setComparison(null);
    setError(null);
    let runs = 1;
    let run = 0;
    compareScenariosInChunks(document, {}, {
      signal: controller.signal,
      onRun: (i, total) => {
        run = i;
        runs = total;
        setProgress(`Simulating ${i === 0 ? 'the as-is map' : `scenario ${i} of ${total - 1}`}…`);
      },
      onProgress: (p) => setProgress(`Simulating ${run === 0 ? 'the as-is map' : `scenario ${run} of ${runs - 1}`}: ${p.phase === 'monteCarlo' ? `${Math.round((100 * p.done) / p.total)}% of customers` : 'exact analysis'}…`),
    })
      .then((result) => {
        if (result) setComparison(result);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => controller.abort();
  }, [document]);

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-compare"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Compare scenarios</h2>
        <button ref={closeButton} type="button" className="jd-link-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      {error && (
        <p className="jd-notice jd-notice--error" role="alert">
          The comparison could not run: {error}
        </p>
      )}
      {!comparison && !error && (
        <p role="status" aria-live="polite">
          {progress}
        </p>
      )}
      {comparison && <ComparisonTable comparison={comparison} />}
    </dialog>
  );
}

function ComparisonTable({ comparison }: { comparison: ScenarioComparison }) {
  const { runs } = comparison;
  const outcomes = Object.keys(comparison.outcomeNames);
  const stages = runs[0].lossesByStage;
  const personas = runs[0].personas;
  return (
    <>
      <p className="jd-muted">
        {comparison.customers.toLocaleString('en')} simulated customers per run, seed {comparison.seed} for every run, so the runs differ only where the
        journeys do. Differences are in points of completion; their 95% interval is conservative.
      </p>
      <div className="jd-compare__scroll">
        <table className="jd-table jd-compare__table">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {runs.map((r) => (
                <th scope="col" key={r.scenarioId ?? 'as-is'}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label="Completion (exact)" cells={runs.map((r) => pct(r.exact.success, 2))} runs={runs} className="is-headline" />
            <Row label="Difference (exact)" cells={runs.map((r) => (r.difference ? `${pts(r.difference.exactPoints)} pts` : null))} runs={runs} className="is-headline" />
            <Row label="Completion (simulated, 95% CI)" cells={runs.map((r) => `${pct(r.monteCarlo.success.rate)} (${pct(r.monteCarlo.success.low)} – ${pct(r.monteCarlo.success.high)})`)} runs={runs} />
            <Row
              label="Difference (simulated, 95% CI)"
              cells={runs.map((r) => (r.difference ? `${pts(r.difference.monteCarloPoints)} pts (${pts(r.difference.lowPoints)} … ${pts(r.difference.highPoints)})` : null))}
              runs={runs}
            />
            <Row label="Abandoned along the way" cells={runs.map((r) => pct(r.exact.abandoned))} runs={runs} />
            <tr className="jd-compare__group">
              <th scope="rowgroup" colSpan={runs.length + 1}>
                Outcomes (exact)
              </th>
            </tr>
            {outcomes.map((id) => (
              <Row key={id} label={comparison.outcomeNames[id]} cells={runs.map((r) => (id in r.exact.outcomes ? pct(r.exact.outcomes[id]) : null))} runs={runs} />
            ))}
            <tr className="jd-compare__group">
              <th scope="rowgroup" colSpan={runs.length + 1}>
                Lost per 1,000 starts, by stage
              </th>
            </tr>
            {stages.map((stage, i) => (
              <Row key={stage.stageId ?? 'none'} label={stage.name} cells={runs.map((r) => (r.lossesByStage[i] ? String(Math.round(r.lossesByStage[i].lostPer1000)) : null))} runs={runs} />
            ))}
            {personas.length > 0 && (
              <>
                <tr className="jd-compare__group">
                  <th scope="rowgroup" colSpan={runs.length + 1}>
                    Completion by persona (exact; simulated 95% CI)
                  </th>
                </tr>
                {personas.map((p, i) => (
                  <Row
                    key={p.personaId}
                    label={p.name}
                    cells={runs.map((r) => {
                      const x = r.personas[i];
                      if (!x) return null;
                      const d = i < runs[0].personas.length && r.difference ? ` (${pts(100 * (x.exact - runs[0].personas[i].exact))} pts)` : '';
                      return `${pct(x.exact, 2)}${d}; ${pct(x.monteCarlo.low)} – ${pct(x.monteCarlo.high)}`;
                    })}
                    runs={runs}
                  />
                ))}
              </>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Row({ label, cells, runs, className }: { label: string; cells: (string | null)[]; runs: ScenarioComparison['runs']; className?: string }) {
  return (
    <tr className={className}>
      <th scope="row">{label}</th>
      {cells.map((c, i) => (
        <td key={runs[i].scenarioId ?? 'as-is'}>{c ?? '—'}</td>
      ))}
    </tr>
  );
}
