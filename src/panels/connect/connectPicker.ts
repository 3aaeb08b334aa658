/**
 * Which card the "Connect to…" picker is open for (session state, never saved or undone), and where focus goes
 * when it closes: back to what opened it (the card, or the Inspector's button), or else to the card.
 */
import { create } from 'zustand';
import { useEditor } from '../../store/editorStore';

interface ConnectPickerState {
  source: string | null;
  opener: HTMLElement | null;
}

export const useConnectPicker = create<ConnectPickerState>()(() => ({ source: null, opener: null }));

/** The picker's code, loaded when first wanted. */
export const loadConnectDialog = () => import('./ConnectDialog');

/** Opens the picker for a card of the journey (not a sticky note). True when it opened. */
export function openConnectPicker(source: string, opener: HTMLElement | null = null): boolean {
  if (!useEditor.getState().map.nodes.some((n) => n.id === source)) return false;
  useConnectPicker.setState({ source, opener: opener === document.body ? null : opener });
  return true;
}

/**
 * The card a key pressed at `target` is for: the card with focus, else, with focus on the canvas or nowhere,
 * the one card selected; null otherwise.
 */
export function cardForKeyboard(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target : null;
  const card = element?.closest('.react-flow__node');
  if (card) return card.getAttribute('data-id');
  if (element && element !== document.body && !element.closest('.react-flow')) return null;
  const { selection, map } = useEditor.getState();
  if (selection.nodes.length !== 1 || selection.edges.length > 0) return null;
  return map.nodes.some((n) => n.id === selection.nodes[0]) ? selection.nodes[0] : null;
}
