/**
 * Node cards as the canvas draws them (app.css .jd-node and its parts), measured from their content: the
 * name wrapped at an estimated text width, the channel chip, the score strip and the friction badge. Every
 * card is NODE_WIDTH wide; its height follows what it shows, so nothing overflows its box.
 */
import { NODE_WIDTH } from '../domain/layout';
import { openFriction, worstOpenSeverity } from '../domain/queries';
import type { Channel, Emotion, JourneyNode, Scores } from '../domain/types';
import { BAD, CARD_BORDER, EMOTION_COLOURS, frictionColours, GOOD, heatColour, MUTED, NEUTRAL_CHANNEL, NO_CHANNEL, ON_HEAT, validColour } from './colours';
import { baseline, num, rect, text, type Box } from './svg';
import { scoreChipContents } from './scoreView';
import { cleanLine, textWidth, truncate, wrapText, type Font } from './text';

export interface NodeHeat {
  lostPer1000: number;
  level: number;
}

const NAME: Font = { size: 14, bold: true };
const NAME_LINE = 17.5;
const NAME_MAX_LINES = 5;
const KIND: Font = { size: 10, bold: true, spacing: 0.08 };
const KIND_LINE = 12;
const CHIP: Font = { size: 11, bold: true };
const CHIP_LINE = 14;
const SCORE_TERM: Font = { size: 9, bold: true };
const SCORE_VALUE: Font = { size: 12, bold: true };
const SCORE_HEIGHT = 17;
const FRICTION: Font = { size: 11, bold: true };
const FRICTION_HEIGHT = 18;
const HEAT: Font = { size: 10, bold: true };
const GAP = 6;
const PAD_Y = 10;
const FACE = 18;
/** How far the heat badge reaches above the card's top edge. */
export const HEAT_BADGE_RISE = 11;

export interface ScoreChip {
  term: string;
  value: string;
  tone: 'good' | 'bad' | 'plain' | 'count';
  width: number;
}

/** What a card shows, and where, relative to its top-left corner. */
export interface CardLayout {
  node: JourneyNode;
  height: number;
  /** Left and width of the content column. */
  left: number;
  inner: number;
  nameLines: string[];
  channel?: { name: string; colour: string };
  scores: { chips: ScoreChip[]; rows: number };
  friction?: { open: number; worst: number };
  heat?: NodeHeat;
}

/** The score strip's chips, with the canvas's texts and colour rules (scoreView.ts); an interval follows its value. */
export function scoreChips(scores: Scores | undefined): ScoreChip[] {
  return scoreChipContents(scores).map((c) => {
    const value = c.interval ? `${c.value} ${c.interval}` : c.value;
    return { term: c.term, value, tone: c.tone, width: 10 + textWidth(c.term, SCORE_TERM) + 3 + textWidth(value, SCORE_VALUE) };
  });
}

/** Rows the chips take in `width`, 4 px apart (flex-wrap). */
function chipRows(chips: readonly ScoreChip[], width: number): number {
  if (chips.length === 0) return 0;
  let rows = 1;
  let x = 0;
  for (const chip of chips) {
    if (x > 0 && x + chip.width > width) {
      rows++;
      x = 0;
    }
    x += chip.width + 4;
  }
  return rows;
}

/** Measures a card: what it shows and how tall it is. */
export function layoutCard(node: JourneyNode, channels: readonly Channel[], heat: NodeHeat | undefined): CardLayout {
  const found = node.channel === undefined ? undefined : channels.find((c) => c.id === node.channel);
  const channel = found && node.kind !== 'outcome' ? { name: cleanLine(found.name), colour: validColour(found.colour, NEUTRAL_CHANNEL) } : undefined;
  if (node.kind === 'touchpoint') {
    const left = 4 + 12;
    const inner = NODE_WIDTH - left - 1 - 12;
    const nameLines = wrapText(node.label, inner - (node.emotion === undefined ? 0 : FACE + 6), NAME, NAME_MAX_LINES);
    const chips = scoreChips(node.scores);
    const rows = chipRows(chips, inner);
    const open = openFriction(node).length;
    const friction = open > 0 ? { open, worst: worstOpenSeverity(node) } : undefined;
    let height = 1 + PAD_Y + Math.max(nameLines.length * NAME_LINE, node.emotion === undefined ? 0 : FACE);
    if (channel) height += GAP + CHIP_LINE;
    if (rows > 0) height += GAP + rows * SCORE_HEIGHT + (rows - 1) * 4;
    if (friction) height += GAP + FRICTION_HEIGHT;
    height += PAD_Y + 1;
    return { node, height, left, inner, nameLines, channel, scores: { chips, rows }, friction, heat };
  }
  if (node.kind === 'entry') {
    const left = 1 + 16;
    const inner = NODE_WIDTH - left - 1 - 12;
    const nameLines = wrapText(node.label, inner, NAME, NAME_MAX_LINES);
    let height = 1 + PAD_Y + KIND_LINE + GAP + nameLines.length * NAME_LINE;
    if (channel) height += GAP + CHIP_LINE;
    height += PAD_Y + 1;
    return { node, height, left, inner, nameLines, channel, scores: { chips: [], rows: 0 }, heat };
  }
  const left = 1 + 16;
  const inner = NODE_WIDTH - 2 * left;
  const nameLines = wrapText(node.label, inner, NAME, NAME_MAX_LINES);
  const height = 1 + PAD_Y + KIND_LINE + GAP + nameLines.length * NAME_LINE + PAD_Y + 1;
  return { node, height, left, inner, nameLines, scores: { chips: [], rows: 0 } };
}

/** The box of a card at its position. */
export const cardBox = (layout: CardLayout): Box => ({ x: layout.node.position.x, y: layout.node.position.y, width: NODE_WIDTH, height: layout.height });

/** A rounded rectangle with separate left and right corner radii, as a path. */
function roundedPath(b: Box, leftRadius: number, rightRadius: number): string {
  const l = Math.min(leftRadius, b.height / 2);
  const r = Math.min(rightRadius, b.height / 2);
  const { x, y, width: w, height: h } = b;
  return `M${num(x + l)},${num(y)}H${num(x + w - r)}A${num(r)},${num(r)} 0 0 1 ${num(x + w)},${num(y + r)}V${num(y + h - r)}A${num(r)},${num(r)} 0 0 1 ${num(x + w - r)},${num(y + h)}H${num(x + l)}A${num(l)},${num(l)} 0 0 1 ${num(x)},${num(y + h - l)}V${num(y + l)}A${num(l)},${num(l)} 0 0 1 ${num(x + l)},${num(y)}Z`;
}

const faceId = (emotion: Emotion): string => `jd-face-${emotion < 0 ? `n${-emotion}` : emotion}`;

/**
 * The five faces of the emotion marker (parts.tsx EmotionMarker), 18 px square, defined once in the
 * picture's `<defs>`: a large map shows hundreds of them.
 */
export function emotionFaceDefs(): string {
  const s = FACE / 20;
  const p = (v: number) => num(v * s);
  const mouth: Record<Emotion, number> = { [-2]: 7, [-1]: 9.5, 0: 12, 1: 14.5, 2: 17 };
  return ([-2, -1, 0, 1, 2] as Emotion[])
    .map((emotion) => {
      const c = EMOTION_COLOURS[emotion];
      return (
        `<g id="${faceId(emotion)}" fill="none" stroke="${c}" stroke-width="${p(1.6)}" stroke-linecap="round">` +
        `<circle cx="${p(10)}" cy="${p(10)}" r="${p(8.5)}"/><circle cx="${p(7)}" cy="${p(8)}" r="${p(1.2)}" fill="${c}" stroke="none"/><circle cx="${p(13)}" cy="${p(8)}" r="${p(1.2)}" fill="${c}" stroke="none"/>` +
        `<path d="M${p(6)} ${p(12.5)}Q${p(10)} ${p(mouth[emotion] + 0.5)} ${p(14)} ${p(12.5)}"/></g>`
      );
    })
    .join('');
}

/** An emotion marker with its top-left corner at (x, y). */
export const emotionFace = (x: number, y: number, emotion: Emotion): string => `<use xlink:href="#${faceId(emotion)}" x="${num(x)}" y="${num(y)}"/>`;

/** A channel chip: a dot in the channel's colour and its name (in that colour too, but on a heat tint). `y` is the top of its line. */
function chip(x: number, y: number, width: number, channel: { name: string; colour: string }, onHeat: boolean): string {
  const middle = y + CHIP_LINE / 2;
  return `<circle cx="${num(x + 3.5)}" cy="${num(middle)}" r="3.5" fill="${channel.colour}"/>${text(x + 12, baseline(middle, CHIP.size), truncate(channel.name, width - 12, CHIP), 'c', `fill="${onHeat ? ON_HEAT : channel.colour}"`)}`;
}

const CHIP_FILL = { good: '#d1fae5', bad: '#fee2e2', plain: '#f1f5f9', count: 'none' } as const;
const CHIP_TEXT = { good: GOOD, bad: BAD, plain: '#0f172a', count: MUTED } as const;

/** One score chip, top-left at (x, y); a chip without a fill of its own on a heat tint is in ON_HEAT. */
export function scoreChip(x: number, y: number, c: ScoreChip, onHeat = false): string {
  const box = { x, y, width: c.width, height: SCORE_HEIGHT };
  const middle = y + SCORE_HEIGHT / 2;
  const fill = CHIP_FILL[c.tone];
  const ink = onHeat && fill === 'none' ? ON_HEAT : undefined;
  return (
    (fill === 'none' ? '' : rect(box, `rx="4" fill="${fill}"`)) +
    text(x + 5, baseline(middle, SCORE_VALUE.size), c.term, 'sd', ink ? `style="fill:${ink}"` : '') +
    text(x + 5 + textWidth(c.term, SCORE_TERM) + 3, baseline(middle, SCORE_VALUE.size), c.value, c.tone === 'count' ? 'sn' : 'sv', `fill="${ink ?? CHIP_TEXT[c.tone]}"`)
  );
}

/** The friction badge: a warning sign, the number of open notes and the highest severity. */
export function frictionBadge(x: number, y: number, open: number, worst: number): string {
  const label = `${open} · S${worst}`;
  const width = 7 + 10 + 4 + textWidth(label, FRICTION) + 7;
  const { fill, text: ink } = frictionColours(worst);
  const middle = y + FRICTION_HEIGHT / 2;
  const tx = x + 7;
  return (
    rect({ x, y, width, height: FRICTION_HEIGHT }, `rx="9" fill="${fill}"`) +
    `<path d="M${num(tx + 5)},${num(middle - 5)}L${num(tx + 10)},${num(middle + 4)}H${num(tx)}Z" fill="none" stroke="${ink}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="M${num(tx + 5)},${num(middle - 1.5)}V${num(middle + 1)}" stroke="${ink}" stroke-width="1.4" stroke-linecap="round"/>` +
    text(tx + 14, baseline(middle, FRICTION.size), label, 'f', `fill="${ink}"`)
  );
}

/** The heat badge over a touchpoint's top edge: customers lost there per 1,000 starts. */
function heatBadge(right: number, top: number, lostPer1000: number): string {
  const label = `−${Math.round(lostPer1000)} / 1,000`;
  const width = textWidth(label, HEAT) + 12;
  const x = right - 8 - width;
  return rect({ x, y: top - HEAT_BADGE_RISE, width, height: 16 }, 'rx="8" fill="#7f1d1d"') + text(x + 6, baseline(top - HEAT_BADGE_RISE + 8, HEAT.size), label, 'h');
}

/** The card, drawn at its node's position. */
export function drawCard(layout: CardLayout): string {
  const { node } = layout;
  const box = cardBox(layout);
  const { x, y } = box;
  const left = x + layout.left;
  let out = '';
  let cursor = y + 1 + PAD_Y;
  const heat = layout.heat;
  const heatFill = heat ? heatColour(heat.level) : undefined;
  const heatStroke = heat ? '#f87171' : undefined;

  if (node.kind === 'touchpoint') {
    out += rect(box, `rx="8" fill="${heatFill ?? '#ffffff'}" stroke="${heatStroke ?? CARD_BORDER}"`);
    // The channel's colour as the card's thick left border.
    const colour = layout.channel?.colour ?? NO_CHANNEL;
    out += `<path d="M${num(x + 8)},${num(y)}A8,8 0 0 0 ${num(x)},${num(y + 8)}V${num(y + box.height - 8)}A8,8 0 0 0 ${num(x + 8)},${num(y + box.height)}Q${num(x + 4)},${num(y + box.height)} ${num(x + 4)},${num(y + box.height - 7)}V${num(y + 7)}Q${num(x + 4)},${num(y)} ${num(x + 8)},${num(y)}Z" fill="${colour}"/>`;
    out += text(left, baseline(cursor + NAME_LINE / 2, NAME.size), layout.nameLines, 'n', '', NAME_LINE);
    if (node.emotion !== undefined) out += emotionFace(left + layout.inner - FACE, cursor, node.emotion);
    cursor += Math.max(layout.nameLines.length * NAME_LINE, node.emotion === undefined ? 0 : FACE);
    if (layout.channel) {
      cursor += GAP;
      out += chip(left, cursor, layout.inner, layout.channel, !!heat);
      cursor += CHIP_LINE;
    }
    if (layout.scores.rows > 0) {
      cursor += GAP;
      let cx = 0;
      for (const c of layout.scores.chips) {
        if (cx > 0 && cx + c.width > layout.inner) {
          cx = 0;
          cursor += SCORE_HEIGHT + 4;
        }
        out += scoreChip(left + cx, cursor, c, !!heat);
        cx += c.width + 4;
      }
      cursor += SCORE_HEIGHT;
    }
    if (layout.friction) {
      cursor += GAP;
      out += frictionBadge(left, cursor, layout.friction.open, layout.friction.worst);
    }
    if (heat) out += heatBadge(x + box.width, y, heat.lostPer1000);
    return out;
  }

  if (node.kind === 'entry') {
    out += `<path d="${roundedPath(box, 22, 8)}" fill="${heatFill ?? '#eef2ff'}" stroke="${heatStroke ?? '#a5b4fc'}"/>`;
    out += text(left, baseline(cursor + KIND_LINE / 2, KIND.size), 'ENTRY', 'k', `fill="${heat ? ON_HEAT : '#4338ca'}"`);
    cursor += KIND_LINE + GAP;
    out += text(left, baseline(cursor + NAME_LINE / 2, NAME.size), layout.nameLines, 'n', '', NAME_LINE);
    cursor += layout.nameLines.length * NAME_LINE;
    if (layout.channel) out += chip(left, cursor + GAP, layout.inner, layout.channel, !!heat);
    return out;
  }

  const success = node.result !== 'failure';
  const centre = x + box.width / 2;
  out += rect(box, `rx="${num(Math.min(22, box.height / 2))}" fill="${success ? '#ecfdf5' : '#fef2f2'}" stroke="${success ? '#6ee7b7' : '#fca5a5'}"`);
  out += text(centre, baseline(cursor + KIND_LINE / 2, KIND.size), success ? '✓ SUCCESS' : '✕ FAILURE', 'k m', `fill="${success ? GOOD : BAD}"`);
  cursor += KIND_LINE + GAP;
  out += text(centre, baseline(cursor + NAME_LINE / 2, NAME.size), layout.nameLines, 'n m', '', NAME_LINE);
  return out;
}

/** A sticky note: yellow, as wide as its user made it, as tall as its text. */
export interface NoteLayout {
  box: Box;
  lines: string[];
}

const NOTE: Font = { size: 13 };
const NOTE_LINE = 18.2;

export function layoutNote(note: { text: string; position: { x: number; y: number }; width?: number }, defaultWidth: number): NoteLayout {
  const width = note.width ?? defaultWidth;
  const lines = wrapText(note.text, width - 28 - 2, NOTE, 30, true);
  const height = Math.max(60, 1 + 10 + lines.length * NOTE_LINE + 12 + 1);
  return { box: { x: note.position.x, y: note.position.y, width, height }, lines };
}

export function drawNote(note: NoteLayout): string {
  const { box, lines } = note;
  return rect(box, 'rx="2" fill="#fef3c7" stroke="#f59e0b"') + text(box.x + 15, baseline(box.y + 11 + NOTE_LINE / 2, NOTE.size), lines, 'nt', '', NOTE_LINE);
}

