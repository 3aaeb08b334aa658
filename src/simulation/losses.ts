/** Where along the journey customers are lost, by stage: a derived number shared by the results panel, report and comparison. */
import type { JourneyMap } from '../domain';

export interface StageLoss {
  stageId: string | null;
  name: string;
  /** Customers who abandon at nodes of this stage, per 1,000 starts (exact). */
  lostPer1000: number;
}

/** Exact abandonment summed over each stage's nodes, in stage order (nodes without a stage last, if any). */
export function lossesByStage(map: Pick<JourneyMap, 'nodes' | 'stages'>, abandon: Record<string, number>): StageLoss[] {
  const byStage = new Map<string | null, number>();
  for (const node of map.nodes) {
    const p = abandon[node.id];
    if (p === undefined) continue;
    const key = node.stage ?? null;
    byStage.set(key, (byStage.get(key) ?? 0) + p);
  }
  const rows: StageLoss[] = map.stages.map((s) => ({ stageId: s.id, name: s.name, lostPer1000: (byStage.get(s.id) ?? 0) * 1000 }));
  const unstaged = byStage.get(null);
  if (unstaged !== undefined && unstaged > 0) rows.push({ stageId: null, name: 'No stage', lostPer1000: unstaged * 1000 });
  return rows;
}
