/**
 * The legend under the map: what the colours, badges and marks mean. Only what the picture shows is
 * explained (no heat scale without heat, no channel the map does not use). Sections run left to right and
 * wrap onto further rows at the picture's width.
 */
import type { Emotion } from '../domain/types';
import { emotionFace, frictionBadge, scoreChips, scoreChip } from './cards';
import { heatColour } from './colours';
import { LABEL_FONT, LABEL_HEIGHT, labelWidth } from './edgeLabels';
import { baseline, num, rect, text } from './svg';
import { cleanLine, textWidth, truncate, type Font } from './text';

export interface LegendItem {
  iconWidth: number;
  /** Draws the icon with its left edge at x and its middle at y. */
  icon: (x: number, y: number) => string;
  label: string;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

export interface LegendFacts {
  channels: { name: string; colour: string }[];
  kinds: { entry: boolean; touchpoint: boolean; success: boolean; failure: boolean };
  scores: boolean;
  friction: { low: boolean; high: boolean };
  emotions: boolean;
  momentOfTruth: boolean;
  shares: boolean;
  flow: boolean;
  /** Highest loss per 1,000 starts, when heat is shown. */
  heatMax: number | null;
}

const TITLE: Font = { size: 11, bold: true, spacing: 0.06 };
const ITEM: Font = { size: 13 };
const TITLE_HEIGHT = 18;
const ROW = 26;
const ICON_GAP = 7;
const ITEM_GAP = 18;
const SECTION_GAP = 44;
const SECTION_ROW_GAP = 18;
const HEAT_BAR = 132;

const EMOTION_WORDS: Record<Emotion, string> = { [-2]: 'angry', [-1]: 'annoyed', 0: 'neutral', 1: 'pleased', 2: 'delighted' };

const shape = (width: number, attrs: string, radius: number) => (x: number, y: number) => rect({ x, y: y - 8, width, height: 16 }, `rx="${radius}" ${attrs}`);

export function legendSections(facts: LegendFacts): LegendSection[] {
  const sections: LegendSection[] = [];
  if (facts.channels.length > 0) {
    sections.push({
      title: 'Channels',
      items: facts.channels.map((c) => ({ iconWidth: 10, icon: (x, y) => `<circle cx="${num(x + 5)}" cy="${num(y)}" r="5" fill="${c.colour}"/>`, label: truncate(cleanLine(c.name), 220, ITEM) })),
    });
  }
  const cards: LegendItem[] = [];
  if (facts.kinds.entry) cards.push({ iconWidth: 30, icon: (x, y) => `<path d="M${num(x + 8)},${num(y - 8)}H${num(x + 26)}A4,4 0 0 1 ${num(x + 30)},${num(y - 4)}V${num(y + 4)}A4,4 0 0 1 ${num(x + 26)},${num(y + 8)}H${num(x + 8)}A8,8 0 0 1 ${num(x + 8)},${num(y - 8)}Z" fill="#eef2ff" stroke="#a5b4fc"/>`, label: 'entry' });
  if (facts.kinds.touchpoint) cards.push({ iconWidth: 30, icon: (x, y) => shape(30, 'fill="#ffffff" stroke="#cbd5e1"', 3)(x, y) + rect({ x, y: y - 8, width: 4, height: 16 }, 'fill="#94a3b8"'), label: 'touchpoint (left edge: its channel)' });
  if (facts.kinds.success) cards.push({ iconWidth: 30, icon: shape(30, 'fill="#ecfdf5" stroke="#6ee7b7"', 8), label: 'success' });
  if (facts.kinds.failure) cards.push({ iconWidth: 30, icon: shape(30, 'fill="#fef2f2" stroke="#fca5a5"', 8), label: 'failure' });
  if (cards.length > 0) sections.push({ title: 'Steps', items: cards });
  if (facts.scores) {
    const [good, bad, count] = scoreChips({ nps: 42, csat: 52, responses: 305 });
    sections.push({
      title: 'Scores',
      items: [
        { iconWidth: good.width, icon: (x, y) => scoreChip(x, y - 8.5, good), label: 'good (NPS ≥ 30, CSAT ≥ 80%, CES ≥ 5.5)' },
        { iconWidth: bad.width, icon: (x, y) => scoreChip(x, y - 8.5, bad), label: 'poor (NPS < 0, CSAT < 60%, CES < 4)' },
        { iconWidth: count.width, icon: (x, y) => scoreChip(x, y - 8.5, count), label: 'responses' },
      ],
    });
  }
  const friction: LegendItem[] = [];
  const badgeWidth = (label: string) => 7 + 10 + 4 + textWidth(label, { size: 11, bold: true }) + 7;
  if (facts.friction.low) friction.push({ iconWidth: badgeWidth('2 · S3'), icon: (x, y) => frictionBadge(x, y - 9, 2, 3), label: 'open notes · highest severity 1–3' });
  if (facts.friction.high) friction.push({ iconWidth: badgeWidth('1 · S5'), icon: (x, y) => frictionBadge(x, y - 9, 1, 5), label: 'severity 4–5' });
  if (friction.length > 0) sections.push({ title: 'Friction', items: friction });
  if (facts.emotions) {
    const items: LegendItem[] = ([-2, -1, 0, 1, 2] as Emotion[]).map((e) => ({ iconWidth: 18, icon: (x, y) => emotionFace(x, y - 9, e), label: EMOTION_WORDS[e] }));
    if (facts.momentOfTruth) {
      items.push({
        iconWidth: 24,
        icon: (x, y) => `<circle cx="${num(x + 12)}" cy="${num(y)}" r="11" fill="none" stroke="#b91c1c" stroke-width="2"/><circle cx="${num(x + 12)}" cy="${num(y)}" r="5" fill="#b91c1c" stroke="#ffffff" stroke-width="1.5"/>`,
        label: 'moment of truth (lowest point)',
      });
    }
    sections.push({ title: 'Emotion', items });
  }
  const connections: LegendItem[] = [];
  if (facts.shares) {
    const width = labelWidth('60%');
    connections.push({
      iconWidth: width,
      icon: (x, y) => rect({ x, y: y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT }, 'rx="8" fill="#ffffff" stroke="#cbd5e1"') + text(x + width / 2, baseline(y, LABEL_FONT.size), '60%', 'l m'),
      label: 'share of customers who go this way',
    });
  }
  if (facts.flow) connections.push({ iconWidth: 34, icon: (x, y) => `<path d="M${num(x)},${num(y)}H${num(x + 34)}" stroke="#6366f1" stroke-width="7" stroke-dasharray="10 6"/>`, label: 'width: customers flowing' });
  if (connections.length > 0) sections.push({ title: 'Connections', items: connections });
  if (facts.heatMax !== null) {
    const max = facts.heatMax;
    sections.push({
      title: 'Heat',
      items: [
        {
          iconWidth: HEAT_BAR,
          icon: (x, y) =>
            rect({ x, y: y - 12, width: HEAT_BAR, height: 10 }, 'rx="5" fill="url(#jd-heat-scale)"') +
            text(x, baseline(y + 6, 10), '0', 'lk') +
            text(x + HEAT_BAR / 2, baseline(y + 6, 10), String(Math.round(max / 2)), 'lk m') +
            text(x + HEAT_BAR, baseline(y + 6, 10), String(Math.round(max)), 'lk r'),
          label: 'customers lost per 1,000 starts',
        },
      ],
    });
  }
  return sections;
}

/** The gradient the heat scale is drawn with (a `<defs>` entry). */
export const HEAT_GRADIENT = `<linearGradient id="jd-heat-scale">${[0, 0.5, 1].map((l) => `<stop offset="${l}" stop-color="${heatColour(l)}"/>`).join('')}</linearGradient>`;

const itemWidth = (item: LegendItem) => item.iconWidth + ICON_GAP + textWidth(item.label, ITEM);

interface PlacedSection {
  section: LegendSection;
  x: number;
  y: number;
  /** Rows of items, each item with its x offset in the section. */
  rows: { item: LegendItem; x: number }[][];
  width: number;
}

/** Where each section goes in `width`, and the legend's height. */
export function layoutLegend(sections: readonly LegendSection[], width: number): { height: number; placed: PlacedSection[] } {
  const placed: PlacedSection[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const section of sections) {
    const rows: { item: LegendItem; x: number }[][] = [[]];
    let ix = 0;
    let sectionWidth = textWidth(section.title.toUpperCase(), TITLE);
    for (const item of section.items) {
      const w = itemWidth(item);
      if (ix > 0 && ix + w > width) {
        rows.push([]);
        ix = 0;
      }
      rows[rows.length - 1].push({ item, x: ix });
      sectionWidth = Math.max(sectionWidth, ix + w);
      ix += w + ITEM_GAP;
    }
    const height = TITLE_HEIGHT + rows.length * ROW;
    if (x > 0 && x + sectionWidth > width) {
      x = 0;
      y += rowHeight + SECTION_ROW_GAP;
      rowHeight = 0;
    }
    placed.push({ section, x, y, rows, width: sectionWidth });
    x += sectionWidth + SECTION_GAP;
    rowHeight = Math.max(rowHeight, height);
  }
  return { height: placed.length === 0 ? 0 : y + rowHeight, placed };
}

export function drawLegend(layout: { placed: PlacedSection[] }, left: number, top: number): string {
  let out = '<g class="legend">';
  for (const { section, x, y, rows } of layout.placed) {
    const sx = left + x;
    const sy = top + y;
    out += text(sx, sy + 12, section.title.toUpperCase(), 'lg');
    rows.forEach((row, r) => {
      const middle = sy + TITLE_HEIGHT + r * ROW + ROW / 2;
      for (const { item, x: ix } of row) {
        out += item.icon(sx + ix, middle);
        out += text(sx + ix + item.iconWidth + ICON_GAP, baseline(middle, ITEM.size), item.label, 'li');
      }
    });
  }
  return `${out}</g>`;
}
