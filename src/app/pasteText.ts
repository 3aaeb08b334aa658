/**
 * Pasting map JSON into the open map: validated like any import, inserted as one undo step, with the choice
 * to open it as a new map instead. Pasted Mermaid journey text opens as a new map. Loaded with the first paste.
 */
import { editorActions, useEditor } from '../store/editorStore';
import { lastCopied } from './useClipboard';

const PASTE_STEP = 40;
const PASTE_NOTICE_ID = 'pasted';

/** Pastes map JSON into the open map, or opens a Mermaid journey as a new map. False when the text is neither. */
export async function pasteText(text: string): Promise<boolean> {
  if (!text.trimStart().startsWith('{')) return pasteMermaid(text);
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

/** A Mermaid journey (or Markdown holding one) opens as a new map: it has its own stages, unlike a copied fragment. */
async function pasteMermaid(text: string): Promise<boolean> {
  const { isMermaidJourney } = await import('../interop/mermaidSource');
  if (!isMermaidJourney(text)) return false;
  const { importMermaidText } = await import('../panels/files/transfer');
  await importMermaidText(text, 'The pasted Mermaid journey');
  return true;
}
