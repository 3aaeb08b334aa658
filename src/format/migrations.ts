/**
 * Upgrades map files written by older versions of the app, one version step at a time. Each migration
 * takes the whole document of version `from` and returns a new document of version `from + 1`; it must not
 * mutate its input (tests deep-freeze it). Version 1 is the first published format, so the chain is empty
 * today; the mechanism is exercised in tests with a made-up version 0.
 */
import { FORMAT_VERSION } from './constants';
import { problem, type Problem } from './problems';

export type MapDocument = Readonly<Record<string, unknown>>;

export interface Migration {
  from: number;
  /** What changed, shown to the user as an import warning. */
  summary: string;
  up(doc: MapDocument): Record<string, unknown>;
}

/** Ordered by `from`; one entry per version step up to FORMAT_VERSION. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult = { ok: true; doc: MapDocument; applied: Migration[] } | { ok: false; problems: Problem[] };

/** Applies every migration from `version` up to `target`; refuses when a step is missing or fails. */
export function migrate(
  doc: MapDocument,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrationResult {
  const chain: Migration[] = [];
  for (let step = version; step < target; step++) {
    const migration = migrations.find((m) => m.from === step);
    if (!migration) {
      return {
        ok: false,
        problems: [problem('version', `format version ${version} is not supported: there is no upgrade from version ${step}`)],
      };
    }
    chain.push(migration);
  }
  let current = doc;
  for (const migration of chain) {
    try {
      current = { ...migration.up(current), version: migration.from + 1 };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [problem('', `Could not upgrade the file from format version ${migration.from}: ${detail}`)] };
    }
  }
  return { ok: true, doc: current, applied: chain };
}
