/** The storage and persistence this tab runs with, set once at boot (tests set their own). */
import type { Persistence, ValidateStored } from './persistence';
import type { KeyValueStorage } from './storage';

export interface Session {
  storage: KeyValueStorage;
  persistence: Persistence;
  validate: ValidateStored;
  /** A fresh copy of the sample map, opened when nothing else can be. */
  fallback: () => import('../domain/types').JourneyMap;
}

let current: Session | null = null;

export function setSession(session: Session | null): void {
  current = session;
}

export function getSession(): Session {
  if (!current) throw new Error('The app session has not started');
  return current;
}
