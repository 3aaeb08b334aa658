/**
 * Deciding what to open: the stored map, or a write-ahead copy that is newer than it. Reads only — the
 * caller applies the plan (so a read that answers too late can simply be dropped).
 *
 * A copy is newer than the stored record when the record is missing (never saved), when the copy's revision
 * is above the record's, or when the record was last saved by the copy's own tab (a tab's copy is always its
 * latest change). A copy behind another tab's save, or of a map deleted since, conflicts: it is offered as a
 * copy, never written over the newer save.
 */
import type { JourneyMap } from '../domain/types';
import type { Viewport } from './editorStore';
import { CURRENT_KEY, mapKey, recordRevision, sameContent, trashKey, validMapId, viewportKey } from './keys';
import type { ValidateStored } from './persistence';
import type { KeyValueStorage } from './storage';
import { readViewport } from './viewport';
import type { WriteAheadCopy } from './writeAhead';

export type StoredState =
  | { kind: 'ok'; map: JourneyMap; rev: number; savedBy: string; repairs: string[] }
  | { kind: 'missing'; deleted: boolean }
  | { kind: 'bad'; raw: unknown; rev: number; problems: string[] };

export async function readStoredState(storage: KeyValueStorage, validate: ValidateStored, id: string): Promise<StoredState> {
  const raw = await storage.get<unknown>(mapKey(id));
  if (raw === undefined) return { kind: 'missing', deleted: (await storage.get<unknown>(trashKey(id))) !== undefined };
  const result = validate(raw);
  const revision = recordRevision(raw);
  if (!result.ok) return { kind: 'bad', raw, rev: revision.rev, problems: result.problems };
  return {
    kind: 'ok',
    map: result.map,
    rev: revision.rev,
    savedBy: revision.savedBy,
    repairs: revision.problems.map((p) => `The saved map “${result.map.name}”: ${p}; it is written again with the next save.`),
  };
}

/** A copy that conflicts with what is stored: offered to the user as a separate map. */
export interface Offer {
  copy: WriteAheadCopy;
  map: JourneyMap;
  why: 'newer-save' | 'deleted';
}

export interface Reconciled {
  /** What to open: an unsaved copy newer than storage, else the stored map; null when neither exists. */
  map: JourneyMap | null;
  /** The stored revision the next save of `map` is checked against. */
  rev: number;
  /** `map` is a copy newer than storage: save it. */
  unsaved: boolean;
  /** A record is stored under the id (readable or not). */
  exists: boolean;
  /** Copies taken over: the opened map contains them (removed once it is saved). */
  adoptedCopies: WriteAheadCopy[];
  /** Copies storage already holds: remove them. */
  doneKeys: string[];
  offers: Offer[];
  repairs: string[];
}

export function reconcileCopies(state: StoredState, copies: readonly WriteAheadCopy[], validate: ValidateStored): Reconciled {
  const out: Reconciled = {
    map: state.kind === 'ok' ? state.map : null,
    rev: state.kind === 'missing' ? 0 : state.rev,
    unsaved: false,
    exists: state.kind !== 'missing',
    adoptedCopies: [],
    doneKeys: [],
    offers: [],
    repairs: state.kind === 'ok' ? [...state.repairs] : [],
  };
  let latest: { rev: number; savedBy: string } | null = state.kind === 'ok' ? state : null;
  for (const copy of [...copies].sort((a, b) => b.rev - a.rev || b.savedAt - a.savedAt)) {
    const read = validate(copy.record);
    if (!read.ok) {
      out.repairs.push(`An unsaved copy of a map in this browser's local storage could not be read (${read.problems[0]}); it was left there untouched.`);
      continue;
    }
    if (out.map && sameContent(read.map, out.map)) {
      if (out.unsaved) out.adoptedCopies.push(copy);
      else out.doneKeys.push(copy.key);
      continue;
    }
    const deleted = state.kind === 'missing' && state.deleted;
    const newer = latest === null ? !deleted : copy.rev > latest.rev || copy.savedBy === latest.savedBy;
    if (newer) {
      out.map = read.map;
      out.unsaved = true;
      out.adoptedCopies.push(copy);
      latest = copy;
    } else {
      out.offers.push({ copy, map: read.map, why: deleted ? 'deleted' : 'newer-save' });
    }
  }
  return out;
}

export interface StartPlan extends Reconciled {
  viewport: Viewport | null;
  /** The stored record of the map to open could not be read: keep it aside. */
  quarantine: { id: string; raw: unknown; problems: string[] } | null;
}

/**
 * What to open at start-up: the map of the newest unsaved copy when that copy is newer than storage (it is
 * what the user did last), else the map named by `current`, each reconciled with its copies.
 */
export async function readStartPlan(storage: KeyValueStorage, validate: ValidateStored, copies: readonly WriteAheadCopy[]): Promise<StartPlan> {
  const rawCurrent = await storage.get<unknown>(CURRENT_KEY);
  const currentId = validMapId(rawCurrent);
  const repairs = rawCurrent !== undefined && currentId === null ? ['The record of which map was open last is not a map id; it was ignored.'] : [];
  const empty: StartPlan = { map: null, rev: 0, unsaved: false, exists: false, adoptedCopies: [], doneKeys: [], offers: [], repairs, viewport: null, quarantine: null };

  const planFor = async (id: string): Promise<StartPlan> => {
    const state = await readStoredState(storage, validate, id);
    const reconciled = reconcileCopies(state, copies.filter((c) => c.mapId === id), validate);
    const plan: StartPlan = { ...reconciled, repairs: [...repairs, ...reconciled.repairs], viewport: null, quarantine: null };
    if (state.kind === 'bad') plan.quarantine = { id, raw: state.raw, problems: state.problems };
    if (plan.map) {
      const view = readViewport(await storage.get<unknown>(viewportKey(id)));
      plan.viewport = view.viewport;
      if (view.problem) plan.repairs.push(`The saved map “${plan.map.name}”: ${view.problem}.`);
    }
    return plan;
  };

  const newest = copies[0];
  if (newest && newest.mapId !== currentId) {
    const plan = await planFor(newest.mapId);
    if (plan.unsaved) return plan;
    if (!currentId) return { ...plan, map: null, viewport: null, quarantine: null };
    // Not newer than storage: open `current` as usual; what was found about the copies still counts.
    const current = await planFor(currentId);
    return { ...current, doneKeys: [...plan.doneKeys, ...current.doneKeys], offers: [...plan.offers, ...current.offers], repairs: [...new Set([...plan.repairs, ...current.repairs])] };
  }
  return currentId ? planFor(currentId) : empty;
}
