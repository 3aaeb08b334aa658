/**
 * "Add opportunity" on a friction note (Inspector): an opportunity titled from the note, addressing that note
 * at its touchpoint, then the Opportunities panel opens on it so the title can be made the team's own.
 */
import type { FrictionNote } from '../../domain/types';
import { opportunityActions } from '../../store/opportunityActions';
import { openOpportunities } from '../../store/opportunityPanel';
import { titleFromNote } from './opportunityView';

export function addOpportunityForNote(nodeId: string, note: Pick<FrictionNote, 'id' | 'note'>): string | undefined {
  const id = opportunityActions.addOpportunity({ title: titleFromNote(note.note), touchpoints: [nodeId], friction: [{ node: nodeId, note: note.id }] });
  if (id !== undefined) openOpportunities(id);
  return id;
}
