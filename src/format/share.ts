/**
 * Share links: the whole map, deflated (raw DEFLATE) and base64url-encoded into the URL fragment
 * `#map=<data>`. The fragment never reaches a server, so nothing is uploaded; opening the link runs the
 * same import as opening a file.
 */
import { deflateSync, Inflate } from 'fflate';
import type { JourneyMap } from '../domain/types';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { MAX_FILE_BYTES } from './constants';
import { importMapText } from './import';
import { problem, refused, type ImportResult } from './problems';
import { exportMapCompact } from './serialise';

/**
 * Longest share link we create, in characters, including origin and path. Browsers accept far longer URLs,
 * but links travel through mail clients, chat apps, link previews and shorteners; RFC 9110 §4.1 asks every
 * sender and recipient to support at least 8,000 octets, so up to that length a link is expected to survive.
 */
export const MAX_SHARE_URL_LENGTH = 8000;

const KEY = 'map=';
/** Input is fed to the decompressor in small pieces so a "zip bomb" is stopped before it fills memory. */
const INFLATE_CHUNK = 1024;

/** `map=<base64url of deflated compact JSON>`, without '#'. */
export function encodeShareFragment(map: JourneyMap): string {
  const json = new TextEncoder().encode(exportMapCompact(map));
  return KEY + encodeBase64Url(deflateSync(json, { level: 9 }));
}

/** Length of the full link `baseUrl#map=…` (baseUrl: origin + path, e.g. "https://example.org/app/"). */
export function shareLinkLength(map: JourneyMap, baseUrl: string): number {
  return baseUrl.length + 1 + encodeShareFragment(map).length;
}

/** Whether the map fits in a share link under MAX_SHARE_URL_LENGTH; if not, the UI offers a file export. */
export function fitsInShareLink(map: JourneyMap, baseUrl: string): boolean {
  return shareLinkLength(map, baseUrl) <= MAX_SHARE_URL_LENGTH;
}

function inflateLimited(data: Uint8Array, limit: number): Uint8Array | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  for (let i = 0; i < data.length && total <= limit; i += INFLATE_CHUNK) {
    inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
  }
  if (total > limit) return 'too-large';
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The `map=` value of a location hash ("#map=…", "map=…" or "#a=1&map=…"), undefined when absent. */
function mapParameter(hash: string): string | undefined {
  const parts = (hash.startsWith('#') ? hash.slice(1) : hash).split('&');
  const part = parts.find((p) => p.startsWith(KEY));
  return part === undefined ? undefined : part.slice(KEY.length);
}

const damaged = (why: string) => refused(problem('', `The share link is damaged or incomplete (${why}).`));

/** Imports the map in a share link's fragment; undefined when the hash carries no `map=` part. */
export function decodeShareFragment(hash: string): ImportResult | undefined {
  const data = mapParameter(hash);
  if (data === undefined) return undefined;
  const bytes = decodeBase64Url(data);
  if (!bytes || bytes.length === 0) return damaged('it is not valid base64url');
  let inflated: Uint8Array | 'too-large';
  try {
    inflated = inflateLimited(bytes, MAX_FILE_BYTES);
  } catch {
    return damaged('it could not be decompressed');
  }
  if (inflated === 'too-large') {
    return refused(problem('', `The map in this share link is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB once unpacked.`));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return damaged('it is not UTF-8 text');
  }
  return importMapText(text);
}
