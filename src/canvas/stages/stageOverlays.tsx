/**
 * The stage menu and the delete dialog load after the canvas has drawn (they are opened, never shown at
 * start), keeping them out of the first script. Once loaded they render synchronously, so opening a menu
 * never flickers; `preloadStageOverlays` lets tests and the app fetch them ahead.
 */
import { useEffect, useReducer, type ComponentProps } from 'react';
import type { DeleteStageDialog as DeleteStageDialogType } from './DeleteStageDialog';
import type { StageMenu as StageMenuType } from './StageMenu';

let loaded: { StageMenu: typeof StageMenuType; DeleteStageDialog: typeof DeleteStageDialogType } | null = null;
let loading: Promise<void> | null = null;

export function preloadStageOverlays(): Promise<void> {
  loading ??= Promise.all([import('./StageMenu'), import('./DeleteStageDialog')]).then(([menu, dialog]) => {
    loaded = { StageMenu: menu.StageMenu, DeleteStageDialog: dialog.DeleteStageDialog };
  });
  return loading;
}

function useLoaded(): typeof loaded {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!loaded) void preloadStageOverlays().then(rerender);
  }, []);
  return loaded;
}

export function StageMenu(props: ComponentProps<typeof StageMenuType>) {
  const parts = useLoaded();
  return parts ? <parts.StageMenu {...props} /> : null;
}

export function DeleteStageDialog(props: ComponentProps<typeof DeleteStageDialogType>) {
  const parts = useLoaded();
  return parts ? <parts.DeleteStageDialog {...props} /> : null;
}
