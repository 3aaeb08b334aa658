import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { useFitJourney } from '../../canvas/fitJourney';
import { exportImage, type ImageFormat } from './exportImage';
import { copyShareLink, exportJson, importFile } from './transfer';

/** Toolbar group: Import JSON, Export JSON, Copy share link, Export image (PNG or SVG). */
export function FileActions() {
  const input = useRef<HTMLInputElement>(null);
  const flow = useReactFlow();
  const fitJourney = useFitJourney();
  const [imageMenu, setImageMenu] = useState(false);
  const [busy, setBusy] = useState(false);

  const image = async (format: ImageFormat) => {
    setImageMenu(false);
    setBusy(true);
    await exportImage(format, flow, () => fitJourney(false));
    setBusy(false);
  };

  return (
    <div className="jd-toolbar__group" role="group" aria-label="Files and sharing">
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Map file to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="jd-button" onClick={() => input.current?.click()} title="Open a .journey.json file as a new map">
        Import JSON
      </button>
      <button type="button" className="jd-button" onClick={() => void exportJson()} title="Download this map as a .journey.json file">
        Export JSON
      </button>
      <button type="button" className="jd-button" onClick={() => void copyShareLink()} title="Copy a link that carries the whole map">
        Copy share link
      </button>
      <div className="jd-menu">
        <button
          type="button"
          className="jd-button"
          aria-haspopup="menu"
          aria-expanded={imageMenu}
          disabled={busy}
          onClick={() => setImageMenu((open) => !open)}
        >
          {busy ? 'Exporting…' : 'Export image'}
        </button>
        {imageMenu && (
          <div className="jd-menu__list" role="menu" aria-label="Image format" onKeyDown={(e) => e.key === 'Escape' && setImageMenu(false)}>
            <button type="button" role="menuitem" className="jd-menu__item" onClick={() => void image('png')} autoFocus>
              PNG image
            </button>
            <button type="button" role="menuitem" className="jd-menu__item" onClick={() => void image('svg')}>
              SVG image
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
