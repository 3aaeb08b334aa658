import { useRef, useState } from 'react';
import type { ImageChoice } from './exportImage';

// Files, links and pictures load when first used: none of it is needed to draw the map.
const transfer = () => import('./transfer');
const saveFile = () => import('./saveFile');
import { MenuButton } from '../MenuButton';

/**
 * The File menu: Open, Save (Ctrl+S; back to the file opened) and Save as, Import JSON or Mermaid, Export JSON
 * or Mermaid, Copy share link, Export image (PNG at a choice of sizes, or SVG).
 */
export function FileActions() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const image = async (choice: ImageChoice) => {
    setBusy(true);
    const { exportImage } = await import('./exportImage');
    await exportImage(choice);
    setBusy(false);
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json,.mmd,.md"
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
        title="Open, save, import, export and share this map"
        disabled={busy}
        items={[
          { label: 'Open…', hint: 'Open a map file as a new map; Save writes back to it', run: () => void saveFile().then((f) => f.openMapFile()) },
          { label: 'Save', hint: 'Save to the file this map came from (Ctrl+S)', run: () => void saveFile().then((f) => f.saveMap()) },
          { label: 'Save as…', hint: 'Save to a new file (Ctrl+Shift+S)', run: () => void saveFile().then((f) => f.saveMapAs()) },
          { label: 'Import JSON…', hint: 'Open a .journey.json file as a new map', run: () => input.current?.click() },
          { label: 'Import Mermaid…', hint: 'Open a Mermaid journey (.mmd, .md) as a new map', run: () => input.current?.click() },
          { label: 'Export JSON', hint: 'Download this map as a .journey.json file', run: () => void transfer().then((t) => t.exportJson()) },
          { label: 'Export Mermaid', hint: 'The main path as a Mermaid journey, for a README', run: () => void transfer().then((t) => t.exportMermaid()) },
          { label: 'Copy share link', hint: 'Copy a link that carries the whole map', run: () => void transfer().then((t) => t.copyShareLink()) },
          { label: 'Export image: PNG (2×)', hint: 'The whole journey as a picture at twice its natural size', run: () => void image('png-double') },
          { label: 'Export image: PNG 1920×1080', hint: 'The whole journey fitted to a Full HD slide', run: () => void image('png-full-hd') },
          { label: 'Export image: PNG 3840×2160', hint: 'The whole journey fitted to a 4K slide', run: () => void image('png-uhd') },
          { label: 'Export image: PNG natural size', hint: 'The whole journey as a picture at its natural size', run: () => void image('png-natural') },
          { label: 'Export image: SVG', hint: 'The whole journey as a scalable picture, sharp at any size', run: () => void image('svg') },
        ]}
      >
        {busy ? 'Exporting…' : 'File ▾'}
      </MenuButton>
    </>
  );
}
