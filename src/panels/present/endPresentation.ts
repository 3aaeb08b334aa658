/** Ending the presentation: loaded with the view, not with the first screen. */
import { usePresentation } from './presentationState';

/** Ends the presentation, leaving full screen if the presentation entered it. */
export function endPresentation(): void {
  if (usePresentation.getState().ownsFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  if (usePresentation.getState().open) usePresentation.setState({ open: false, ownsFullscreen: false });
}

/** True when full screen, entered by the presentation, was left some other way (the browser's own Escape). */
export function fullscreenLeftElsewhere(): boolean {
  return usePresentation.getState().ownsFullscreen && !document.fullscreenElement;
}
