/**
 * Copy, cut and paste of nodes through the system clipboard (Figma and Miro conventions). Copied nodes go
 * out as a map file's JSON, so they paste into another map of the library, another tab, or a text editor;
 * pasted JSON is validated like any import and inserted into the open map as one undo step, with the choice
 * to open it as a new map instead. A copy also stays in this tab, for browsers whose shortcuts do not
 * reach the page as clipboard events.
 */
import { useEffect } from 'react';
import type { JourneyMap } from '../domain/types';
import { FORMAT_NAME, FORMAT_VERSION } from '../format/constants';
import { editorActions, useEditor } from '../store/editorStore';
import { isTextInput } from '../ui/isTextInput';

/** What this tab copied last, and how often it was pasted (each paste lands a step further). */
export const lastCopied: { current: { text: string; pastes: number } | null } = { current: null };

/** Pasting validates and inserts: loaded with the first paste, not with the app. */
const pasteText = (text: string) => import('./pasteText').then((m) => m.pasteText(text));

export function clipboardText(fragment: JourneyMap): string {
  return JSON.stringify({ format: FORMAT_NAME, version: FORMAT_VERSION, ...fragment }, null, 2);
}

function remember(fragment: JourneyMap | null): string | null {
  if (!fragment) return null;
  const text = clipboardText(fragment);
  lastCopied.current = { text, pastes: 0 };
  return text;
}

export function useClipboard(): void {
  useEffect(() => {
    let pasteEventSeen = false;
    let copyEventSeen = false;
    const onCopy = (event: ClipboardEvent) => {
      copyEventSeen = true;
      if (isTextInput(event.target) || hasTextSelection()) return;
      const text = remember(event.type === 'cut' ? editorActions.cutSelection() : editorActions.copySelection());
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      pasteEventSeen = true;
      if (isTextInput(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      // Map JSON, or perhaps a Mermaid journey (pasteText tells for sure).
      if (!text.trimStart().startsWith('{') && !text.includes('journey')) return;
      event.preventDefault();
      void pasteText(text);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || isTextInput(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'v') {
        // If the browser sends no paste event for the shortcut, paste what was copied in this tab.
        pasteEventSeen = false;
        setTimeout(() => {
          if (!pasteEventSeen && lastCopied.current) void pasteText(lastCopied.current.text);
        }, 0);
      } else if ((key === 'c' || key === 'x') && !hasTextSelection() && useEditor.getState().selection.nodes.length > 0) {
        // Likewise for copy and cut: without a clipboard event, copy within this tab.
        copyEventSeen = false;
        setTimeout(() => {
          if (!copyEventSeen) remember(key === 'x' ? editorActions.cutSelection() : editorActions.copySelection());
        }, 0);
      }
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);
}

/** Text selected on the page (e.g. in a notice) is copied as text, not as nodes. */
function hasTextSelection(): boolean {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
}
