/**
 * Whether the Opportunities panel is open, and which opportunity it should bring into view. Session state:
 * never saved, never undone. Kept tiny and apart from the editor store: the toolbar button (first screen)
 * and the Inspector's friction list (loaded later) both open the panel through it.
 */
import { create } from 'zustand';

export interface OpportunityPanelState {
  open: boolean;
  /** The opportunity to scroll to and focus when the panel opens; null = none in particular. */
  focus: string | null;
}

export const useOpportunityPanel = create<OpportunityPanelState>()(() => ({ open: false, focus: null }));

export const openOpportunities = (focus: string | null = null) => useOpportunityPanel.setState({ open: true, focus });
export const closeOpportunities = () => useOpportunityPanel.setState({ open: false, focus: null });
