/** The journey map model. Pure data: no React, no DOM. */

export type NodeKind = 'entry' | 'touchpoint' | 'outcome';
export type OutcomeResult = 'success' | 'failure';
export type Severity = 1 | 2 | 3 | 4 | 5;
export type Emotion = -2 | -1 | 0 | 1 | 2;

export interface Position {
  x: number;
  y: number;
}

/** Feedback scores attached to a touchpoint. */
export interface Scores {
  /** Net Promoter Score, -100..100. */
  nps?: number;
  /** Customer satisfaction, % of 4s and 5s, 0..100. */
  csat?: number;
  /** Customer Effort Score, mean on 1..7. */
  ces?: number;
  /** Number of survey responses behind the scores (integer ≥ 0). */
  responses?: number;
  /** Scores computed from survey responses, with their sample size and interval (format version 5). */
  evidence?: ScoresEvidence;
}

/** How CSAT is computed from 1–5 answers: % of 4s and 5s (0..100, the default) or the mean (1..5). */
export type CsatMeasure = 'top2' | 'mean';
/** How CES is computed from 1–7 answers: the mean (1..7, the default) or % of 5–7 (0..100). */
export type CesMeasure = 'mean' | 'top3';

/** One score computed from survey responses: how many answers, and its 95% interval in the score's units. */
export interface ScoreEvidence {
  /** Answers counted (integer ≥ 1). A score from fewer than THIN_SAMPLE answers is thin. */
  n: number;
  low: number;
  high: number;
}

export interface CsatEvidence extends ScoreEvidence {
  measure: CsatMeasure;
}

export interface CesEvidence extends ScoreEvidence {
  measure: CesMeasure;
}

export interface ScoresEvidence {
  nps?: ScoreEvidence;
  csat?: CsatEvidence;
  ces?: CesEvidence;
}

/** Fewer answers than this make a score thin (marked on cards and in the Inspector). */
export const THIN_SAMPLE = 30;

/**
 * Observed counts behind a calibrated drop-off (format version 5): of `entered` customers who arrived,
 * `left` abandoned here. The drop-off's posterior is Beta(left + 1, entered − left + 1). `designed` is the
 * effective drop-off the map had before it was first calibrated (for "designed vs observed").
 */
export interface ObservedDropOff {
  entered: number;
  left: number;
  designed?: number;
}

/**
 * Observed transitions behind a calibrated edge weight (format version 5): `count` customers took this
 * edge. When every edge leaving a node has a count, the node's weights have the posterior
 * Dirichlet(count + 1, …). `designed` is the weight before the first calibration.
 */
export interface ObservedTransitions {
  count: number;
  designed?: number;
}

export interface FrictionNote {
  id: string;
  note: string;
  severity: Severity;
  resolved?: boolean;
}

export interface JourneyNode {
  id: string;
  kind: NodeKind;
  label: string;
  stage?: string;
  channel?: string;
  position: Position;
  description?: string;
  scores?: Scores;
  emotion?: Emotion;
  friction: FrictionNote[];
  /** Probability in [0, 1) that a customer abandons here. */
  dropOff?: number;
  /** Entry nodes: relative share of customers who start here (default 1). */
  share?: number;
  /** Outcome nodes: whether ending here is a success or a failure. */
  result?: OutcomeResult;
  /** Counts the drop-off was calibrated from (format version 5); absent for a value typed by hand. */
  observed?: ObservedDropOff;
}

export interface JourneyEdge {
  id: string;
  source: string;
  target: string;
  /** Relative likelihood among the source's outgoing edges (> 0). */
  weight: number;
  label?: string;
  /** Counts the weight was calibrated from (format version 5); absent for a value typed by hand. */
  observed?: ObservedTransitions;
}

export interface Stage {
  id: string;
  name: string;
  /** Band tint, `#rrggbb` (one of COLOUR_PALETTE in the editor; any in a file). Absent: the neutral band. */
  colour?: string;
  /** Band width in pixels; absent means STAGE_WIDTH. Tidy layout widens a stage that needs several columns. */
  width?: number;
}

export interface Channel {
  id: string;
  name: string;
  /** Colour of the channel's chip and palette item, `#rrggbb`. Absent: neutral grey. */
  colour?: string;
}

/** A free-text sticky note on the canvas: part of the map and its file, never of the simulation. */
export interface StickyNote {
  id: string;
  text: string;
  /** Top-left corner, like a node's. */
  position: Position;
  /** Width in pixels; absent means STICKY_WIDTH. The height follows the text. */
  width?: number;
}

/**
 * A persona's own value for one node; a field left out falls back to the map's value. Format version 3.
 * `share` applies to entries, `dropOff` to entries and touchpoints, `emotion` to touchpoints.
 */
export interface NodeOverride {
  node: string;
  share?: number;
  dropOff?: number;
  emotion?: Emotion;
}

/** A persona's own weight for one edge. */
export interface EdgeOverride {
  edge: string;
  weight: number;
}

/**
 * A persona (customer segment): its share of all customers, and where it behaves or feels differently
 * from the map's values. A map without personas simulates exactly as before.
 */
export interface Persona {
  id: string;
  name: string;
  description?: string;
  colour?: string;
  /** Relative share of customers (like entry shares): above 0, at most MAX_WEIGHT. */
  share: number;
  nodes: NodeOverride[];
  edges: EdgeOverride[];
}

export type OpportunityStatus = 'idea' | 'planned' | 'in-progress' | 'done';
export type Effort = 'S' | 'M' | 'L';

export const OPPORTUNITY_STATUSES: readonly { id: OpportunityStatus; name: string }[] = [
  { id: 'idea', name: 'Idea' },
  { id: 'planned', name: 'Planned' },
  { id: 'in-progress', name: 'In progress' },
  { id: 'done', name: 'Done' },
];
export const EFFORTS: readonly { id: Effort; name: string }[] = [
  { id: 'S', name: 'S (small)' },
  { id: 'M', name: 'M (medium)' },
  { id: 'L', name: 'L (large)' },
];

/** A friction note named by its node and its id (friction ids are unique within their node). */
export interface FrictionRef {
  node: string;
  note: string;
}

/** An action item that addresses friction at touchpoints. Format version 3. */
export interface Opportunity {
  id: string;
  title: string;
  description?: string;
  owner?: string;
  status: OpportunityStatus;
  effort: Effort;
  /** Ids of the touchpoints (or entries) it addresses. */
  touchpoints: string[];
  /** The friction notes it addresses. */
  friction: FrictionRef[];
}

/**
 * How one node or edge of the as-is map differs in a scenario: fields given other values (`set`) and fields
 * the scenario leaves empty (`unset`, e.g. a drop-off that follows from friction again).
 */
export interface ElementChange<T> {
  id: string;
  set: Partial<T>;
  unset: (keyof T & string)[];
}

export type NodeFields = Omit<JourneyNode, 'id' | 'kind'>;
export type EdgeFields = Omit<JourneyEdge, 'id'>;

/** A scenario's changes to the as-is map's nodes and edges. Format version 4. */
export interface ScenarioChanges {
  addedNodes: JourneyNode[];
  removedNodes: string[];
  changedNodes: ElementChange<NodeFields>[];
  addedEdges: JourneyEdge[];
  removedEdges: string[];
  changedEdges: ElementChange<EdgeFields>[];
}

/**
 * A named "to-be" version of the journey: the as-is map with changes to its touchpoints and connections
 * (friction resolved, drop-offs changed, touchpoints and edges added or removed). Stages, channels,
 * personas and opportunities are the as-is map's.
 */
export interface Scenario {
  id: string;
  name: string;
  description?: string;
  changes: ScenarioChanges;
}

export interface SimulationSettings {
  customers?: number;
  seed?: number;
  maxSteps?: number;
  /** Drop-off probability contributed by one unresolved friction note of severity 1..5. */
  severityDropOff?: [number, number, number, number, number];
}

/** What a survey column holds: a score on its scale, or the name of the touchpoint a row is about. */
export type SurveyColumnRole = 'nps' | 'csat' | 'ces' | 'touchpoint';

/**
 * One column of a survey file and what it was mapped to. A score column feeds `node`, or, without one, the
 * touchpoint named in each row by the file's `touchpoint` column (its cell values mapped by `values`).
 */
export interface SurveyColumnMapping {
  /** The column's header (question text), as the file names it. */
  column: string;
  role: SurveyColumnRole;
  node?: string;
  /** For a `touchpoint` column: which touchpoint each cell value names. */
  values?: { value: string; node: string }[];
}

/** The survey mapping last confirmed for this map, proposed again on the next import (format version 5). */
export interface SurveyMapping {
  columns: SurveyColumnMapping[];
  csat: CsatMeasure;
  ces: CesMeasure;
}

/** The funnel or path step names last mapped to touchpoints for this map (format version 5). */
export interface FunnelMapping {
  steps: { step: string; node: string }[];
}

/** What the map remembers about its evidence imports (format version 5). */
export interface ImportMemory {
  survey?: SurveyMapping;
  funnel?: FunnelMapping;
}

export interface JourneyMap {
  id: string;
  name: string;
  description: string;
  stages: Stage[];
  channels: Channel[];
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  /** Sticky notes (format version 2). */
  notes: StickyNote[];
  /** Personas (format version 3); none means one undivided population. */
  personas: Persona[];
  /** Opportunities (format version 3). */
  opportunities: Opportunity[];
  /** Scenarios on top of this map, the as-is (format version 4). */
  scenarios: Scenario[];
  simulation?: SimulationSettings;
  /** Remembered import mappings (format version 5). */
  imports?: ImportMemory;
}

export const DEFAULT_STAGES: Stage[] = [
  { id: 'awareness', name: 'Awareness' },
  { id: 'consideration', name: 'Consideration' },
  { id: 'purchase', name: 'Purchase' },
  { id: 'retention', name: 'Retention' },
  { id: 'advocacy', name: 'Advocacy' },
];

/**
 * The colours offered for stages and channels: each reads at WCAG AA (≥ 4.5:1) as text on white and on its
 * own 12 % tint, so a channel chip or a stage name in that colour stays legible on a projector.
 */
export const COLOUR_PALETTE = [
  { name: 'Slate', hex: '#475569' },
  { name: 'Blue', hex: '#1d4ed8' },
  { name: 'Teal', hex: '#0f766e' },
  { name: 'Green', hex: '#15803d' },
  { name: 'Amber', hex: '#a16207' },
  { name: 'Orange', hex: '#c2410c' },
  { name: 'Red', hex: '#b91c1c' },
  { name: 'Pink', hex: '#be185d' },
  { name: 'Purple', hex: '#7e22ce' },
  { name: 'Indigo', hex: '#4338ca' },
] as const;

export const COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

export const DEFAULT_CHANNELS: Channel[] = [
  { id: 'website', name: 'Website', colour: '#1d4ed8' },
  { id: 'mobile-app', name: 'Mobile app', colour: '#7e22ce' },
  { id: 'store', name: 'Store', colour: '#a16207' },
  { id: 'phone', name: 'Phone', colour: '#0f766e' },
  { id: 'email', name: 'Email', colour: '#be185d' },
  { id: 'social', name: 'Social', colour: '#c2410c' },
  { id: 'chat', name: 'Chat', colour: '#15803d' },
];

export const DEFAULT_SEVERITY_DROP_OFF: [number, number, number, number, number] = [0.01, 0.02, 0.05, 0.1, 0.2];
