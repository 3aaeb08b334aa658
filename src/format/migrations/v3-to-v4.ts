/**
 * Format version 3 → 4. Version 4 adds scenarios (changes on top of the map as it is). A version 3 map has
 * none, so it means exactly the same. A top-level `scenarios` field in an older file was unknown to its
 * version and ignored; it is dropped here rather than read with version 4's meaning, and the warning says
 * so. Frozen: it must never change, since files and stored maps of version 3 exist.
 */
import type { Migration } from '../migrations';

export const version3To4: Migration = {
  from: 3,
  summary: 'scenarios were added; the map means the same as before.',
  warnings: (doc) => (Object.hasOwn(doc, 'scenarios') ? ['Ignored "scenarios": files before version 4 did not have it.'] : []),
  up: (doc) => ({ ...doc, scenarios: [] }),
};
