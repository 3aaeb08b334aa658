/**
 * What the one-page report shows, as pure functions of the map and a simulation result: the hotspots worth a
 * client's attention with their worst friction and the opportunities that address them, and the short forms
 * of numbers and text that keep the page to one sheet. No React here, so the choices are tested on their own.
 */
import { addressedNotes, isOpen } from '../../domain/opportunities';
import type { FrictionNote, JourneyMap, Opportunity } from '../../domain/types';
import type { Hotspot } from '../../simulation/types';

/** Hotspots on the page: enough to act on, few enough to fit beside the map. */
export const REPORT_HOTSPOTS = 5;
/** Friction notes shown per hotspot, worst first. */
export const NOTES_PER_HOTSPOT = 2;
/** Opportunities shown per hotspot, most valuable first. */
export const OPPORTUNITIES_PER_HOTSPOT = 2;
/** The map's description is one line of the header; a longer one is shortened at a word. */
export const DESCRIPTION_LENGTH = 200;

export const pct = (p: number, digits = 1) => `${(p * 100).toFixed(digits)}%`;
export const num = (n: number) => n.toLocaleString('en');

/** "12 March 2026": unambiguous for a client in any country. */
export const reportDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The description shortened at a word boundary, with an ellipsis, when it would not fit one line. */
export function shortDescription(text: string, max = DESCRIPTION_LENGTH): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export interface ReportHotspot {
  hotspot: Hotspot;
  stage?: string;
  /** Open friction notes at the touchpoint, worst first, at most NOTES_PER_HOTSPOT. */
  notes: FrictionNote[];
  /** Open notes not shown. */
  moreNotes: number;
  /** Opportunities addressing the touchpoint or its notes, most valuable first, at most OPPORTUNITIES_PER_HOTSPOT. */
  opportunities: Opportunity[];
  moreOpportunities: number;
}

/**
 * The touchpoints that lose the most customers (entries are where customers start, not friction to fix), each
 * with its worst open friction and what the team plans to do about it. Open opportunities come before done
 * ones; among them, the most valuable first (unknown values last); ties keep the map's order.
 */
export function reportHotspots(map: JourneyMap, hotspots: readonly Hotspot[], values: Readonly<Record<string, number>> | null, count = REPORT_HOTSPOTS): ReportHotspot[] {
  return hotspots
    .filter((h) => h.kind === 'touchpoint' && h.lostPer1000 > 0)
    .slice(0, count)
    .map((hotspot) => {
      const node = map.nodes.find((n) => n.id === hotspot.nodeId);
      const open = (node?.friction ?? []).filter((f) => !f.resolved).sort((a, b) => b.severity - a.severity);
      const addressing = opportunitiesAt(map, hotspot.nodeId);
      const ranked = addressing
        .map((o, index) => ({ o, index, value: values?.[o.id] }))
        .sort((a, b) => {
          if (isOpen(a.o) !== isOpen(b.o)) return isOpen(a.o) ? -1 : 1;
          if (a.value === undefined || b.value === undefined) return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
          return b.value - a.value || a.index - b.index;
        })
        .map((r) => r.o);
      const stage = map.stages.find((s) => s.id === node?.stage)?.name;
      return {
        hotspot,
        ...(stage !== undefined ? { stage } : {}),
        notes: open.slice(0, NOTES_PER_HOTSPOT),
        moreNotes: Math.max(0, open.length - NOTES_PER_HOTSPOT),
        opportunities: ranked.slice(0, OPPORTUNITIES_PER_HOTSPOT),
        moreOpportunities: Math.max(0, ranked.length - OPPORTUNITIES_PER_HOTSPOT),
      };
    });
}

/** Opportunities that name the touchpoint or address one of its friction notes. */
export function opportunitiesAt(map: JourneyMap, nodeId: string): Opportunity[] {
  return map.opportunities.filter((o) => o.touchpoints.includes(nodeId) || addressedNotes(map, o).some((ref) => ref.node === nodeId));
}

/** "1 → 1%, 2 → 2%, … per note" (each pair kept on one line): what one open note of each severity adds to a touchpoint's drop-off. */
export function severityScale(severityDropOff: readonly number[]): string {
  return `${severityDropOff.map((d, i) => `${i + 1}\u00a0→\u00a0${+(d * 100).toFixed(1)}%`).join(', ')} per note`;
}
