import { isTextInput } from './isTextInput';
import { useEffect, useState } from 'react';
import { importFile, importText } from '../panels/files/transfer';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * A .json file dropped anywhere on the window, or map JSON pasted outside a text field, is imported as a
 * new map. Returns whether a file is being dragged over the window (to show a drop hint).
 */
export function useFileDropAndPaste(): boolean {
  const [fileOver, setFileOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setFileOver(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setFileOver(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setFileOver(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextInput(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text.trimStart().startsWith('{')) return;
      event.preventDefault();
      void importText(text, 'The pasted text');
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
  return fileOver;
}
