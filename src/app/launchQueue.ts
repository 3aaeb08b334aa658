/**
 * Files opened with the installed app from the operating system (the manifest's `file_handlers`) arrive in
 * `window.launchQueue` (Chromium). Each goes through the normal import as a new map and keeps its handle, so
 * "Save" writes back to it. Typed here: the Launch Handler API is not in TypeScript's DOM library.
 */
interface LaunchParams {
  readonly targetURL?: string;
  readonly files?: readonly FileSystemHandle[];
}

interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** Listens for launched files where the browser has a launch queue; false where it has none. */
export function consumeLaunchedFiles(target: object = window): boolean {
  const queue = (target as { launchQueue?: LaunchQueue }).launchQueue;
  if (!queue || typeof queue.setConsumer !== 'function') return false;
  queue.setConsumer((params) => void openLaunchedFiles(params.files ?? []));
  return true;
}

const isFileHandle = (handle: FileSystemHandle): handle is FileSystemFileHandle => handle.kind === 'file';

/** One after another, so each opens as its own map and the last one chosen is the one shown. */
export async function openLaunchedFiles(handles: readonly FileSystemHandle[]): Promise<void> {
  const files = handles.filter(isFileHandle);
  if (files.length === 0) return;
  const { openWithHandle } = await import('../panels/files/saveFile');
  for (const handle of files) {
    let file: File;
    try {
      file = await handle.getFile();
    } catch {
      const { reportImport } = await import('../panels/files/transfer');
      reportImport({ ok: false, problems: [{ path: '', message: 'The file could not be read.' }] }, `“${handle.name}”`);
      continue;
    }
    await openWithHandle(file, handle);
  }
}
