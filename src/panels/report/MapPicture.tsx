/**
 * The map as a picture for the report: the shared SVG renderer's output, inline (so its text stays text in
 * the PDF), with the heat and flow of the run on it, scaled to the column by its viewBox. Without the legend
 * and the emotion lane: on one sheet every millimetre of height goes to the cards, so their names stay
 * legible; the page's "How to read this" explains the heat.
 */
import { memo, useMemo } from 'react';
import type { JourneyMap } from '../../domain/types';
import { renderMapSvg } from '../../render/mapSvg';
import type { NodeHeat } from '../../simulation/packed';

export interface MapPictureProps {
  map: JourneyMap;
  heat: Record<string, NodeHeat>;
  /** Edge id → 0..1 of the busiest edge's flow. */
  flow?: Record<string, number>;
}

export const MapPicture = memo(function MapPicture({ map, heat, flow }: MapPictureProps) {
  const svg = useMemo(() => renderMapSvg(map, { heat, ...(flow ? { flow } : {}), legend: false, lane: false }).svg, [map, heat, flow]);
  return (
    <figure className="jd-report__map" role="img" aria-label={`The journey map “${map.name}”, touchpoints shaded by customers lost there`}>
      <div dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
});
