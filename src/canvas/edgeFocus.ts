/** The edge whose keyboard stand-in (EdgeFocusList) has focus, so that JourneyEdge can draw it highlighted. */
import { create } from 'zustand';

export const useEdgeFocus = create<{ id: string | null }>()(() => ({ id: null }));

export const setFocusedEdge = (id: string | null): void => {
  if (useEdgeFocus.getState().id !== id) useEdgeFocus.setState({ id });
};
