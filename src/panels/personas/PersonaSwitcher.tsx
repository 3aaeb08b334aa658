/**
 * The canvas's "Persona" menu: whose view the canvas shows and whose overrides the Inspector edits. Shown only
 * on maps with personas (most have none; the toolbar's "Personas" button adds them), and loaded only then.
 */
import { lazy, Suspense } from 'react';
import { useEditor } from '../../store/editorStore';

const PersonaMenu = lazy(() => import('./PersonaMenu'));

export function PersonaSwitcher() {
  const shown = useEditor((s) => s.map.personas.length > 0);
  return (
    shown && (
      <Suspense fallback={null}>
        <PersonaMenu />
      </Suspense>
    )
  );
}
