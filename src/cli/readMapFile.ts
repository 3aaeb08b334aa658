/**
 * Reads a map file for the command line without trusting the path: only a regular file is opened (a FIFO
 * would block forever, /dev/zero never ends, a directory is no map), its size is checked before anything is
 * read, and the read itself stops one byte past the limit, so a file that grows between the check and the
 * read is still bounded.
 *
 * A `.csv` file is customer-path data (ChannelAttribution's `path;total_conversions;…;total_null`): the map
 * built from it (src/evidence/paths.ts) is handed on as map-file text, so it goes through the same import.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, extname } from 'node:path';
import { buildPathMap, parsePathCsv } from '../evidence/paths';
import { problemText } from '../evidence/csvTable';
import { checkFileSize, exportMapText, MAX_FILE_BYTES } from '../format';

/** A map file the command refuses to read; the message says why, for "Cannot read <path>: <message>". */
export class MapFileError extends Error {}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function checkRegularFile(stats: Stats): void {
  if (!stats.isFile()) throw new MapFileError(`it is ${kindOf(stats)}, not a regular file; pass the path of a saved map file`);
  const tooLarge = checkFileSize(stats.size);
  if (tooLarge) throw new MapFileError(tooLarge.message);
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

function reasonFor(error: unknown): Error {
  if (error instanceof MapFileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && code in SYSTEM_REASONS) return new MapFileError(SYSTEM_REASONS[code]);
  return error instanceof Error ? error : new Error(String(error));
}

const CHUNK_BYTES = 1 << 16;

/** The text of the map file at `path` (UTF-8; a path-data `.csv` as the text of its map), or a MapFileError saying why not. */
export function readMapFile(path: string): string {
  const text = readBoundedText(path);
  return extname(path).toLowerCase() === '.csv' ? pathDataMapText(text, basename(path, extname(path))) : text;
}

/** Problems shown for a CSV file that cannot be path data: the first few say what to fix. */
const SHOWN_CSV_PROBLEMS = 3;

function pathDataMapText(text: string, name: string): string {
  const reading = parsePathCsv(text);
  if (!reading.ok) {
    const more = reading.problems.length > SHOWN_CSV_PROBLEMS ? ` (and ${reading.problems.length - SHOWN_CSV_PROBLEMS} more)` : '';
    throw new MapFileError(`${reading.problems.slice(0, SHOWN_CSV_PROBLEMS).map(problemText).join('; ')}${more}`);
  }
  return exportMapText(buildPathMap(reading.paths, name.trim() || 'Customer paths'));
}

function readBoundedText(path: string): string {
  let fd: number | undefined;
  try {
    // Type and size first, without opening: opening a FIFO for reading waits for a writer.
    checkRegularFile(statSync(path));
    // O_NONBLOCK so that a FIFO swapped in after the check still cannot block the open; fstat checks the
    // file actually opened.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    checkRegularFile(fstatSync(fd));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, MAX_FILE_BYTES + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > MAX_FILE_BYTES) {
        throw new MapFileError(`the file grew while it was read and is now larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB, the largest map file Journey Designer opens`);
      }
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    throw reasonFor(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
