/**
 * Moving maps in and out: import from a file, a drop or a paste (always as a new map), export as JSON,
 * share as a link, export as an image. Problems become a role="alert" notice naming the path and rule.
 */
import type { JourneyMap } from '../../domain/types';
import { formatProblem, type ImportResult } from '../../format/problems';
import { checkFileSize } from '../../format/safeJson';
import { editorActions, useEditor } from '../../store/editorStore';
import { libraryActions } from '../../store/libraryStore';

/** How many problems an import notice lists; the rest are counted. */
const LISTED_PROBLEMS = 5;
export const IMPORT_ERROR_ID = 'import-error';

export function reportImport(result: ImportResult, source: string): result is Extract<ImportResult, { ok: true }> {
  if (result.ok) return true;
  const { problems } = result;
  const more = problems.length > LISTED_PROBLEMS ? [`…and ${problems.length - LISTED_PROBLEMS} more`] : [];
  editorActions.notify('error', `${source} could not be imported, so nothing was changed. ${problems.length === 1 ? 'Problem' : 'Problems'}:`, {
    id: IMPORT_ERROR_ID,
    details: [...problems.slice(0, LISTED_PROBLEMS).map(formatProblem), ...more],
  });
  return false;
}

/** Imports map JSON as a new map in the library and opens it; the open map is never overwritten. */
export async function importText(text: string, source: string): Promise<boolean> {
  // The importer is loaded when first needed; the app's first load does not carry it.
  const { importMapText } = await import('../../format/import');
  const result = importMapText(text);
  if (!reportImport(result, source)) return false;
  editorActions.dismiss(IMPORT_ERROR_ID);
  const opened = await libraryActions.addAndOpen(result.map);
  editorActions.notify('info', `Opened “${opened?.name ?? result.map.name}” as a new map in your library.`, {
    id: 'import-done',
    ...(result.warnings.length > 0 ? { details: result.warnings } : {}),
  });
  return true;
}

export async function importFile(file: File): Promise<boolean> {
  const source = `“${file.name}”`;
  // Refused by size before a single byte is read, so a huge file cannot freeze the tab.
  const tooBig = checkFileSize(file.size);
  if (tooBig) return reportImport({ ok: false, problems: [tooBig] }, source);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return reportImport({ ok: false, problems: [{ path: '', message: 'The file could not be read.' }] }, source);
  }
  return importText(text, source);
}

/** "Online store" → "Online store.journey.json", without characters file systems refuse. */
export function exportFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${safe || 'journey'}.journey.json`;
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportJson(): Promise<void> {
  const { exportMapText } = await import('../../format/serialise');
  // The whole document: the as-is map with every scenario, whichever is shown.
  const { document: map } = useEditor.getState();
  download(new Blob([exportMapText(map)], { type: 'application/json' }), exportFileName(map.name));
}

export function shareBaseUrl(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** Copies a link carrying the whole map; refuses, suggesting the file, when the map is too large for a link. */
export async function copyShareLink(): Promise<void> {
  const { encodeShareFragment, MAX_SHARE_URL_LENGTH } = await import('../../format/share');
  const { document: map } = useEditor.getState();
  const link = `${shareBaseUrl()}#${encodeShareFragment(map)}`;
  if (link.length > MAX_SHARE_URL_LENGTH) {
    editorActions.notify(
      'error',
      `This map is too large for a link (${link.length.toLocaleString('en')} characters; links stay under ${MAX_SHARE_URL_LENGTH.toLocaleString('en')}). Share the file instead: Export JSON.`,
      { id: 'share-link' },
    );
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    editorActions.notify('info', `Share link copied (${link.length.toLocaleString('en')} characters). Anyone who opens it gets a copy of this map.`, {
      id: 'share-link',
    });
  } catch {
    editorActions.notify('warning', `The clipboard is not available here. Copy the link yourself (${link.length.toLocaleString('en')} characters):`, {
      id: 'share-link',
      details: [link],
    });
  }
}

/**
 * Reads the map carried by a `#map=…` link, then removes the fragment so a reload does not import it again.
 * Problems are reported; the result is the map to open, or null.
 */
export async function readSharedLink(hash: string): Promise<JourneyMap | null> {
  if (!hash.includes('map=')) return null;
  const { decodeShareFragment } = await import('../../format/share');
  const result = decodeShareFragment(hash);
  history.replaceState(null, '', shareBaseUrl());
  if (!result || !reportImport(result, 'The shared link')) return null;
  return result.map;
}

/** Opens a shared map as a new map in the library (the open map stays saved). */
export async function openSharedMap(map: JourneyMap): Promise<void> {
  const opened = await libraryActions.addAndOpen(map);
  editorActions.notify('info', `Opened the shared map “${opened?.name ?? map.name}” as a new map in your library.`, { id: 'import-done' });
}
