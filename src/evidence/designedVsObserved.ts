/**
 * "Designed vs observed" for a calibrated map, for the results panel: at every node whose drop-off was
 * calibrated, the share of arriving customers the map expected to go on (1 − the drop-off it had before
 * its first calibration) next to the share observed to (1 − left/entered), with the observed share's 95%
 * Wilson interval and the number of customers behind it. Reads only the map: no simulation run is needed.
 */
import type { JourneyMap } from '../domain';
import { wilsonInterval } from '../simulation/stats';

export interface DesignedVsObserved {
  node: string;
  label: string;
  /** 1 − the designed drop-off; absent when the map did not record it. */
  designed?: number;
  /** 1 − left/entered. */
  observed: number;
  low: number;
  high: number;
  /** Customers observed arriving (`observed.entered`). */
  n: number;
}

/** One row per node with observed counts (and at least one customer), in the map's node order. */
export function designedVsObserved(map: JourneyMap): DesignedVsObserved[] {
  const rows: DesignedVsObserved[] = [];
  for (const node of map.nodes) {
    const counts = node.observed;
    if (!counts || counts.entered === 0) continue;
    const { rate, low, high } = wilsonInterval(counts.entered - counts.left, counts.entered);
    rows.push({
      node: node.id,
      label: node.label,
      ...(counts.designed === undefined ? {} : { designed: 1 - counts.designed }),
      observed: rate,
      low,
      high,
      n: counts.entered,
    });
  }
  return rows;
}
