/**
 * The size of a PNG made from a picture: its natural size or twice it, or a slide size with the picture
 * fitted inside (scaled to fit, centred, on white). Pure, so that the sizes can be tested without a browser.
 */
import type { Box } from './svg';

export type RasterSize = 'double' | 'natural' | { width: number; height: number };

export const SLIDE_SIZES = {
  fullHd: { width: 1920, height: 1080 },
  uhd: { width: 3840, height: 2160 },
} as const;

/** Browsers refuse larger canvases (Chromium: 16,384 px a side); memory runs out well before their area limit. */
export const MAX_SIDE = 16_384;
export const MAX_PIXELS = 120_000_000;

export interface RasterPlan {
  width: number;
  height: number;
  /** Where the picture is drawn on the canvas. */
  image: Box;
  /** True when a natural or doubled size was scaled down to stay within the browser's limits. */
  reduced: boolean;
}

export function rasterPlan(picture: { width: number; height: number }, size: RasterSize): RasterPlan {
  if (typeof size === 'object') {
    const scale = Math.min(size.width / picture.width, size.height / picture.height);
    const width = picture.width * scale;
    const height = picture.height * scale;
    return { width: size.width, height: size.height, image: { x: (size.width - width) / 2, y: (size.height - height) / 2, width, height }, reduced: false };
  }
  const wanted = size === 'double' ? 2 : 1;
  const limit = Math.min(MAX_SIDE / picture.width, MAX_SIDE / picture.height, Math.sqrt(MAX_PIXELS / (picture.width * picture.height)));
  const scale = Math.min(wanted, limit);
  const width = Math.max(1, Math.floor(picture.width * scale));
  const height = Math.max(1, Math.floor(picture.height * scale));
  return { width, height, image: { x: 0, y: 0, width, height }, reduced: scale < wanted };
}
