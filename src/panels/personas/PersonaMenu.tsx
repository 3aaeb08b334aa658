import { useId } from 'react';
import { personaStyle } from '../../canvas/persona/personaStyle';
import { editorActions, useEditor } from '../../store/editorStore';
import { activePersona } from '../../store/selectors';
import './personaMenu.css';

/** "All customers" or one persona; with a persona chosen, the canvas is framed in its colour. */
export default function PersonaMenu() {
  const id = useId();
  const personas = useEditor((s) => s.map.personas);
  const chosen = useEditor(activePersona);
  const persona = personas.find((p) => p.id === chosen);
  return (
    <>
      {persona && <div className="jd-persona-frame" style={personaStyle(persona.colour)} aria-hidden="true" />}
      <div className={`jd-persona-switch${persona ? ' is-persona' : ''}`} style={persona && personaStyle(persona.colour)}>
        <label htmlFor={id}>Persona</label>
        <select id={id} value={chosen ?? ''} onChange={(event) => editorActions.choosePersona(event.target.value === '' ? null : event.target.value)}>
          <option value="">All customers</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
