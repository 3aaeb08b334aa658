/**
 * Format version 2 → 3. Version 3 adds personas (with their shares and overrides) and opportunities. A
 * version 2 map has neither, so it means exactly the same: one population, no action items. Top-level
 * `personas` or `opportunities` fields in a version 2 file were unknown to version 2 and ignored when it was
 * read; they are dropped here rather than suddenly read with version 3's meaning, and the warning says so.
 * Frozen: it must never change, since files and stored maps of version 2 exist.
 */
import type { MapDocument, Migration } from '../migrations';

const V3_ONLY_FIELDS = ['personas', 'opportunities'] as const;

function present(doc: MapDocument): string[] {
  return V3_ONLY_FIELDS.filter((key) => Object.hasOwn(doc, key));
}

export const version2To3: Migration = {
  from: 2,
  summary: 'personas and opportunities were added; the map means the same as before.',
  warnings: (doc) => {
    const found = present(doc);
    return found.length === 0 ? [] : [`Ignored ${found.map((f) => `"${f}"`).join(' and ')}: files before version 3 did not have ${found.length === 1 ? 'it' : 'them'}.`];
  },
  up: (doc) => {
    const out: Record<string, unknown> = { ...doc };
    for (const key of V3_ONLY_FIELDS) delete out[key];
    out.personas = [];
    out.opportunities = [];
    return out;
  },
};
