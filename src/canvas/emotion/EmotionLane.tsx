/**
 * The emotion curve lane under the cards, in flow coordinates (React Flow's viewport portal), so it pans and
 * zooms with the stage columns. The curve's geometry is simulation/emotionCurve; this draws it: the scale,
 * the line, one button per point (a click selects the touchpoint), the moments of truth, and the personas'
 * legend when their curves are compared. The canvas loads this module lazily, with its show/hide control.
 */
import { ControlButton } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { COLOUR_PALETTE, type Emotion } from '../../domain/types';
import { EMOTION_TEXT_COLOURS } from '../../render/colours';
import { emotionLane, emotionY, type CurvePoint, type EmotionCurve, type LaneMap } from '../../simulation/emotionCurve';
import { editorActions, useEditor, type EditorState } from '../../store/editorStore';
import { activePersona } from '../../store/selectors';
import { setViewPref, useViewPrefs } from '../../store/viewPrefs';
import { useFlowLayer } from '../flowLayers';
import './emotionLane.css';

const SCALE: { emotion: Emotion; label: string }[] = [
  { emotion: 2, label: '+2 delighted' },
  { emotion: 1, label: '+1 pleased' },
  { emotion: 0, label: '0 neutral' },
  { emotion: -1, label: '−1 annoyed' },
  { emotion: -2, label: '−2 angry' },
];
const EMOTION_COLOURS: Record<Emotion, string> = { [-2]: '#b91c1c', [-1]: '#ea580c', 0: '#64748b', 1: '#16a34a', 2: '#047857' };
const MAP_CURVE_COLOUR = '#4f46e5';
/**
 * Compared curves are drawn a little apart, so that equal curves stay visible side by side and a point hidden
 * under another persona's stays clickable.
 */
const DODGE_X = 10;
const DODGE_Y = 3;

const selectLaneMap = (s: EditorState): LaneMap => ({ nodes: s.map.nodes, stages: s.map.stages, personas: s.map.personas, notes: s.map.notes });
const selectSelectedNodes = (s: EditorState) => s.selection.nodes;

const signed = (emotion: number): string => (emotion > 0 ? `+${emotion}` : emotion < 0 ? `−${-emotion}` : '0');

function pointName(point: CurvePoint, curve: EmotionCurve, comparing: boolean): string {
  return `${point.label}${comparing ? ` (${curve.name})` : ''}: emotion ${signed(point.emotion)}${point.momentOfTruth ? ', moment of truth' : ''}`;
}

/** The lane's content in flow coordinates, unless hidden (tests render this directly, without the portal). */
export const EmotionLaneLayer = memo(function EmotionLaneLayer() {
  const shown = useViewPrefs((s) => s.emotionCurve);
  return shown ? <Lane /> : null;
});

function Lane() {
  const laneMap = useEditor(useShallow(selectLaneMap));
  const persona = useEditor(activePersona);
  const selected = useEditor(selectSelectedNodes);
  const lane = useMemo(() => emotionLane(laneMap, persona), [laneMap, persona]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  if (!lane) return null;

  const { box, plotTop, curves, comparing } = lane;
  const colours = curves.map((c, i) => c.colour ?? (comparing ? COLOUR_PALETTE[(i + 1) % COLOUR_PALETTE.length].hex : MAP_CURVE_COLOUR));
  const dodge = (i: number) => (comparing ? i - (curves.length - 1) / 2 : 0);
  const hasPoints = curves.some((c) => c.points.length > 0);
  // One caption per touchpoint, however many curves mark it.
  const truths = new Map<string, CurvePoint>();
  for (const curve of curves) for (const p of curve.points) if (p.momentOfTruth && !truths.has(p.node)) truths.set(p.node, p);
  const left = (x: number) => x - box.x;
  const top = (y: number) => y - box.y;
  const chosen = !comparing && curves[0]?.persona !== null ? curves[0] : undefined;

  return (
    <div
      className="jd-emotion-lane"
      role="group"
      aria-label="Emotion curve"
      style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
    >
      <div className="jd-emotion-lane__head">
        <span className="jd-emotion-lane__title">Emotion curve</span>
        {chosen && (
          <span className="jd-emotion-lane__persona">
            <span className="jd-emotion-lane__swatch" style={{ background: colours[0] }} aria-hidden="true" />
            {chosen.name}
          </span>
        )}
        {comparing && (
          <ul className="jd-emotion-lane__legend" aria-label="Personas">
            {curves.map((curve, i) => (
              <li key={curve.persona}>
                <span className="jd-emotion-lane__swatch" style={{ background: colours[i] }} aria-hidden="true" />
                {curve.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <svg className="jd-emotion-lane__plot" width={box.width} height={box.height} viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} aria-hidden="true">
        {SCALE.map(({ emotion }) => (
          <line key={emotion} className={`jd-emotion-lane__grid${emotion === 0 ? ' is-zero' : ''}`} x1={box.x} x2={box.x + box.width} y1={emotionY(plotTop, emotion)} y2={emotionY(plotTop, emotion)} />
        ))}
        {curves.map((curve, i) => (
          <path key={curve.persona ?? 'map'} className="jd-emotion-lane__line" d={curve.path} stroke={colours[i]} transform={comparing ? `translate(${dodge(i) * DODGE_X} ${dodge(i) * DODGE_Y})` : undefined} />
        ))}
      </svg>
      <ul className="jd-emotion-lane__scale" aria-label="Emotion scale">
        {SCALE.map(({ emotion, label }) => (
          <li key={emotion} style={{ top: top(emotionY(plotTop, emotion)), color: EMOTION_TEXT_COLOURS[emotion] }}>
            {label}
          </li>
        ))}
      </ul>
      {!hasPoints && <p className="jd-emotion-lane__hint">Set an emotion on a touchpoint to plot the curve.</p>}
      {[...truths.values()].map((p) => (
        <span key={p.node} className="jd-emotion-lane__truth" style={{ left: left(p.x), top: top(p.y) + 18 }} aria-hidden="true">
          Moment of truth
        </span>
      ))}
      {curves.map((curve, i) =>
        curve.points.map((p) => (
          <button
            key={`${curve.persona ?? 'map'}:${p.node}`}
            type="button"
            className={`jd-emotion-lane__point nodrag nopan nokey${comparing ? ' is-compared' : ''}${p.momentOfTruth ? ' is-truth' : ''}${selectedSet.has(p.node) ? ' is-selected' : ''}`}
            style={{ left: left(p.x) + dodge(i) * DODGE_X, top: top(p.y) + dodge(i) * DODGE_Y, background: comparing ? colours[i] : EMOTION_COLOURS[p.emotion], color: colours[i] }}
            aria-label={pointName(p, curve, comparing)}
            title={pointName(p, curve, comparing)}
            onClick={() => editorActions.select({ nodes: [p.node], edges: [] })}
          />
        )),
      )}
    </div>
  );
}

/**
 * What the canvas mounts among its controls: the show/hide control, and the lane in React Flow's viewport
 * portal, so it pans and zooms with the stage columns. One component, so the canvas's first script only
 * needs one lazy import for both.
 */
export function EmotionLane() {
  const portal = useFlowLayer('react-flow__viewport-portal');
  return (
    <>
      <EmotionLaneToggle />
      {portal && createPortal(<EmotionLaneLayer />, portal)}
    </>
  );
}

/** Shows or hides the lane: a canvas control, remembered for next time, not part of the map. */
export function EmotionLaneToggle() {
  const shown = useViewPrefs((s) => s.emotionCurve);
  return (
    <ControlButton
      onClick={() => setViewPref('emotionCurve', !shown)}
      aria-label="Emotion curve"
      aria-pressed={shown}
      title={shown ? 'Hide the emotion curve' : 'Show the emotion curve'}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="jd-emotion-toggle__icon">
        <path d="M1 9c2.5 0 3-5 5.5-5S9 12 11.5 12 14 7 15 7" />
      </svg>
    </ControlButton>
  );
}
