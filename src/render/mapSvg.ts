/**
 * A journey map as a picture: one SVG document for the image export, the report and presentation mode.
 * Pure: no React, no DOM, no clock. The same map and options always give the same text, whatever the
 * window, the zoom or the panels open in the editor.
 *
 * Decisions:
 * - Real SVG only: `<text>` for text, paths for edges and shapes, no foreignObject, no script, no external
 *   reference; every user string escaped (& < > " ') with control characters removed. Fonts are not
 *   embedded: a system font stack in the document's stylesheet (and on the root, for readers that ignore
 *   stylesheets).
 * - Cards cannot be measured here, so their heights follow from their content (render/cards.ts) and text
 *   widths are estimated generously (render/text.ts): laid out for the widest font of the stack, text fits.
 * - Edge labels never cover a card (render/edgeLabels.ts); one set far from its curve gets a leader line.
 * - The emotion lane is simulation/emotionCurve's, moved to sit LANE_GAP under the lowest card as measured
 *   here (the lane's own estimate of card heights is a guess), so it never covers a card nor floats far below.
 * - The legend goes under the map or beside it, whichever makes the picture fill a 16:9 slide better.
 * - Boxes are returned in the SVG's user units (its viewBox starts at 0 0), so a caller can zoom to a stage
 *   or a touchpoint by setting the viewBox to its box.
 */
import { bandsRight, GRID, LANE_GAP, STAGE_TOP, STICKY_WIDTH, stageBands } from '../domain/layout';
import { personaView } from '../domain/personaView';
import type { JourneyMap } from '../domain/types';
import { emotionLane, monotonePath, type EmotionLane } from '../simulation/emotionCurve';
import { cardBox, drawCard, drawNote, emotionFaceDefs, HEAT_BADGE_RISE, layoutCard, layoutNote, type CardLayout, type NodeHeat } from './cards';
import { GROUND, INK_2, mix, MUTED, NEUTRAL_CHANNEL, validColour } from './colours';
import { curvePath, edgeCurve, LABEL_FONT, LABEL_HEIGHT, LABEL_MAX_WIDTH, labelWidth, leaderStart, placeLabels, type LabelRequest } from './edgeLabels';
import { drawLane, laneHasPoints } from './lane';
import { drawLegend, HEAT_GRADIENT, layoutLegend, legendSections } from './legend';
import { baseline, num, rect, text, type Box } from './svg';
import { cleanLine, escapeXml, truncate } from './text';

export type { Box } from './svg';

export interface RenderOptions {
  /** Shown large at the top (usually the map's name); no heading without it. */
  title?: string;
  /** Already formatted for the reader: the renderer reads no clock. */
  date?: string;
  /** The persona whose view is drawn (its emotions, shares and curve); null or absent: all customers. */
  persona?: string | null;
  /** Heat per node id from simulation results: the card's fill and its "lost per 1,000" badge. */
  heat?: Record<string, NodeHeat>;
  /** Edge id → 0..1 of the busiest edge's flow: drawn as the edge's width, as the canvas does. */
  flow?: Record<string, number>;
  /** The name of the scenario shown, for the subtitle. */
  scenario?: string | null;
  /** The emotion curve lane under the cards (default true; never drawn without a point to plot). */
  lane?: boolean;
  /** The legend under the map (default true). */
  legend?: boolean;
  /** Node ids drawn normally; every other node (and the edges not between two of them) is dimmed. Empty or absent: none dimmed. */
  highlight?: string[];
}

export interface MapPicture {
  svg: string;
  width: number;
  height: number;
  /** Each node's card, in SVG user units. */
  nodes: Record<string, Box>;
  /** Each stage's band, header included, in SVG user units. */
  stages: Record<string, Box>;
  /** Each edge label's box (edges with a label only), in SVG user units. */
  labels: Record<string, Box>;
  /** The emotion lane's box, when drawn. */
  lane: Box | null;
}

const PAGE_PAD = 48;
const FRAME_PAD = 24;
const MIN_CONTENT_WIDTH = 960;
/** The slide the picture is shaped for, and the legend's column when it goes beside the map. */
const SLIDE = { width: 1920, height: 1080 };
const LEGEND_COLUMN = 360;
const LEGEND_GAP = 36;
const STAGE_HEADER = 44;
/** Room under the lowest card when the map has no lane. */
const BOTTOM_ROOM = 32;
const TITLE = { size: 30, bold: true };
const SUBTITLE = { size: 16 };
const FONT_STACK = `Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif`;

/**
 * Text styles, scoped to the picture's root: an SVG put inline in a page (the report, presentation mode)
 * neither restyles the page nor takes its styles.
 */
const STYLE = Object.entries({
  text: `font-family:${FONT_STACK}`,
  '.m': 'text-anchor:middle',
  '.r': 'text-anchor:end',
  '.tt': 'font-size:30px;font-weight:700;fill:#0f172a',
  '.st': 'font-size:16px;fill:#475569',
  '.s': 'font-size:15px;font-weight:700;letter-spacing:.06em;text-transform:uppercase',
  '.si': 'font-size:12px;font-weight:700;fill:#fff',
  '.n': 'font-size:14px;font-weight:600;fill:#0f172a',
  '.k': 'font-size:10px;font-weight:700;letter-spacing:.08em',
  '.c': 'font-size:11px;font-weight:600',
  '.sd': `font-size:9px;font-weight:700;fill:${MUTED}`,
  '.sv': 'font-size:12px;font-weight:700',
  '.sn': 'font-size:12px;font-weight:500',
  '.f': 'font-size:11px;font-weight:700',
  '.h': 'font-size:10px;font-weight:700;fill:#fff',
  '.l': 'font-size:11px;font-weight:600;fill:#334155',
  '.nt': 'font-size:13px;fill:#422006',
  '.lt': 'font-size:13px;font-weight:700;letter-spacing:.06em;fill:#334155',
  '.lp': 'font-size:13px;font-weight:600;fill:#334155',
  '.ls': 'font-size:12px;font-weight:600',
  '.lm': 'font-size:11px;font-weight:700;fill:#b91c1c',
  '.lg': `font-size:11px;font-weight:700;letter-spacing:.06em;fill:${MUTED}`,
  '.li': 'font-size:13px;fill:#334155',
  '.lk': `font-size:10px;fill:${MUTED}`,
})
  .map(([selector, rules]) => `.jd-picture ${selector}{${rules}}`)
  .join('');

const ARROW = '<marker id="jd-arrow" viewBox="-10 -5 10 10" refX="0" refY="0" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto"><path d="M-10,-5L0,0L-10,5Z" fill="#64748b"/></marker>';

const grow = (box: Box, by: Box): Box => {
  const x = Math.min(box.x, by.x);
  const y = Math.min(box.y, by.y);
  return { x, y, width: Math.max(box.x + box.width, by.x + by.width) - x, height: Math.max(box.y + box.height, by.y + by.height) - y };
};
const shift = (box: Box, dx: number, dy: number): Box => ({ x: box.x + dx, y: box.y + dy, width: box.width, height: box.height });

/** The lane moved down by `dy` (up when negative). */
function moveLane(lane: EmotionLane, dy: number): EmotionLane {
  if (dy === 0) return lane;
  return {
    ...lane,
    box: shift(lane.box, 0, dy),
    plotTop: lane.plotTop + dy,
    plotBottom: lane.plotBottom + dy,
    curves: lane.curves.map((curve) => {
      const points = curve.points.map((p) => ({ ...p, y: p.y + dy }));
      return { ...curve, points, path: monotonePath(points) };
    }),
  };
}

/**
 * A stage's name as typed, cut to fit its header when shown in capitals (the stylesheet capitalises it, as the
 * canvas does, so the text itself stays the name: searchable, and right in readers that ignore the styles).
 */
function stageLabel(name: string, width: number): string {
  const clean = cleanLine(name);
  const fitted = Array.from(truncate(clean.toUpperCase(), width, { size: 15, bold: true, spacing: 0.06 }));
  return fitted[fitted.length - 1] === '…' ? `${Array.from(clean).slice(0, fitted.length - 1).join('').trimEnd()}…` : clean;
}

/** "60% · asks a question": the share when the source branches, then the connection's own label. */
function edgeText(share: number | null, label: string | undefined): string {
  const own = label === undefined ? '' : cleanLine(label);
  return [share !== null ? `${Math.round(share * 100)}%` : '', own].filter((part) => part !== '').join(' · ');
}

export function renderMapSvg(map: JourneyMap, options: RenderOptions = {}): MapPicture {
  const persona = options.persona ?? null;
  const view = personaView(map, persona);
  const heat = options.heat ?? {};
  const flow = options.flow;
  const highlight = options.highlight && options.highlight.length > 0 ? new Set(options.highlight) : null;

  // Cards and notes, measured.
  const cards = new Map<string, CardLayout>();
  for (const node of view.nodes) cards.set(node.id, layoutCard(node, map.channels, heat[node.id]));
  const notes = map.notes.map((note) => layoutNote(note, STICKY_WIDTH));
  const obstacles: Box[] = [];
  for (const layout of cards.values()) {
    const box = cardBox(layout);
    obstacles.push(layout.heat && layout.node.kind === 'touchpoint' ? { ...box, y: box.y - HEAT_BADGE_RISE, height: box.height + HEAT_BADGE_RISE } : box);
  }
  for (const note of notes) obstacles.push(note.box);

  // The lane, below the lowest card or note as measured here.
  let lane: EmotionLane | null = null;
  if (options.lane !== false) {
    const planned = emotionLane(map, persona);
    if (planned && laneHasPoints(planned)) {
      let bottom = -Infinity;
      for (const o of obstacles) bottom = Math.max(bottom, o.y + o.height);
      // Cards are often shorter than the lane's estimate: the lane moves up under them as well as down.
      lane = moveLane(planned, Math.ceil((bottom + LANE_GAP - planned.box.y) / GRID) * GRID);
    }
  }

  // Edges and where their labels go.
  const outgoing = new Map<string, { total: number; count: number }>();
  for (const e of view.edges) {
    const o = outgoing.get(e.source) ?? { total: 0, count: 0 };
    o.total += e.weight;
    o.count += 1;
    outgoing.set(e.source, o);
  }
  const edges: { id: string; curve: ReturnType<typeof edgeCurve>; label: string; dim: boolean; flow: number | undefined }[] = [];
  const requests: LabelRequest[] = [];
  for (const e of view.edges) {
    const source = cards.get(e.source);
    const target = cards.get(e.target);
    if (!source || !target) continue;
    const s = cardBox(source);
    const t = cardBox(target);
    const curve = edgeCurve(s.x + s.width, s.y + s.height / 2, t.x, t.y + t.height / 2);
    const out = outgoing.get(e.source);
    const share = out && out.count >= 2 && out.total > 0 ? e.weight / out.total : null;
    const label = truncate(edgeText(share, e.label), LABEL_MAX_WIDTH - 14, LABEL_FONT);
    edges.push({ id: e.id, curve, label, dim: highlight !== null && !(highlight.has(e.source) && highlight.has(e.target)), flow: flow?.[e.id] });
    if (label !== '') requests.push({ id: e.id, curve, width: labelWidth(label), height: LABEL_HEIGHT });
  }
  const bands = stageBands(map);
  const headers = bands.map((b) => ({ x: b.x, y: STAGE_TOP, width: b.width, height: STAGE_HEADER }));
  const placed = placeLabels(obstacles, lane ? [...headers, lane.box] : headers, requests);

  // What the map covers, in flow coordinates.
  let bounds: Box | null = bands.length > 0 ? { x: 0, y: STAGE_TOP, width: bandsRight(map), height: STAGE_HEADER } : null;
  const include = (box: Box) => (bounds = bounds ? grow(bounds, box) : { ...box });
  for (const o of obstacles) include({ ...o, height: o.height + (lane ? 0 : BOTTOM_ROOM) });
  for (const p of placed.values()) include(p.box);
  if (lane) include(lane.box);
  const area: Box = bounds ?? { x: 0, y: 0, width: 600, height: 200 };
  const frame: Box = { x: area.x - FRAME_PAD, y: area.y - FRAME_PAD, width: area.width + 2 * FRAME_PAD, height: area.height + 2 * FRAME_PAD };

  // The legend: only what the picture shows.
  const sections =
    options.legend === false
      ? []
      : legendSections({
          channels: map.channels.filter((c) => view.nodes.some((n) => n.channel === c.id)).map((c) => ({ name: c.name, colour: validColour(c.colour, NEUTRAL_CHANNEL) })),
          kinds: {
            entry: view.nodes.some((n) => n.kind === 'entry'),
            touchpoint: view.nodes.some((n) => n.kind === 'touchpoint'),
            success: view.nodes.some((n) => n.kind === 'outcome' && n.result !== 'failure'),
            failure: view.nodes.some((n) => n.kind === 'outcome' && n.result === 'failure'),
          },
          scores: [...cards.values()].some((c) => c.scores.chips.length > 0),
          friction: { low: [...cards.values()].some((c) => c.friction && c.friction.worst < 4), high: [...cards.values()].some((c) => c.friction && c.friction.worst >= 4) },
          emotions: view.nodes.some((n) => n.kind === 'touchpoint' && n.emotion !== undefined) || lane !== null,
          momentOfTruth: lane !== null && lane.curves.some((c) => c.points.some((p) => p.momentOfTruth)),
          shares: edges.some((e) => /^\d+%/.test(e.label)),
          flow: flow !== undefined && Object.values(flow).some((f) => f > 0),
          heatMax: Object.keys(heat).length > 0 ? Object.values(heat).reduce((m, h) => Math.max(m, h.lostPer1000), 0) : null,
        });

  // The heading.
  const title = cleanLine(options.title ?? '');
  const personaName = persona === null ? '' : cleanLine(map.personas.find((p) => p.id === persona)?.name ?? '');
  const scenario = cleanLine(options.scenario ?? '');
  const subtitle = [
    cleanLine(options.date ?? ''),
    personaName ? `Persona: ${personaName}` : map.personas.length > 0 ? 'All customers' : '',
    scenario ? `Scenario: ${scenario}` : '',
    Object.keys(heat).length > 0 ? 'Heatmap from simulation results' : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
  const headHeight = (title !== '' ? 40 : 0) + (subtitle !== '' ? 28 : 0) + (title !== '' || subtitle !== '' ? 20 : 0);

  // The legend goes under the map or beside it, whichever lets the picture fill a 16:9 slide more.
  const below = layoutLegend(sections, Math.max(frame.width, MIN_CONTENT_WIDTH));
  const beside = layoutLegend(sections, LEGEND_COLUMN);
  const fit = (w: number, h: number) => Math.min(SLIDE.width / (w + 2 * PAGE_PAD), SLIDE.height / (h + 2 * PAGE_PAD));
  const belowSize = { width: Math.max(frame.width, MIN_CONTENT_WIDTH), height: headHeight + frame.height + (below.height > 0 ? LEGEND_GAP + below.height : 0) };
  const besideWidth = beside.placed.reduce((w, p) => Math.max(w, p.x + p.width), 0);
  const besideSize = { width: Math.max(frame.width + LEGEND_GAP + besideWidth, MIN_CONTENT_WIDTH), height: headHeight + Math.max(frame.height, beside.height) };
  const side = beside.height > 0 && fit(besideSize.width, besideSize.height) > 1.02 * fit(belowSize.width, belowSize.height);
  const content = side ? besideSize : belowSize;
  const width = Math.ceil(content.width + 2 * PAGE_PAD);
  const height = Math.ceil(content.height + 2 * PAGE_PAD);

  let head = '';
  let y = PAGE_PAD;
  if (title !== '') {
    head += text(PAGE_PAD, y + 28, truncate(title, content.width, TITLE), 'tt');
    y += 40;
  }
  if (subtitle !== '') head += text(PAGE_PAD, y + 18, truncate(subtitle, content.width, SUBTITLE), 'st');
  const top = PAGE_PAD + headHeight;
  const dx = PAGE_PAD + (side ? 0 : (content.width - frame.width) / 2) - frame.x;
  const dy = top - frame.y;
  const legendSvg = side ? drawLegend(beside, PAGE_PAD + frame.width + LEGEND_GAP, top) : below.height > 0 ? drawLegend(below, PAGE_PAD, top + frame.height + LEGEND_GAP) : '';
  const heatGradient = sections.some((s) => s.title === 'Heat') ? HEAT_GRADIENT : '';

  // The map, in flow coordinates moved into its frame.
  let body = rect(frame, `rx="12" fill="${GROUND}" stroke="#e2e8f0"`);
  const bandBottom = frame.y + frame.height;
  const stages: Record<string, Box> = {};
  const neutral = [mix('#ffffff', 0.75, GROUND), mix('#e2e8f0', 0.45, GROUND)];
  map.stages.forEach((stage, i) => {
    const band = bands[i];
    const colour = stage.colour === undefined ? undefined : validColour(stage.colour, INK_2);
    const box = { x: band.x, y: STAGE_TOP, width: band.width, height: bandBottom - STAGE_TOP };
    stages[stage.id] = shift(box, dx, dy);
    body += rect(box, `fill="${colour ? mix(colour, 0.1, mix('#ffffff', 0.8, GROUND)) : neutral[i % 2]}"`);
    body += `<path d="M${num(band.x + band.width - 0.5)},${num(STAGE_TOP)}V${num(bandBottom)}" stroke="#cbd5e1" stroke-dasharray="4 3"/>`;
    const header = headers[i];
    if (colour) body += rect(header, `fill="${mix(colour, 0.05)}"`) + rect({ ...header, height: 4 }, `fill="${colour}"`);
    body += `<path d="M${num(header.x)},${num(header.y + STAGE_HEADER - 0.5)}h${num(header.width)}" stroke="${colour ?? '#cbd5e1'}"/>`;
    const middle = STAGE_TOP + STAGE_HEADER / 2 + (colour ? 2 : 0);
    body += `<circle cx="${num(band.x + 23)}" cy="${num(middle)}" r="11" fill="${colour ?? INK_2}"/>` + text(band.x + 23, baseline(middle, 12), String(i + 1), 'si m');
    body += text(band.x + 46, baseline(middle, 15), stageLabel(stage.name, band.width - 46 - 12), 's', `fill="${colour ?? INK_2}"`);
  });
  if (lane) body += drawLane(lane);

  body += `<g fill="none" stroke="#94a3b8" stroke-width="1.6" marker-end="url(#jd-arrow)">`;
  for (const e of edges) {
    const flowing = e.flow !== undefined && e.flow > 0;
    const style = e.flow === undefined ? '' : ` stroke-width="${num(1.5 + 9 * e.flow)}"${flowing ? ' stroke="#6366f1" stroke-dasharray="10 6"' : ''}`;
    body += `<path d="${curvePath(e.curve)}"${style}${e.dim ? ' opacity="0.25"' : ''}/>`;
  }
  body += '</g>';

  for (const note of notes) body += drawNote(note);
  const nodes: Record<string, Box> = {};
  for (const layout of cards.values()) {
    nodes[layout.node.id] = shift(cardBox(layout), dx, dy);
    const dim = highlight !== null && !highlight.has(layout.node.id);
    body += `<g data-node="${escapeXml(layout.node.id)}"${dim ? ' opacity="0.3"' : ''}>${drawCard(layout)}</g>`;
  }

  const labels: Record<string, Box> = {};
  for (const e of edges) {
    const spot = placed.get(e.id);
    if (!spot) continue;
    labels[e.id] = shift(spot.box, dx, dy);
    let label = '';
    if (spot.leader) {
      const [lx, ly] = leaderStart(spot.box, spot.leader);
      label += `<path d="M${num(lx)},${num(ly)}L${num(spot.leader[0])},${num(spot.leader[1])}" stroke="#64748b" stroke-dasharray="2 2" fill="none"/><circle cx="${num(spot.leader[0])}" cy="${num(spot.leader[1])}" r="2" fill="#64748b"/>`;
    }
    label += rect(spot.box, 'rx="8" fill="#ffffff" stroke="#cbd5e1"');
    label += text(spot.box.x + spot.box.width / 2, baseline(spot.box.y + spot.box.height / 2, LABEL_FONT.size), e.label, 'l m');
    body += `<g data-edge="${escapeXml(e.id)}"${e.dim ? ' opacity="0.25"' : ''}>${label}</g>`;
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="jd-picture" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">` +
    `<title>${escapeXml(title || cleanLine(map.name))}</title>` +
    `<style>${STYLE}</style>` +
    `<defs>${ARROW}${emotionFaceDefs()}${heatGradient}</defs>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    head +
    `<g transform="translate(${num(dx)} ${num(dy)})">${body}</g>` +
    legendSvg +
    '</svg>\n';
  return { svg, width, height, nodes, stages, labels, lane: lane ? shift(lane.box, dx, dy) : null };
}

