/** Opening a map file: guards → envelope → migrations (on copies) → schema → cross-references. */
import { readEnvelope, withoutEnvelope } from './envelope';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { refused, type ImportResult } from './problems';
import { checkValueDepth, parseJsonText } from './safeJson';
import { neverThrow, validateBody } from './validate';

/** importMapValue with a chosen migration chain; tests pass made-up migrations here. */
export function importDocument(value: unknown, migrations: readonly Migration[] = MIGRATIONS): ImportResult {
  return neverThrow(() => {
    const deep = checkValueDepth(value);
    if (deep) return refused(deep);
    const envelope = readEnvelope(value);
    if (!envelope.ok) return envelope;
    const migrated = migrate(envelope.doc, envelope.version, migrations);
    if (!migrated.ok) return migrated;
    const warnings = [
      ...migrated.applied.map((m) => `Upgraded from format version ${m.from}: ${m.summary}`),
      ...migrated.warnings,
    ];
    return validateBody(withoutEnvelope(migrated.doc), warnings);
  });
}

/** Imports an already-parsed value (IndexedDB record, worker message, drag-and-drop JSON). */
export function importMapValue(value: unknown): ImportResult {
  return importDocument(value);
}

/** Imports the text of a map file. Never throws; every refusal names a path and a rule. */
export function importMapText(text: string): ImportResult {
  return neverThrow(() => {
    const parsed = parseJsonText(text);
    return parsed.ok ? importDocument(parsed.value) : parsed;
  });
}
