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
}

export interface JourneyEdge {
  id: string;
  source: string;
  target: string;
  /** Relative likelihood among the source's outgoing edges (> 0). */
  weight: number;
  label?: string;
}

export interface Stage {
  id: string;
  name: string;
}

export interface Channel {
  id: string;
  name: string;
}

export interface SimulationSettings {
  customers?: number;
  seed?: number;
  maxSteps?: number;
  /** Drop-off probability contributed by one unresolved friction note of severity 1..5. */
  severityDropOff?: [number, number, number, number, number];
}

export interface JourneyMap {
  id: string;
  name: string;
  description: string;
  stages: Stage[];
  channels: Channel[];
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  simulation?: SimulationSettings;
}

export const SCORE_RANGES = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
} as const;

export const DEFAULT_STAGES: Stage[] = [
  { id: 'awareness', name: 'Awareness' },
  { id: 'consideration', name: 'Consideration' },
  { id: 'purchase', name: 'Purchase' },
  { id: 'retention', name: 'Retention' },
  { id: 'advocacy', name: 'Advocacy' },
];

export const DEFAULT_CHANNELS: Channel[] = [
  { id: 'website', name: 'Website' },
  { id: 'mobile-app', name: 'Mobile app' },
  { id: 'store', name: 'Store' },
  { id: 'phone', name: 'Phone' },
  { id: 'email', name: 'Email' },
  { id: 'social', name: 'Social' },
  { id: 'chat', name: 'Chat' },
];

export const DEFAULT_SEVERITY_DROP_OFF: [number, number, number, number, number] = [0.01, 0.02, 0.05, 0.1, 0.2];
