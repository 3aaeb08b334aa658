/**
 * The emotion curve lane under the cards, as the canvas draws it (canvas/emotion/EmotionLane.tsx): the
 * scale, each curve, its points and the moments of truth. The geometry is simulation/emotionCurve's.
 */
import { COLOUR_PALETTE, type Emotion } from '../domain/types';
import { emotionY, type CurvePoint, type EmotionLane } from '../simulation/emotionCurve';
import { EMOTION_COLOURS, EMOTION_TEXT_COLOURS } from './colours';
import { baseline, num, rect, text } from './svg';
import { cleanLine, textWidth, truncate } from './text';

export const EMOTION_SCALE: { emotion: Emotion; label: string }[] = [
  { emotion: 2, label: '+2 delighted' },
  { emotion: 1, label: '+1 pleased' },
  { emotion: 0, label: '0 neutral' },
  { emotion: -1, label: '−1 annoyed' },
  { emotion: -2, label: '−2 angry' },
];
const MAP_CURVE_COLOUR = '#4f46e5';
const DODGE_X = 10;
const DODGE_Y = 3;

/** Each curve's colour: its persona's, or for compared personas without one a palette colour, or the map's indigo. */
export function curveColours(lane: EmotionLane): string[] {
  return lane.curves.map((c, i) => c.colour ?? (lane.comparing ? COLOUR_PALETTE[(i + 1) % COLOUR_PALETTE.length].hex : MAP_CURVE_COLOUR));
}

export const laneHasPoints = (lane: EmotionLane): boolean => lane.curves.some((c) => c.points.length > 0);

/** The lane, in flow coordinates (already moved down clear of the cards). */
export function drawLane(lane: EmotionLane): string {
  const { box, plotTop, curves, comparing } = lane;
  const colours = curveColours(lane);
  const dodge = (i: number) => (comparing ? i - (curves.length - 1) / 2 : 0);
  let out = `<g class="lane">`;
  out += rect(box, 'fill="#ffffff" fill-opacity="0.82"');
  out += `<path d="M${num(box.x)},${num(box.y)}H${num(box.x + box.width)}M${num(box.x)},${num(box.y + box.height)}H${num(box.x + box.width)}" stroke="#cbd5e1"/>`;

  // Title, then the persona shown or the personas compared.
  const headMiddle = box.y + 8 + 12;
  out += text(box.x + 12, baseline(headMiddle, 13), 'EMOTION CURVE', 'lt');
  let x = box.x + 12 + textWidth('EMOTION CURVE', { size: 13, bold: true, spacing: 0.06 }) + 16;
  const right = box.x + box.width - 12;
  if (comparing || curves[0]?.persona != null) {
    curves.forEach((curve, i) => {
      const name = truncate(cleanLine(curve.name), Math.max(40, right - x - 24), { size: 13, bold: true });
      if (x + 24 + textWidth(name, { size: 13, bold: true }) > right) return;
      out += rect({ x, y: headMiddle - 2, width: 18, height: 4 }, `rx="2" fill="${colours[i]}"`);
      out += text(x + 24, baseline(headMiddle, 13), name, 'lp');
      x += 24 + textWidth(name, { size: 13, bold: true }) + 14;
    });
  }

  for (const { emotion } of EMOTION_SCALE) {
    const y = num(emotionY(plotTop, emotion));
    out += `<path d="M${num(box.x)},${y}H${num(box.x + box.width)}" stroke="${emotion === 0 ? '#94a3b8' : '#e2e8f0'}"${emotion === 0 ? '' : ' stroke-dasharray="4 4"'}/>`;
  }
  curves.forEach((curve, i) => {
    if (curve.path === '') return;
    const shift = comparing ? ` transform="translate(${num(dodge(i) * DODGE_X)} ${num(dodge(i) * DODGE_Y)})"` : '';
    out += `<path d="${curve.path}" fill="none" stroke="${colours[i]}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.9"${shift}/>`;
  });
  for (const { emotion, label } of EMOTION_SCALE) {
    const middle = emotionY(plotTop, emotion);
    out += rect({ x: box.x + 8, y: middle - 8, width: textWidth(label, { size: 12, bold: true }) + 8, height: 16 }, 'rx="4" fill="#ffffff" fill-opacity="0.9"');
    out += text(box.x + 12, baseline(middle, 12), label, 'ls', `fill="${EMOTION_TEXT_COLOURS[emotion]}"`);
  }

  // One caption per touchpoint at the lowest point, however many curves mark it.
  const truths = new Map<string, CurvePoint>();
  for (const curve of curves) for (const p of curve.points) if (p.momentOfTruth && !truths.has(p.node)) truths.set(p.node, p);
  for (const p of truths.values()) {
    const width = textWidth('Moment of truth', { size: 11, bold: true }) + 14;
    out += rect({ x: p.x - width / 2, y: p.y + 18, width, height: 16 }, 'rx="8" fill="#fef2f2" stroke="#fca5a5"');
    out += text(p.x, baseline(p.y + 26, 11), 'Moment of truth', 'lm m');
  }
  curves.forEach((curve, i) => {
    const r = comparing ? 7 : 8;
    for (const p of curve.points) {
      const cx = num(p.x + dodge(i) * DODGE_X);
      const cy = num(p.y + dodge(i) * DODGE_Y);
      if (p.momentOfTruth) out += `<circle cx="${cx}" cy="${cy}" r="${r + 8}" fill="none" stroke="#b91c1c" stroke-width="2"/>`;
      out += `<circle cx="${cx}" cy="${cy}" r="${num(r + 0.75)}" fill="${comparing ? colours[i] : EMOTION_COLOURS[p.emotion]}" stroke="${colours[i]}" stroke-width="1.5"/>`;
      out += `<circle cx="${cx}" cy="${cy}" r="${r - 1}" fill="none" stroke="#ffffff" stroke-width="2"/>`;
    }
  });
  return `${out}</g>`;
}
