/** Writing map files: keys in schema order, 2-space indent, trailing newline — stable, so diffs stay small. */
import type { JourneyMap } from '../domain/types';
import { FORMAT_NAME, FORMAT_VERSION } from './constants';
import { journeyMapFileSchema } from './schema';
import { canonicalise } from './schemaShape';

/** The file document of a map: envelope first, then the map's fields in schema order. */
export function toFileDocument(map: JourneyMap): Record<string, unknown> {
  return canonicalise(journeyMapFileSchema, { ...map, format: FORMAT_NAME, version: FORMAT_VERSION }) as Record<string, unknown>;
}

export function exportMapText(map: JourneyMap): string {
  return `${JSON.stringify(toFileDocument(map), null, 2)}\n`;
}

/** The same document without whitespace, for share links. */
export function exportMapCompact(map: JourneyMap): string {
  return JSON.stringify(toFileDocument(map));
}
