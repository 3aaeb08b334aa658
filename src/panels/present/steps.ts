/**
 * What a presentation shows, in order: the whole journey, each stage in map order, the top hotspots, then
 * the scenario comparison when there is one. Pure: the view decides how each step looks (which part of the
 * picture to zoom to, what to dim); this decides what is said.
 */
import type { JourneyMap } from '../../domain/types';
import { lossesByStage } from '../../simulation/losses';
import type { ScenarioComparison } from '../../simulation/scenarios';
import type { Hotspot, SimulationResult } from '../../simulation/types';

/** At most this many hotspots get a step of their own: enough to act on, few enough for one meeting. */
export const MAX_HOTSPOT_STEPS = 5;
/** A stage's outcomes are named with their shares up to this many; beyond it, counted. */
export const MAX_OUTCOMES_NAMED = 4;
/** A friction note longer than this is cut at a word (captions must fit one projected line or two). */
export const FRICTION_NOTE_MAX = 60;

/** What every step says: a small line above ("Stage 2 of 5"), the title, and a caption under it. */
interface StepText {
  /** Unique within the steps; stays the same while the step does (e.g. when hotspots arrive later). */
  key: string;
  eyebrow: string;
  title: string;
  caption: string;
}

export interface JourneyStep extends StepText {
  kind: 'journey';
}

export interface StageStep extends StepText {
  kind: 'stage';
  stageId: string;
  /** The stage's nodes, in map order: drawn normally while the rest is dimmed. */
  nodeIds: string[];
}

export interface HotspotStep extends StepText {
  kind: 'hotspot';
  nodeId: string;
  /** 1 for the hotspot whose fixing wins the most customers. */
  rank: number;
}

export interface ComparisonStep extends StepText {
  kind: 'comparison';
  comparison: ScenarioComparison;
}

export type PresentationStep = JourneyStep | StageStep | HotspotStep | ComparisonStep;

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Customers per 1,000, as a person would say it ("fewer than 1" rather than "0"). */
export function perThousandText(lostPer1000: number): string {
  const rounded = Math.round(lostPer1000);
  return rounded < 1 ? 'fewer than 1 of every 1,000' : `${rounded.toLocaleString('en')} of every 1,000`;
}

/** Points of completion won, with one decimal: 0.025 → "+2.5 points". */
export function pointsText(uplift: number): string {
  const points = Math.max(0, uplift * 100);
  return `+${points.toFixed(1)} ${points.toFixed(1) === '1.0' ? 'point' : 'points'}`;
}

/** A note cut at a word boundary to at most `max` characters (ellipsis included). */
export function shortNote(note: string, max = FRICTION_NOTE_MAX): string {
  const text = note.trim().replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** "43 of every 1,000 customers leave here · worst friction: S4 Payment form is long… · fixing it: +2.5 points" */
export function hotspotFacts(hotspot: Hotspot): string {
  const parts = [`${perThousandText(hotspot.lostPer1000)} customers leave here`];
  if (hotspot.worstFriction) parts.push(`worst friction: S${hotspot.worstFriction.severity} ${shortNote(hotspot.worstFriction.note)}`);
  parts.push(`fixing it: ${pointsText(hotspot.uplift)}`);
  return parts.join(' · ');
}

/** The whole sentence: "Checkout payment — 43 of every 1,000 customers leave here · worst friction: … · fixing it: +2.5 points". */
export const hotspotCaption = (hotspot: Hotspot): string => `${hotspot.label} — ${hotspotFacts(hotspot)}`;

/** What a screen reader hears when the step comes up. */
export const stepAnnouncement = (step: PresentationStep): string => `${step.eyebrow}: ${step.title}`;

/** The hotspots worth a step, as the results panel lists them: touchpoints that lose customers, best fix first. */
export function topHotspots(map: Pick<JourneyMap, 'nodes'>, result: Pick<SimulationResult, 'hotspots'>, max = MAX_HOTSPOT_STEPS): Hotspot[] {
  const present = new Set(map.nodes.map((n) => n.id));
  return result.hotspots.filter((h) => h.kind === 'touchpoint' && h.lostPer1000 > 0 && present.has(h.nodeId)).slice(0, max);
}

/**
 * The steps for `map`. `result`: the current simulation result for this map, or null (no hotspot steps);
 * `comparison`: as-is against the scenarios, or undefined (no comparison step).
 */
export function presentationSteps(map: JourneyMap, result: SimulationResult | null, comparison?: ScenarioComparison): PresentationStep[] {
  // Entries (an ad, a search result) are touchpoints too, as customers and CX teams see them.
  const touchpoints = map.nodes.filter((n) => n.kind !== 'outcome');
  const journey = [count(map.stages.length, 'stage', 'stages'), count(touchpoints.length, 'touchpoint', 'touchpoints')];
  if (result) journey.push(`${(result.exact.success * 100).toFixed(1)}% of customers complete the journey`);
  const steps: PresentationStep[] = [{ kind: 'journey', key: 'journey', eyebrow: 'The whole journey', title: map.name, caption: journey.join(' · ') }];

  const losses = result ? new Map(lossesByStage(map, result.exact.abandon).map((l) => [l.stageId, l.lostPer1000])) : null;
  map.stages.forEach((stage, i) => {
    const inStage = touchpoints.filter((n) => n.stage === stage.id).length;
    const outcomes = map.nodes.filter((n) => n.kind === 'outcome' && n.stage === stage.id);
    const caption = inStage > 0 || outcomes.length === 0 ? [count(inStage, 'touchpoint', 'touchpoints')] : [];
    // Where journeys end is what a stage of outcomes has to say: each outcome's share, when there are few.
    if (result && outcomes.length > 0 && outcomes.length <= MAX_OUTCOMES_NAMED) {
      const shares = outcomes.map((o) => `${o.label} ${((result.exact.outcomes[o.id] ?? 0) * 100).toFixed(1)}%`);
      caption.push(`where customers end: ${shares.join(', ')}`);
    } else if (outcomes.length > 0) caption.push(count(outcomes.length, 'outcome', 'outcomes'));
    const lost = losses?.get(stage.id);
    if (lost !== undefined && inStage > 0) caption.push(lost > 0 ? `${perThousandText(lost)} customers leave in this stage` : 'no customer leaves in this stage');
    steps.push({
      kind: 'stage',
      key: `stage:${stage.id}`,
      stageId: stage.id,
      nodeIds: map.nodes.filter((n) => n.stage === stage.id).map((n) => n.id),
      eyebrow: `Stage ${i + 1} of ${map.stages.length}`,
      title: stage.name,
      caption: sentence(caption.join(' · ')),
    });
  });

  if (result) {
    const hotspots = topHotspots(map, result);
    hotspots.forEach((h, i) => {
      steps.push({
        kind: 'hotspot',
        key: `hotspot:${h.nodeId}`,
        nodeId: h.nodeId,
        rank: i + 1,
        eyebrow: `Hotspot ${i + 1} of ${hotspots.length}`,
        title: h.label,
        caption: hotspotFacts(h),
      });
    });
  }

  if (comparison && comparison.runs.length > 1) {
    const scenarios = comparison.runs.length - 1;
    steps.push({
      kind: 'comparison',
      key: 'comparison',
      eyebrow: 'Scenarios',
      title: scenarios === 1 ? `As-is vs ${comparison.runs[1].name}` : 'As-is vs scenarios',
      caption: `Customers who complete the journey · intervals from the same ${comparison.customers.toLocaleString('en')} simulated customers (seed ${comparison.seed})`,
      comparison,
    });
  }
  return steps;
}

/** Whether a map has scenarios to compare (older maps and stores may not carry the field at all). */
export function hasScenarios(map: object): boolean {
  const scenarios = (map as { scenarios?: unknown }).scenarios;
  return Array.isArray(scenarios) && scenarios.length > 0;
}
