import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { useFitJourney } from '../../canvas/fitJourney';
import type { ImageFormat } from './exportImage';

// Files, links and pictures load when first used: none of it is needed to draw the map.
const transfer = () => import('./transfer');
import { MenuButton } from '../MenuButton';

/** The File menu: Import JSON, Export JSON, Copy share link, Export image (PNG or SVG). */
export function FileActions() {
  const input = useRef<HTMLInputElement>(null);
  const flow = useReactFlow();
  const fitJourney = useFitJourney();
  const [busy, setBusy] = useState(false);

  const image = async (format: ImageFormat) => {
    setBusy(true);
    const { exportImage } = await import('./exportImage');
    await exportImage(format, flow, () => fitJourney(false));
    setBusy(false);
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Map file to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void transfer().then((t) => t.importFile(file));
        }}
      />
      <MenuButton
        menuLabel="File"
        title="Import, export and share this map"
        disabled={busy}
        items={[
          { label: 'Import JSON…', hint: 'Open a .journey.json file as a new map', run: () => input.current?.click() },
          { label: 'Export JSON', hint: 'Download this map as a .journey.json file', run: () => void transfer().then((t) => t.exportJson()) },
          { label: 'Copy share link', hint: 'Copy a link that carries the whole map', run: () => void transfer().then((t) => t.copyShareLink()) },
          { label: 'Export PNG image', hint: 'The whole journey as a picture, for slides', run: () => void image('png') },
          { label: 'Export SVG image', hint: 'The whole journey as a scalable picture', run: () => void image('svg') },
        ]}
      >
        {busy ? 'Exporting…' : 'File ▾'}
      </MenuButton>
    </>
  );
}
