import { isTextInput } from '../ui/isTextInput';
import { useEffect } from 'react';
import { FIND_FIELD_ID } from '../panels/find/FindTouchpoint';
import { isPresentKey, startPresentation } from '../panels/present/presentationState';
import { useModalFocusTrap } from '../panels/useModalFocusTrap';
import { editorActions } from '../store/editorStore';

/** C without modifiers, not repeated, outside dialogs, menus and lists (where a letter belongs to them). */
function isConnectKey(event: KeyboardEvent): boolean {
  if ((event.key !== 'c' && event.key !== 'C') || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  return !(event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="menu"], [role="listbox"]'));
}

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Ctrl/Cmd+A select all, Ctrl/Cmd+D duplicate,
 * Ctrl/Cmd+F find, Ctrl/Cmd+S save (with Shift: save as), P present, C "Connect to…" on a card. Text fields
 * keep their own undo and select-all. (Copy, cut and paste: useClipboard. Arrow keys move cards: the canvas.)
 * Tab stays inside an open modal dialog (useModalFocusTrap).
 */
export function useShortcuts(): void {
  useModalFocusTrap();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isPresentKey(event) && !isTextInput(event.target)) {
        event.preventDefault();
        startPresentation();
        return;
      }
      if (isConnectKey(event) && !isTextInput(event.target)) {
        const { target } = event;
        const opener = document.activeElement as HTMLElement | null;
        void import('../panels/connect/connectPicker').then((c) => {
          const source = c.cardForKeyboard(target);
          if (source !== null) c.openConnectPicker(source, opener);
        });
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      // Also from a text field (what was typed there is saved too): the browser's "Save page" is never meant.
      if (key === 's') {
        event.preventDefault();
        void import('../panels/files/saveFile').then((files) => (event.shiftKey ? files.saveMapAs() : files.saveMap()));
        return;
      }
      if (key === 'f' && !event.shiftKey) {
        const field = document.getElementById(FIND_FIELD_ID);
        if (field) {
          event.preventDefault();
          field.focus();
        }
        return;
      }
      if (isTextInput(event.target)) return;
      if (key === 'a' && !event.shiftKey) {
        event.preventDefault();
        editorActions.selectAll();
      } else if (key === 'd' && !event.shiftKey) {
        event.preventDefault();
        editorActions.duplicateSelection();
      } else if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        editorActions.undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        editorActions.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
