/**
 * Pasting map JSON into the open map: validated like any import, inserted as one undo step, with the choice
 * to open it as a new map instead. Loaded with the first paste.
 */
import { editorActions, useEditor } from '../store/editorStore';
import { lastCopied } from './useClipboard';

const PASTE_STEP = 40;
const PASTE_NOTICE_ID = 'pasted';

/** Pastes map JSON into the open map. Returns false when the text is not map JSON at all. */
export async function pasteText(text: string): Promise<boolean> {
  if (!text.trimStart().startsWith('{')) return false;
  const { importMapText } = await import('../format/import');
  const { reportImport } = await import('../panels/files/transfer');
  const result = importMapText(text);
  if (!reportImport(result, 'The pasted map')) return true;
  // Each paste of the same copy lands a step further down and right, so copies never hide each other.
  const step = lastCopied.current?.text === text ? ++lastCopied.current.pastes : 1;
  const pasted = editorActions.paste(result.map, { x: PASTE_STEP * step, y: PASTE_STEP * step });
  if (!pasted) return true;
  const afterPaste = useEditor.getState().map;
  const count = pasted.ids.length;
  const added = pasted.addedChannels.length > 0 ? ` Added the channel${pasted.addedChannels.length === 1 ? '' : 's'} ${pasted.addedChannels.join(', ')}.` : '';
  editorActions.notify('info', `Pasted ${count} item${count === 1 ? '' : 's'} from “${result.map.name}”.${added}`, {
    id: PASTE_NOTICE_ID,
    actions: [
      {
        label: 'Open as a new map instead',
        run: () => {
          editorActions.dismiss(PASTE_NOTICE_ID);
          // Take the paste back only if nothing was edited since; later edits are never undone behind the user's back.
          if (useEditor.getState().map === afterPaste) editorActions.undo();
          void import('../panels/files/transfer').then(({ importText }) => importText(text, 'The pasted map'));
        },
      },
    ],
    dismissable: true,
  });
  return true;
}

