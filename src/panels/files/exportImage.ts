/**
 * "Export image": the whole journey as a picture for slides. The picture is drawn by src/render from the map
 * itself, never captured from the screen, so it is the same whatever the window size, the zoom or the panels
 * open. SVG is that drawing as it is; PNG rasterises it in the browser at the chosen size.
 *
 * What the picture shows follows what the person chose to see: the persona shown, the scenario shown, the
 * emotion curve when its lane is on, and the heatmap when it is on and the results are current (stale
 * results would pass for this map's).
 */
import { heatView } from '../../canvas/simulationOverlay';
import { renderMapSvg, type MapPicture, type RenderOptions } from '../../render/mapSvg';
import { rasterPlan, SLIDE_SIZES, type RasterSize } from '../../render/rasterSize';
import { editorActions, useEditor } from '../../store/editorStore';
import { activePersona } from '../../store/selectors';
import { isStale, useSimulation } from '../../store/simulationStore';
import { useViewPrefs } from '../../store/viewPrefs';
import { download, exportFileName } from './transfer';

export type ImageChoice = 'svg' | 'png-double' | 'png-full-hd' | 'png-uhd' | 'png-natural';

const RASTER: Record<Exclude<ImageChoice, 'svg'>, RasterSize> = {
  'png-double': 'double',
  'png-full-hd': SLIDE_SIZES.fullHd,
  'png-uhd': SLIDE_SIZES.uhd,
  'png-natural': 'natural',
};

/** The picture's options from what the editor shows now. */
export function pictureOptions(now = new Date()): RenderOptions {
  const state = useEditor.getState();
  const { map } = state;
  const persona = activePersona(state);
  const simulation = useSimulation.getState();
  const current = simulation.result !== null && !isStale(simulation, map);
  const shown = current ? heatView(simulation, persona) : undefined;
  const hasHeat = shown !== undefined && Object.keys(shown.heat).length > 0;
  return {
    title: map.name,
    date: now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    persona,
    scenario: state.scenario === null ? null : (state.document.scenarios.find((s) => s.id === state.scenario)?.name ?? null),
    lane: useViewPrefs.getState().emotionCurve,
    ...(hasHeat ? { heat: shown.heat, flow: shown.flow } : {}),
  };
}

export function mapPicture(): MapPicture {
  return renderMapSvg(useEditor.getState().map, pictureOptions());
}

/** Draws the SVG on a canvas of the planned size, on white, and encodes it as PNG. */
async function rasterise(picture: MapPicture, size: RasterSize): Promise<{ blob: Blob; reduced: boolean }> {
  const plan = rasterPlan(picture, size);
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(picture.width, picture.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw the picture');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, plan.width, plan.height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, plan.image.x, plan.image.y, plan.image.width, plan.image.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture is too large for this browser');
    return { blob, reduced: plan.reduced };
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportImage(choice: ImageChoice): Promise<void> {
  try {
    const picture = mapPicture();
    const name = exportFileName(useEditor.getState().map.name).replace(/\.journey\.json$/, choice === 'svg' ? '.svg' : '.png');
    if (choice === 'svg') {
      download(new Blob([picture.svg], { type: 'image/svg+xml' }), name);
      return;
    }
    const { blob, reduced } = await rasterise(picture, RASTER[choice]);
    download(blob, name);
    if (reduced) editorActions.notify('info', 'The map is too large for a PNG at that size: the image was made smaller. Export SVG for full detail.', { id: 'image-export' });
  } catch (error) {
    editorActions.notify('error', `The image could not be made: ${error instanceof Error ? error.message : String(error)}`, { id: 'image-export' });
  }
}
