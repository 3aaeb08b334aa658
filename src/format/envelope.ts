/** The file envelope: `format` says what the file is, `version` which shape its body has. */
import { FORMAT_NAME, FORMAT_VERSION } from './constants';
import type { MapDocument } from './migrations';
import { problem, type Problem } from './problems';

export type Envelope = { ok: true; version: number; doc: MapDocument } | { ok: false; problems: Problem[] };

function isPlainObject(value: unknown): value is MapDocument {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function readEnvelope(value: unknown): Envelope {
  if (!isPlainObject(value)) {
    return { ok: false, problems: [problem('', 'This is not a Journey Designer map: the file must hold a JSON object.')] };
  }
  if (value.format !== FORMAT_NAME) {
    return {
      ok: false,
      problems: [problem('format', `must be "${FORMAT_NAME}" — this is not a Journey Designer map file`)],
    };
  }
  const version = value.version;
  if (version === undefined) return { ok: false, problems: [problem('version', 'is required')] };
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return { ok: false, problems: [problem('version', 'must be a whole number of at least 0')] };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        problem(
          'version',
          `this map was made by a newer version of Journey Designer (format version ${version}; this app reads up to ${FORMAT_VERSION}). Update the app to open it.`,
        ),
      ],
    };
  }
  return { ok: true, version, doc: value };
}

/** The map fields of a document, without `format` and `version`. */
export function withoutEnvelope(doc: MapDocument): Record<string, unknown> {
  const { format: _format, version: _version, ...body } = doc;
  return body;
}
