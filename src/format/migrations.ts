/**
 * Upgrades map files written by older versions of the app, one version step at a time. Each migration
 * takes the whole document of version `from` and returns a new document of version `from + 1`; it must not
 * mutate its input (tests deep-freeze it). Version 1 was the first published format; stored maps in
 * IndexedDB go through the same chain as files.
 */
import { FORMAT_VERSION } from './constants';
import { version1To2 } from './migrations/v1-to-v2';
import { version2To3 } from './migrations/v2-to-v3';
import { version3To4 } from './migrations/v3-to-v4';
import { version4To5 } from './migrations/v4-to-v5';
import { problem, type Problem } from './problems';

export type MapDocument = Readonly<Record<string, unknown>>;

export interface Migration {
  from: number;
  /** What changed, shown to the user as an import warning. */
  summary: string;
  up(doc: MapDocument): Record<string, unknown>;
  /** Anything the step had to change in this particular document, in words (e.g. a removed self-loop). */
  warnings?(doc: MapDocument): string[];
}

/** Ordered by `from`; one entry per version step up to FORMAT_VERSION. */
export const MIGRATIONS: readonly Migration[] = [version1To2, version2To3, version3To4, version4To5];

export type MigrationResult =
  | { ok: true; doc: MapDocument; applied: Migration[]; warnings: string[] }
  | { ok: false; problems: Problem[] };

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
  const warnings: string[] = [];
  for (const migration of chain) {
    try {
      warnings.push(...(migration.warnings?.(current) ?? []));
      current = { ...migration.up(current), version: migration.from + 1 };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [problem('', `Could not upgrade the file from format version ${migration.from}: ${detail}`)] };
    }
  }
  return { ok: true, doc: current, applied: chain, warnings };
}
