/** Which scenario panel is open (session state): the Scenarios dialog or the comparison. */
import { create } from 'zustand';

export type ScenarioPanel = 'scenarios' | 'compare' | null;
export const useScenarioPanel = create<{ open: ScenarioPanel }>()(() => ({ open: null }));
export const openScenarioPanel = (open: ScenarioPanel) => useScenarioPanel.setState({ open });
