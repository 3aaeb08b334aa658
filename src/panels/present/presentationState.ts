/**
 * Whether the presentation is showing (session state), and starting it. Tiny on purpose: the toolbar
 * button and the P shortcut load this with the first screen; the presentation itself loads when first
 * wanted.
 */
import { create } from 'zustand';

/** `ownsFullscreen`: the presentation put the page into full screen (and so takes it out again). */
export const usePresentation = create<{ open: boolean; ownsFullscreen: boolean }>()(() => ({ open: false, ownsFullscreen: false }));

export const loadPresentation = () => import('./Presentation');

/**
 * Starts the presentation. Call it from the click or key press itself: browsers grant full screen only
 * during a user gesture, which the lazily loaded view would no longer be in. Where full screen is not
 * allowed (or refused), the view still covers the whole window. (Ending it: endPresentation, loaded with
 * the view.)
 */
export function startPresentation(): void {
  if (usePresentation.getState().open) return;
  const root = document.documentElement;
  const ownsFullscreen = document.fullscreenEnabled && !document.fullscreenElement && typeof root.requestFullscreen === 'function';
  if (ownsFullscreen) root.requestFullscreen({ navigationUI: 'hide' }).catch(() => usePresentation.setState({ ownsFullscreen: false }));
  usePresentation.setState({ open: true, ownsFullscreen });
}

/**
 * The P key without modifiers and not repeated by holding it, outside dialogs and menus (where a letter
 * belongs to them). The caller checks text fields.
 */
export function isPresentKey(event: KeyboardEvent): boolean {
  if (event.key !== 'p' && event.key !== 'P') return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  const target = event.target;
  return !(target instanceof Element && target.closest('dialog, [role="dialog"], [role="menu"], [role="listbox"]'));
}
