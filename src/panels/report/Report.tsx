/**
 * The full-window report: one landscape page to print or save as PDF and hand to a client. Results from an
 * earlier version of the map (or none) are no basis for a report, so opening it without current results runs
 * the simulation first and shows its progress. Modal: the editor behind is inert and its shortcuts sleep
 * while the report is open; Escape or Close closes it (the Report button takes the focus back).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimulationProgress } from '../../simulation/types';
import { useEditor } from '../../store/editorStore';
import { isStale, simulationActions, useSimulation, useSimulationProgress, type SimulationStatus } from '../../store/simulationStore';
import { useOpportunityValues } from '../opportunities/useOpportunityValues';
import { ReportPage } from './ReportPage';
import './report.css';

export default function Report({ onClose }: { onClose: () => void }) {
  const layer = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const map = useEditor((s) => s.map);
  const { result, resultSignature, status, error, heat, flow } = useSimulation(
    useShallow((s) => ({ result: s.result, resultSignature: s.resultSignature, status: s.status, error: s.error, heat: s.heat, flow: s.flow })),
  );
  const current = result !== null && !isStale({ result, resultSignature }, map);
  const values = useOpportunityValues(map, null);
  const [date] = useState(() => new Date());

  // Before the first paint, so that a stale or failed earlier run never shows as this report's state.
  const started = useRef(false);
  useLayoutEffect(() => {
    if (started.current) return;
    started.current = true;
    const state = useSimulation.getState();
    if (state.status !== 'running' && (state.result === null || isStale(state, useEditor.getState().map))) simulationActions.run();
  }, []);

  // Everything else on the page sleeps while the report is open; the heading takes the focus.
  useLayoutEffect(() => {
    const own = layer.current;
    const others = Array.from(document.body.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el !== own && !el.hasAttribute('inert'));
    for (const el of others) el.setAttribute('inert', '');
    heading.current?.focus();
    return () => {
      for (const el of others) el.removeAttribute('inert');
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The editor's shortcuts (undo, duplicate, P to present…) would act on the map behind the report: they
      // never see a key while it is open. The browser's own keys (Tab, Enter, Ctrl+P) still work.
      event.stopPropagation();
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onClose]);

  const ready = current && values.status !== 'computing';
  return (
    <div ref={layer} className="jd-report-layer" role="dialog" aria-modal="true" aria-labelledby={headingId}>
      <div className="jd-report__toolbar">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Report
        </h2>
        <p className="jd-report__toolbar-status" role="status">
          {ready ? 'One A4 landscape page. Print it, or choose “Save as PDF” as the printer.' : current ? 'Valuing the opportunities…' : null}
        </p>
        <button type="button" className="jd-button jd-button--primary" onClick={() => window.print()} disabled={!ready}>
          Print / Save as PDF
        </button>
        <button type="button" className="jd-button" onClick={onClose}>
          Close
        </button>
      </div>
      {current ? (
        <div className="jd-report__sheet">
          <FitToPage>
            <ReportPage map={map} result={result} heat={heat} flow={flow} values={values.status === 'done' ? values.values : values.status === 'error' ? {} : null} date={date} />
          </FitToPage>
        </div>
      ) : (
        <Preparing status={status} error={error} />
      )}
    </div>
  );
}

/** The printable height of the sheet: A4 landscape (210 mm) less the 10 mm margins of report.css's @page, in CSS px. */
const PAGE_HEIGHT_PX = ((210 - 2 * 10) * 96) / 25.4;
/** Below this the text gets too small to read on paper: a second page is the lesser evil. */
const MIN_ZOOM = 0.7;

/**
 * Keeps the report on one sheet: a map with long names or many outcomes can make the page taller than A4, and
 * then the whole page is zoomed out just enough to fit (the sheet on screen has the printed width, so what is
 * measured here is what prints). A zoomed page lays out wider, so it is never taller than the zoom predicts.
 * Measured after every render: the report renders rarely, and values arriving can change the wrapping.
 */
function FitToPage({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.removeProperty('zoom');
    const height = el.getBoundingClientRect().height;
    if (height > PAGE_HEIGHT_PX) el.style.setProperty('zoom', String(Math.max(MIN_ZOOM, Math.floor((PAGE_HEIGHT_PX / height) * 1000) / 1000)));
  });
  return (
    <div ref={box} className="jd-report__fit">
      {children}
    </div>
  );
}

function Preparing({ status, error }: { status: SimulationStatus; error: string | null }) {
  const progress = useSimulationProgress((s) => s.progress);
  // Until the run started on opening reports otherwise, the report is being prepared (results of an earlier
  // map, 'done' but stale, are about to be replaced).
  if (status !== 'error' && status !== 'cancelled') {
    const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <div className="jd-report__preparing">
        <p>Simulating the journey for the report…</p>
        <div className="jd-progress" role="progressbar" aria-label="Simulation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="jd-progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <p className="jd-report__muted">{progress ? phaseText(progress, percent) : ''}</p>
      </div>
    );
  }
  return (
    <div className="jd-report__preparing" role="alert">
      <p>{status === 'error' ? `The simulation could not run: ${error ?? 'unknown error'}` : 'The simulation was stopped before the report was ready.'}</p>
      <button type="button" className="jd-button" onClick={simulationActions.run}>
        Try again
      </button>
    </div>
  );
}

function phaseText({ phase, done, total }: SimulationProgress, percent: number): string {
  if (phase === 'exact') return `Exact analysis ${percent}%`;
  if (phase === 'whatIf') return `What-if ${percent}%`;
  return `${done.toLocaleString('en')} of ${total.toLocaleString('en')} customers`;
}
