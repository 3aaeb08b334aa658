import { isTextInput } from './isTextInput';
import { useEffect } from 'react';
import { FIND_FIELD_ID } from '../panels/find/FindTouchpoint';
import { isPresentKey, startPresentation } from '../panels/present/presentationState';
import { editorActions } from '../store/editorStore';

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Ctrl/Cmd+A select all, Ctrl/Cmd+D duplicate,
 * Ctrl/Cmd+F find, P present. Text fields keep their own undo and select-all. (Copy, cut and paste: useClipboard.)
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isPresentKey(event) && !isTextInput(event.target)) {
        event.preventDefault();
        startPresentation();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
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
