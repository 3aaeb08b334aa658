// @vitest-environment jsdom
/**
 * Open, Save and Save as in the File menu, with browser-fs-access mocked: Save writes back to the handle of the
 * file the map was opened from (or last saved to); without the File System Access API it downloads.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { fileOpen, fileSave, type FileWithHandle } from 'browser-fs-access';
import { useShortcuts } from '../../src/app/useShortcuts';
import type { JourneyMap } from '../../src/domain/types';
import { exportMapText } from '../../src/format/serialise';
import { forgetFileHandles } from '../../src/panels/files/fileHandles';
import { FileActions } from '../../src/panels/files/FileActions';
import { openWithHandle, SAVE_NOTICE_ID } from '../../src/panels/files/saveFile';
import { editorActions, resetEditor, useEditor } from '../../src/store/editorStore';
import { libraryActions } from '../../src/store/libraryStore';
import { makeMap } from '../support/maps';
import { renderWithStore } from '../support/render';

vi.mock('browser-fs-access', () => ({ fileOpen: vi.fn(), fileSave: vi.fn() }));

const handle = (name: string) => ({ kind: 'file', name }) as unknown as FileSystemFileHandle;
/** A file as a picker gives it (jsdom's File cannot read its own text). */
const fileOf = (text: string, name: string, extra: object = {}) => Object.assign(new File([text], name), { text: async () => text }, extra);
const notice = () => useEditor.getState().notices.find((n) => n.id === SAVE_NOTICE_ID);

/** Opening adds the map to the library under an id of its own, as the real library does. */
function libraryOpensUnderNewId(id: string) {
  return vi.spyOn(libraryActions, 'addAndOpen').mockImplementation(async (map: JourneyMap) => {
    const opened = { ...map, id };
    resetEditor(opened);
    return opened;
  });
}

function Shortcuts() {
  useShortcuts();
  return null;
}

function renderMenu() {
  const rendered = renderWithStore(
    <>
      <FileActions />
      <Shortcuts />
    </>,
  );
  const choose = async (item: string) => {
    await rendered.user.click(screen.getByRole('button', { name: /^File/ }));
    // The menu's list loads when first opened.
    await rendered.user.click(within(await screen.findByRole('menu', { name: 'File' })).getByRole('menuitem', { name: item }));
  };
  return { ...rendered, choose };
}

/** What the call-th save wrote (read with FileReader: jsdom's Blob has no text()). */
const savedText = (call: number) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(vi.mocked(fileSave).mock.calls[call][0] as Blob);
  });

/** Gives jsdom the File System Access API's save picker (its presence is what Save looks for). */
function withFileSystemAccess(present: boolean) {
  if (present) Object.defineProperty(window, 'showSaveFilePicker', { value: vi.fn(), configurable: true });
  else delete (window as Partial<Window & { showSaveFilePicker: unknown }>).showSaveFilePicker;
}

beforeEach(() => {
  forgetFileHandles();
  vi.mocked(fileSave).mockReset();
  vi.mocked(fileOpen).mockReset();
});
afterEach(() => {
  withFileSystemAccess(false);
  vi.restoreAllMocks();
});

describe('with the File System Access API', () => {
  beforeEach(() => withFileSystemAccess(true));

  it('Save as asks for a file named after the map; Save then writes back to that file without asking', async () => {
    const chosen = handle('Test journey.journey.json');
    vi.mocked(fileSave).mockResolvedValue(chosen);
    const { choose } = renderMenu();
    await choose('Save as…');
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(1));
    const [, options, existing] = vi.mocked(fileSave).mock.calls[0];
    expect(options).toMatchObject({ fileName: 'Test journey.journey.json', extensions: ['.journey.json', '.json'], mimeTypes: ['application/json'] });
    expect(existing).toBeNull();
    expect(JSON.parse(await savedText(0))).toMatchObject({ format: 'journey-map', version: 5, name: 'Test journey' });
    await waitFor(() => expect(notice()?.text).toBe('Saved “Test journey” to “Test journey.journey.json”.'));

    act(() => editorActions.updateNode('tp-web', { label: 'Landing page' }));
    await choose('Save');
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(2));
    expect(vi.mocked(fileSave).mock.calls[1][2]).toBe(chosen);
    expect(await savedText(1)).toContain('Landing page');
  });

  it('Save writes back to the handle of the file the map was opened from; the handle is not in the map or its export', async () => {
    const onDisk = handle('workshop.journey.json');
    const file: FileWithHandle = fileOf(exportMapText(makeMap({ name: 'Workshop' })), 'workshop.journey.json', { handle: onDisk });
    vi.mocked(fileOpen).mockResolvedValue(file);
    vi.mocked(fileSave).mockResolvedValue(onDisk);
    libraryOpensUnderNewId('map-from-disk');
    const { choose } = renderMenu();
    await choose('Open…');
    await waitFor(() => expect(useEditor.getState().document.id).toBe('map-from-disk'));
    expect(fileOpen).toHaveBeenCalledWith(expect.objectContaining({ extensions: ['.journey.json', '.json'] }));

    await choose('Save');
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(1));
    expect(vi.mocked(fileSave).mock.calls[0][2]).toBe(onDisk);
    const written = await savedText(0);
    expect(JSON.parse(written)).toMatchObject({ name: 'Workshop', version: 5 });
    expect(written).not.toContain('handle');
    expect(JSON.stringify(useEditor.getState().document)).not.toContain('workshop.journey.json');
  });

  it('Ctrl+S saves back to the file and Ctrl+Shift+S asks for a new one', async () => {
    const onDisk = handle('workshop.journey.json');
    libraryOpensUnderNewId('map-from-disk');
    renderMenu();
    await openWithHandle(fileOf(exportMapText(makeMap()), 'workshop.journey.json'), onDisk);
    vi.mocked(fileSave).mockResolvedValue(onDisk);

    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true })));
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(1));
    expect(vi.mocked(fileSave).mock.calls[0][2]).toBe(onDisk);

    const saveAs = new KeyboardEvent('keydown', { key: 'S', ctrlKey: true, shiftKey: true, cancelable: true });
    act(() => void window.dispatchEvent(saveAs));
    expect(saveAs.defaultPrevented).toBe(true);
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(2));
    expect(vi.mocked(fileSave).mock.calls[1][2]).toBeNull();
  });

  it('a Mermaid journey opened from a file keeps no handle: Save asks where to write map JSON', async () => {
    libraryOpensUnderNewId('map-from-mermaid');
    renderMenu();
    const mermaid = 'journey\n  title Coffee\n  section Order\n    Choose drink: 4: Customer\n';
    expect(await openWithHandle(fileOf(mermaid, 'coffee.mmd'), handle('coffee.mmd'))).toBe(true);
    vi.mocked(fileSave).mockResolvedValue(handle('Coffee.journey.json'));
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true })));
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(1));
    expect(vi.mocked(fileSave).mock.calls[0][2]).toBeNull();
  });

  it('cancelling the picker changes nothing and says nothing; a failed write says so', async () => {
    const { choose } = renderMenu();
    vi.mocked(fileSave).mockRejectedValueOnce(new DOMException('The user aborted a request.', 'AbortError'));
    await choose('Save as…');
    await waitFor(() => expect(fileSave).toHaveBeenCalledTimes(1));
    await act(async () => {});
    expect(notice()).toBeUndefined();

    vi.mocked(fileSave).mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    await choose('Save');
    await waitFor(() => expect(notice()?.kind).toBe('error'));
    expect(notice()?.text).toContain('The disk is full.');
  });
});

describe('without the File System Access API', () => {
  it('Save and Save as download the map as <name>.journey.json and say so', async () => {
    const anchors: HTMLAnchorElement[] = [];
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:map'), configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      anchors.push(this);
    });
    const { choose } = renderMenu();
    await choose('Save');
    await waitFor(() => expect(anchors).toHaveLength(1));
    expect(anchors[0].download).toBe('Test journey.journey.json');
    expect(fileSave).not.toHaveBeenCalled();
    expect(notice()?.text).toContain('Downloaded “Test journey.journey.json”');

    await choose('Save as…');
    await waitFor(() => expect(anchors).toHaveLength(2));
    expect(fileSave).not.toHaveBeenCalled();
  });
});
