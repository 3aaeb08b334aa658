import * as fs from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../../src/format';
import { MapFileError, readMapFile } from '../../../src/cli/readMapFile';
import { useTemporaryFolder } from './support';

// Counts what readMapFile reads, and can make stat report a size other than the file's (a file that grows
// after it was checked).
const fsSpy = vi.hoisted(() => ({ bytesRead: 0, reportedSize: undefined as number | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const reported = (stats: fs.Stats) => (fsSpy.reportedSize === undefined ? stats : Object.assign(stats, { size: fsSpy.reportedSize }));
  const mocked = {
    ...real,
    readSync: (...args: Parameters<typeof real.readSync>) => {
      const read = (real.readSync as (...a: unknown[]) => number)(...args);
      fsSpy.bytesRead += read;
      return read;
    },
    statSync: (path: fs.PathLike) => reported(real.statSync(path)),
    fstatSync: (fd: number) => reported(real.fstatSync(fd)),
  };
  return { ...mocked, default: mocked };
});

const folder = useTemporaryFolder();

beforeEach(() => {
  fsSpy.bytesRead = 0;
  fsSpy.reportedSize = undefined;
});

function refusal(path: string): string {
  try {
    readMapFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(MapFileError);
    return (error as Error).message;
  }
  throw new Error(`${path} was read`);
}

describe('reading a map file for the command line', () => {
  it('reads a map file whole, as UTF-8', () => {
    const file = join(folder(), 'small.journey.json');
    fs.writeFileSync(file, '{"name":"Café → Kasse"}');
    expect(readMapFile(file)).toBe('{"name":"Café → Kasse"}');
  });

  it('refuses an 11 MB file from its size, before reading any of it', () => {
    const file = join(folder(), 'big.journey.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 11 * 1024 * 1024);
    expect(refusal(file)).toBe('The file is too large (11.0 MB); Journey Designer opens map files up to 10.0 MB.');
    expect(fsSpy.bytesRead).toBe(0);
  });

  it('stops one byte past the limit when the file turns out larger than stat said', () => {
    const file = join(folder(), 'growing.journey.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_FILE_BYTES + 5 * 1024 * 1024);
    fsSpy.reportedSize = 1000;
    expect(refusal(file)).toMatch(/grew while it was read and is now larger than 10 MB/);
    expect(fsSpy.bytesRead).toBe(MAX_FILE_BYTES + 1);
  });

  it('takes a file of exactly the limit', () => {
    const file = join(folder(), 'limit.journey.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_FILE_BYTES);
    expect(readMapFile(file)).toHaveLength(MAX_FILE_BYTES);
  });

  it('refuses a directory, and says plainly when there is no file', () => {
    expect(refusal(folder())).toBe('it is a directory, not a regular file; pass the path of a saved map file');
    expect(refusal(join(folder(), 'missing.journey.json'))).toBe('no such file');
    expect(fsSpy.bytesRead).toBe(0);
  });

  it.skipIf(!fs.existsSync('/dev/zero'))('refuses /dev/zero without reading from it', () => {
    expect(refusal('/dev/zero')).toBe('it is a character device, not a regular file; pass the path of a saved map file');
    expect(fsSpy.bytesRead).toBe(0);
  });
});
