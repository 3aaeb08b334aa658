// @vitest-environment jsdom
/** Files opened from the operating system arrive in the launch queue and go through the normal import. */
import { consumeLaunchedFiles, openLaunchedFiles } from '../../../src/app/launchQueue';
import { openWithHandle } from '../../../src/panels/files/saveFile';
import { IMPORT_ERROR_ID } from '../../../src/panels/files/transfer';
import { resetEditor, useEditor } from '../../../src/store/editorStore';

vi.mock('../../../src/panels/files/saveFile', () => ({ openWithHandle: vi.fn(async () => true) }));

const fileHandle = (name: string, text = '{}') =>
  ({ kind: 'file', name, getFile: async () => new File([text], name) }) as unknown as FileSystemFileHandle;
const directoryHandle = (name: string) => ({ kind: 'directory', name }) as unknown as FileSystemHandle;

beforeEach(() => {
  resetEditor();
  vi.mocked(openWithHandle).mockClear();
});

describe('consumeLaunchedFiles', () => {
  it('does nothing where the browser has no launch queue', () => {
    expect(consumeLaunchedFiles({})).toBe(false);
  });

  it('opens each launched file with its handle, in order, so Save writes back to it', async () => {
    let consumer: ((params: { files?: readonly FileSystemHandle[] }) => void) | undefined;
    expect(consumeLaunchedFiles({ launchQueue: { setConsumer: (c: typeof consumer) => (consumer = c) } })).toBe(true);
    const first = fileHandle('first.journey.json');
    const second = fileHandle('second.journey.json');
    consumer!({ files: [first, directoryHandle('maps'), second] });
    await vi.waitFor(() => expect(openWithHandle).toHaveBeenCalledTimes(2));
    const calls = vi.mocked(openWithHandle).mock.calls;
    expect(calls.map(([file, handle]) => [file.name, handle])).toEqual([
      ['first.journey.json', first],
      ['second.journey.json', second],
    ]);
  });

  it('a launch without files (the app opened from its icon) opens nothing', async () => {
    let consumer: ((params: { files?: readonly FileSystemHandle[] }) => void) | undefined;
    consumeLaunchedFiles({ launchQueue: { setConsumer: (c: typeof consumer) => (consumer = c) } });
    consumer!({ targetURL: 'http://localhost/' } as { files?: readonly FileSystemHandle[] });
    consumer!({ files: [] });
    await Promise.resolve();
    expect(openWithHandle).not.toHaveBeenCalled();
  });
});

describe('openLaunchedFiles', () => {
  it('reports a file that cannot be read, names it, and goes on with the rest', async () => {
    const unreadable = { kind: 'file', name: 'gone.journey.json', getFile: () => Promise.reject(new DOMException('Not found', 'NotFoundError')) };
    const readable = fileHandle('here.journey.json');
    await openLaunchedFiles([unreadable as unknown as FileSystemHandle, readable]);
    const error = useEditor.getState().notices.find((n) => n.id === IMPORT_ERROR_ID);
    expect(error?.text).toContain('“gone.journey.json” could not be imported');
    expect(error?.details).toEqual(['The file could not be read.']);
    expect(vi.mocked(openWithHandle).mock.calls.map(([, handle]) => handle)).toEqual([readable]);
  });
});
