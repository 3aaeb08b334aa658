/**
 * Presentation mode: the journey full screen, without editing chrome, stepped through with the keyboard, a
 * presenter's clicker (PageUp/PageDown) or a click on either half of the screen. The picture is the map as
 * SVG (render/mapSvg); a step zooms by animating its viewBox to the whole map, a stage's column or a
 * touchpoint. What each step says comes from presentationSteps.
 *
 * A modal <dialog>: everything behind is inert, and keys and clipboard events stop here, so no editor
 * shortcut edits the map during a presentation.
 */
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { JourneyMap } from '../../domain/types';
import { renderMapSvg } from '../../render/mapSvg';
import type { ScenarioComparison } from '../../simulation/scenarios';
import { useEditor } from '../../store/editorStore';
import { simulationActions, simulationSignature, useSimulation, useSimulationProgress } from '../../store/simulationStore';
import { ComparisonSlide } from './ComparisonSlide';
import { endPresentation, fullscreenLeftElsewhere } from './endPresentation';
import { hasScenarios, presentationSteps, stepAnnouncement, type PresentationStep } from './steps';
import { boxText, useViewBoxZoom, zoomTarget } from './zoom';
import './present.css';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', ' ', 'PageDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export default function Presentation() {
  const map = useEditor((s) => s.map);
  // Scenarios are compared from the whole document, whichever of them the editor shows.
  const asIs = useEditor((s) => s.document);
  const result = useCurrentResult(map);
  const comparison = useScenarioComparison(asIs);
  const steps = useMemo(() => presentationSteps(map, result, comparison.value), [map, result, comparison.value]);

  // The step shown is remembered by key: hotspots arriving later insert steps before the comparison.
  const [position, setPosition] = useState({ key: 'journey', index: 0 });
  const found = steps.findIndex((s) => s.key === position.key);
  const index = found >= 0 ? found : Math.min(position.index, steps.length - 1);
  const step = steps[index];
  const stepsRef = useRef({ steps, index });
  stepsRef.current = { steps, index };

  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    element.focus();
    const go = (to: number) => {
      const { steps: all } = stepsRef.current;
      const next = Math.max(0, Math.min(all.length - 1, to));
      setPosition({ key: all[next].key, index: next });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Nothing typed here reaches the editor's shortcuts.
      event.stopPropagation();
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const { steps: all, index: at } = stepsRef.current;
      let handled = true;
      if (event.key === 'Escape') endPresentation();
      else if (NEXT_KEYS.has(event.key) && !event.shiftKey) go(at + 1);
      else if (PREVIOUS_KEYS.has(event.key) || (event.key === ' ' && event.shiftKey)) go(at - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(all.length - 1);
      else handled = false;
      if (handled) event.preventDefault();
    };
    const stop = (event: Event) => event.stopPropagation();
    const onCancel = (event: Event) => {
      event.preventDefault();
      endPresentation();
    };
    const onFullscreenChange = () => {
      if (fullscreenLeftElsewhere()) endPresentation();
    };
    element.addEventListener('keydown', onKeyDown);
    for (const type of ['keyup', 'copy', 'cut', 'paste'] as const) element.addEventListener(type, stop);
    element.addEventListener('cancel', onCancel);
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      for (const type of ['keyup', 'copy', 'cut', 'paste'] as const) element.removeEventListener(type, stop);
      element.removeEventListener('cancel', onCancel);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (element.open) element.close();
    };
  }, []);

  const onClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('button, a, select, input')) return;
    const to = event.clientX >= window.innerWidth / 2 ? index + 1 : index - 1;
    const next = Math.max(0, Math.min(steps.length - 1, to));
    setPosition({ key: steps[next].key, index: next });
  };

  return (
    <dialog ref={dialog} className="jd-present" aria-label={`Presentation: ${map.name}`} tabIndex={-1} onClick={onClick}>
      <div className="jd-present__top">
        <SimulationNote comparing={comparison.comparing} />
        <button type="button" className="jd-present__leave" onClick={endPresentation} title="Leave the presentation (Escape)">
          Leave <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="jd-present__stage">
        {step.kind === 'comparison' ? <ComparisonSlide comparison={step.comparison} /> : <MapPicture map={map} step={step} heated={result !== null} />}
      </div>
      <div className="jd-present__caption">
        <div className="jd-present__text" key={step.key}>
          <p className="jd-present__eyebrow">{step.eyebrow}</p>
          <h2 className="jd-present__title">{step.title}</h2>
          <p className="jd-present__detail">{step.caption}</p>
        </div>
        <p className="jd-present__count">
          {index + 1} / {steps.length}
        </p>
      </div>
      <div className="jd-present__bar" aria-hidden="true">
        <span style={{ transform: `scaleX(${(index + 1) / steps.length})` }} />
      </div>
      <p className="jd-visually-hidden" aria-live="polite">
        {`${stepAnnouncement(step)}, ${index + 1} of ${steps.length}`}
      </p>
    </dialog>
  );
}

/**
 * The map as a picture, zoomed to the step, with the simulation's heat when the result is current; on a
 * stage or hotspot step, everything but the stage's nodes or the touchpoint is dimmed.
 */
function MapPicture({ map, step, heated }: { map: JourneyMap; step: Exclude<PresentationStep, { kind: 'comparison' }>; heated: boolean }) {
  // One key for the highlighted ids, so the picture is drawn again only when they change.
  const highlight = JSON.stringify(step.kind === 'hotspot' ? [step.nodeId] : step.kind === 'stage' ? step.nodeIds : []);
  const { heat, flow } = useSimulation(useShallow((s) => ({ heat: s.heat, flow: s.flow })));
  const picture = useMemo(
    () => renderMapSvg(map, { legend: false, ...(heated ? { heat, flow } : {}), highlight: JSON.parse(highlight) as string[] }),
    [map, highlight, heated, heat, flow],
  );
  const target = zoomTarget(picture, step);
  const figure = useViewBoxZoom(picture.svg, target);
  const label = step.kind === 'journey' ? `The whole journey: ${map.name}` : `${step.eyebrow}: ${step.title}`;
  return <div ref={figure} className="jd-present__figure" data-zoom={boxText(target)} role="img" aria-label={label} />;
}

/** The simulation result for this map, if it is current; starts a run when there is none. */
function useCurrentResult(map: JourneyMap) {
  const { result, resultSignature, status } = useSimulation(useShallow((s) => ({ result: s.result, resultSignature: s.resultSignature, status: s.status })));
  const current = result !== null && resultSignature === simulationSignature(map) ? result : null;
  const started = useRef(false);
  useEffect(() => {
    if (started.current || current !== null || status === 'running') return;
    started.current = true;
    simulationActions.run();
  }, [current, status]);
  return current;
}

/** As-is against the scenarios, computed in slices when the presentation opens (none without scenarios). */
function useScenarioComparison(asIs: JourneyMap): { value: ScenarioComparison | undefined; comparing: boolean } {
  const [state, setState] = useState<{ for: JourneyMap | null; value: ScenarioComparison | undefined }>({ for: null, value: undefined });
  const wanted = hasScenarios(asIs);
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    void import('../../simulation/scenarios')
      .then((m) => m.compareScenariosInChunks(asIs, {}, { isCancelled: () => cancelled }))
      .then((value) => {
        if (!cancelled) setState({ for: asIs, value: value ?? undefined });
      })
      .catch(() => {
        if (!cancelled) setState({ for: asIs, value: undefined });
      });
    return () => {
      cancelled = true;
    };
  }, [asIs, wanted]);
  if (!wanted) return { value: undefined, comparing: false };
  return state.for === asIs ? { value: state.value, comparing: false } : { value: undefined, comparing: true };
}

/** While the hotspots (or the comparison) are still being worked out, a quiet line says so. */
function SimulationNote({ comparing }: { comparing: boolean }) {
  const status = useSimulation((s) => s.status);
  const error = useSimulation((s) => s.error);
  const progress = useSimulationProgress((s) => s.progress);
  let text = '';
  if (status === 'running') {
    const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    text = `Simulating to find the hotspots… ${percent}%`;
  } else if (status === 'error') text = `Hotspots left out: the simulation could not run${error ? ` (${error})` : ''}.`;
  else if (comparing) text = 'Comparing the scenarios…';
  return <p className="jd-present__note">{text}</p>;
}
