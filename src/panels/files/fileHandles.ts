/**
 * The file on disk each open map came from (or was last saved to), so that "Save" can write back to it.
 * Session state: kept for this tab only, never in the map, its history or its export. A map opened from a
 * file becomes a new map in the library with an id of its own; the handle is kept under that id.
 */
const handles = new Map<string, FileSystemFileHandle>();

export function rememberFileHandle(mapId: string, handle: FileSystemFileHandle): void {
  handles.set(mapId, handle);
}

export function fileHandleFor(mapId: string): FileSystemFileHandle | null {
  return handles.get(mapId) ?? null;
}

/** For tests: forget every handle. */
export function forgetFileHandles(): void {
  handles.clear();
}
