/**
 * Named actions for opportunities, each one undo step (marking one Done resolves its friction notes in the
 * same step). Loaded with the panels that use them.
 */
import * as opportunities from '../domain/opportunities';
import type { OpportunityStatus } from '../domain/types';
import { applies, edit } from './editorStore';

export const opportunityActions = {
  addOpportunity: (init: opportunities.NewOpportunity) => edit((map) => opportunities.addOpportunity(map, init)),
  updateOpportunity: (id: string, patch: opportunities.OpportunityPatch) => applies((map) => opportunities.updateOpportunity(map, id, patch)),
  setOpportunityStatus: (id: string, status: OpportunityStatus) => applies((map) => opportunities.setOpportunityStatus(map, id, status)),
  removeOpportunity: (id: string) => applies((map) => opportunities.removeOpportunity(map, id)),
};
