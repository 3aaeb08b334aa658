/**
 * What the Opportunities panel shows, as pure functions of the map: values in points, sort orders, the
 * question asked before Done, and how ticking a touchpoint or a friction note changes what an opportunity
 * addresses. No React here, so that the rules are tested on their own.
 */
import { addressedNotes, MAX_TITLE_LENGTH, openAddressedNotes } from '../../domain/opportunities';
import { EFFORTS, OPPORTUNITY_STATUSES, type FrictionRef, type JourneyMap, type Opportunity } from '../../domain/types';

/** Opportunity id → rise in success probability (0…1) if what it addresses were resolved. */
export type OpportunityValues = Readonly<Record<string, number>>;

/** A value as points of completion: 0.032 → "+3.2 pts". */
export function formatPoints(value: number): string {
  const points = value * 100;
  // −0.04 would print as "−0.0": a rounding, not a loss.
  const shown = Math.abs(points) < 0.05 ? 0 : points;
  return `${shown < 0 ? '−' : '+'}${Math.abs(shown).toFixed(1)} pts`;
}

export const statusName = (status: Opportunity['status']) => OPPORTUNITY_STATUSES.find((s) => s.id === status)?.name ?? status;
export const effortName = (effort: Opportunity['effort']) => EFFORTS.find((e) => e.id === effort)?.name ?? effort;

export type SortKey = 'title' | 'owner' | 'status' | 'effort' | 'touchpoints' | 'value';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** The direction a column sorts in when first chosen: the most valuable first, everything else A→Z. */
export const firstDirection = (key: SortKey): SortDirection => (key === 'value' ? 'descending' : 'ascending');

/** The order after a click on a column's header: a new column starts in its first direction, the same one flips. */
export function nextSort(current: SortOrder | null, key: SortKey): SortOrder {
  if (current?.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The names of the touchpoints an opportunity addresses, in its own order ("?" for none left). */
export function touchpointNames(map: Pick<JourneyMap, 'nodes'>, opportunity: Pick<Opportunity, 'touchpoints'>): string[] {
  return opportunity.touchpoints.map((id) => map.nodes.find((n) => n.id === id)?.label ?? id);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const STATUS_ORDER = OPPORTUNITY_STATUSES.map((s) => s.id);
const EFFORT_ORDER = EFFORTS.map((e) => e.id);

/**
 * The opportunities in the chosen order; null keeps the map's order. Ties keep the map's order; an empty
 * owner and a value not yet known sort last whichever the direction.
 */
export function sortOpportunities(
  map: Pick<JourneyMap, 'nodes'>,
  opportunities: readonly Opportunity[],
  order: SortOrder | null,
  values: OpportunityValues | null,
): Opportunity[] {
  const list = [...opportunities];
  if (!order) return list;
  const sign = order.direction === 'ascending' ? 1 : -1;
  const keyed = list.map((o, index) => ({ o, index, key: sortKey(map, o, order.key, values) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) return a.key === b.key ? a.index - b.index : a.key === undefined ? 1 : -1;
    const c = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
    return c === 0 ? a.index - b.index : sign * c;
  });
  return keyed.map((k) => k.o);
}

function sortKey(map: Pick<JourneyMap, 'nodes'>, o: Opportunity, key: SortKey, values: OpportunityValues | null): string | number | undefined {
  switch (key) {
    case 'title':
      return o.title;
    case 'owner':
      return o.owner;
    case 'status':
      return STATUS_ORDER.indexOf(o.status);
    case 'effort':
      return EFFORT_ORDER.indexOf(o.effort);
    case 'touchpoints':
      return touchpointNames(map, o).join(', ') || undefined;
    case 'value':
      return values?.[o.id];
  }
}

/** An open friction note named for people: its text and the touchpoint it is at. */
export interface NamedNote extends FrictionRef {
  text: string;
  touchpoint: string;
}

export function nameNotes(map: Pick<JourneyMap, 'nodes'>, refs: readonly FrictionRef[]): NamedNote[] {
  return refs.map((ref) => {
    const node = map.nodes.find((n) => n.id === ref.node);
    return { ...ref, text: node?.friction.find((f) => f.id === ref.note)?.note ?? ref.note, touchpoint: node?.label ?? ref.node };
  });
}

export const frictionNotes = (count: number) => `${count} friction note${count === 1 ? '' : 's'}`;

/** What is asked before an opportunity is marked Done: the open friction notes that will be marked resolved. */
export function doneQuestion(map: Pick<JourneyMap, 'nodes'>, opportunity: Opportunity): { question: string; notes: NamedNote[] } {
  const notes = nameNotes(map, openAddressedNotes(map, opportunity));
  const question = `Mark “${opportunity.title}” done? This resolves ${frictionNotes(notes.length)}:`;
  return { question, notes };
}

/** The title of an opportunity made from a friction note ("Fix: …"), within the title's length limit. */
export function titleFromNote(note: string): string {
  const title = `Fix: ${note.trim()}`;
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

/** What an opportunity addresses, as updateOpportunity takes it. */
export type Addressing = Pick<Opportunity, 'touchpoints' | 'friction'>;

/** Names a touchpoint (addressing all its friction until notes are ticked) or stops naming it and its notes. */
export function toggleTouchpoint(opportunity: Addressing, node: string, on: boolean): Addressing {
  if (on) return { touchpoints: opportunity.touchpoints.includes(node) ? opportunity.touchpoints : [...opportunity.touchpoints, node], friction: opportunity.friction };
  return { touchpoints: opportunity.touchpoints.filter((id) => id !== node), friction: opportunity.friction.filter((f) => f.node !== node) };
}

/**
 * Ticks or unticks one friction note, keeping what the checklist shows equal to what is addressed: a
 * touchpoint named without notes addresses all of them, so unticking one of those names the others; and
 * unticking the last note of a touchpoint stops naming the touchpoint (else it would address all again).
 */
export function toggleNote(map: Pick<JourneyMap, 'nodes'>, opportunity: Addressing, ref: FrictionRef, on: boolean): Addressing {
  const same = (f: FrictionRef) => f.node === ref.node && f.note === ref.note;
  const addressed = addressedNotes(map, opportunity).filter((f) => f.node === ref.node);
  if (on) {
    // A touchpoint named without notes already addresses every note it has.
    if (addressed.some(same)) return opportunity;
    return { touchpoints: toggleTouchpoint(opportunity, ref.node, true).touchpoints, friction: [...opportunity.friction, ref] };
  }
  const remaining = addressed.filter((f) => !same(f));
  if (remaining.length === 0) return toggleTouchpoint(opportunity, ref.node, false);
  return { touchpoints: opportunity.touchpoints, friction: [...opportunity.friction.filter((f) => f.node !== ref.node), ...remaining] };
}
