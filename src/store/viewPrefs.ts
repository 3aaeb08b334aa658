/**
 * How this person likes the canvas shown: session preferences, never part of the map, never undone.
 * Remembered in localStorage where the browser allows it (a refusal just means the default next time).
 */
import { create } from 'zustand';

export interface ViewPrefs {
  /** The emotion curve lane under the cards. */
  emotionCurve: boolean;
}

const KEY = 'journey-designer:view';
const DEFAULTS: ViewPrefs = { emotionCurve: true };

function remembered(): ViewPrefs {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<ViewPrefs> | null;
    return { emotionCurve: typeof stored?.emotionCurve === 'boolean' ? stored.emotionCurve : DEFAULTS.emotionCurve };
  } catch {
    return { ...DEFAULTS };
  }
}

export const useViewPrefs = create<ViewPrefs>()(remembered);

export function setViewPref<K extends keyof ViewPrefs>(key: K, value: ViewPrefs[K]): void {
  if (useViewPrefs.getState()[key] === value) return;
  useViewPrefs.setState({ [key]: value } as Pick<ViewPrefs, K>);
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(useViewPrefs.getState()));
  } catch {
    /* storage refused (disabled, full, sandboxed): the preference lasts for this page only */
  }
}

/** Back to the defaults, forgetting what was remembered (tests). */
export function resetViewPrefs(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    /* nothing remembered to forget */
  }
  useViewPrefs.setState({ ...DEFAULTS });
}
