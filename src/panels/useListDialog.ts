/**
 * The frame of a dialog that edits one of the map's lists (channels, personas):
 * - it opens as a modal before the first paint (never shown inline for a frame), with focus on the first
 *   row's name field, or on the add field when the list is empty;
 * - after a delete, focus goes to the delete button of the row that took its place (or to the add field);
 *   after an add, the new row is scrolled into view (focus stays in the add field for the next one);
 * - Escape closes it, unless a field used the key to revert a draft (and prevented it).
 * Rows are `<li data-{rowKey}="id">` inside `list`; `block` is the dialog's CSS block (`jd-channels`), whose
 * `__name input` and `__delete` elements these look for. `items` changes whenever the list does.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useModal } from './scenarios/useModal';

type FocusAfterChange = { row: number } | { added: string };

export function useListDialog({ block, rowKey, items, onClose }: { block: string; rowKey: string; items: unknown; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const addInput = useRef<HTMLInputElement>(null);
  /** Set by a delete (the row index it had) or an add (the new id), read after the list re-renders. */
  const focusAfterChange = useRef<FocusAfterChange | null>(null);

  // Focus goes back to the toolbar button by the button itself (LazyDialogButton), not by useModal.
  useModal(dialog, () => dialog.current?.querySelector<HTMLInputElement>(`.${block}__name input`) ?? addInput.current, { returnFocus: false });

  useEffect(() => {
    const next = focusAfterChange.current;
    focusAfterChange.current = null;
    if (!next) return;
    if ('added' in next) {
      const row = Array.from(list.current?.children ?? []).find((li) => li instanceof HTMLElement && li.dataset[rowKey] === next.added);
      row?.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>(`.${block}__delete`) ?? [];
    const target = buttons.length > 0 ? buttons[Math.min(next.row, buttons.length - 1)] : addInput.current;
    target?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape' && !event.nativeEvent.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  return { dialog, list, addInput, focusAfterChange, onKeyDown };
}
