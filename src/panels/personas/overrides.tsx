/**
 * The Inspector with a persona chosen: a banner naming the persona being edited, and fields that edit its
 * override of a map value instead of the map. An overridden field is marked "Override" and can be reset to the
 * map's value; a field the persona does not override shows the map's value and sets an override when changed.
 */
import type { ReactNode } from 'react';
import { personaStyle } from '../../canvas/persona/personaStyle';
import { edgeOverride, findPersona, nodeOverride, OVERRIDABLE, type OverrideField } from '../../domain/personas';
import type { Emotion, JourneyEdge, JourneyNode, Persona } from '../../domain/types';
import { editorActions, useEditor, type EditorState } from '../../store/editorStore';
import { personaActions } from '../../store/personaActions';
import { activePersona } from '../../store/selectors';
import { CommitField, formatNumber, parseNumber, refusal, SelectField, type Commit } from '../fields';
import './overrides.css';

const selectPersona = (s: EditorState) => findPersona(s.map, activePersona(s));

/** The persona whose overrides the Inspector edits, or undefined for the map itself. */
export const useInspectedPersona = (): Persona | undefined => useEditor(selectPersona);

const FIELD_NAMES: Record<OverrideField | 'weight', string> = { share: 'share', dropOff: 'drop-off', emotion: 'emotion', weight: 'weight' };

/** "Drop-off and emotion", from OVERRIDABLE: what a persona may change on this kind of node. */
function overridableText(fields: readonly (OverrideField | 'weight')[]): string {
  const names = fields.map((f) => FIELD_NAMES[f]);
  const text = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function PersonaBanner({ persona, kind }: { persona: Persona; kind: JourneyNode['kind'] | 'edge' }) {
  const fields = kind === 'edge' ? (['weight'] as const) : OVERRIDABLE[kind];
  return (
    <div className="jd-persona-banner" role="note" aria-label={`Editing persona ${persona.name}`} style={personaStyle(persona.colour)}>
      <p>
        <strong>Editing persona: {persona.name}</strong> — values below marked ‘override’ apply to this persona only.
      </p>
      <p className="jd-persona-banner__more">
        {fields.length === 0
          ? 'An outcome is the same for every persona: changes here apply to the map, for all customers.'
          : `${overridableText(fields)} can differ for this persona; the other fields change the map, for all customers.`}
      </p>
      <button type="button" className="jd-link-button" onClick={() => editorActions.choosePersona(null)}>
        Show all customers
      </button>
    </div>
  );
}

interface OverrideFrameProps {
  persona: Persona;
  /** For the reset button's name: "Reset drop-off to map value". */
  name: string;
  overridden: boolean;
  reset: () => void;
  children: ReactNode;
}

/** Marks a field "Override" (in the persona's colour) and offers to go back to the map's value. */
function OverrideFrame({ persona, name, overridden, reset, children }: OverrideFrameProps) {
  return (
    <div className={`jd-override${overridden ? ' is-overridden' : ''}`} style={personaStyle(persona.colour)}>
      {children}
      {overridden && (
        <>
          <span className="jd-override__tag">Override</span>
          <button type="button" className="jd-link-button jd-override__reset" aria-label={`Reset ${name} to map value`} onClick={reset}>
            Reset to map value
          </button>
        </>
      )}
    </div>
  );
}

const hint = (persona: Persona, overridden: boolean, mapValue: string) =>
  overridden ? `Map value: ${mapValue}` : `The map’s value; a change applies to ${persona.name} only`;

const EMOTION_LABELS: Record<Emotion, string> = { 2: '+2 delighted', 1: '+1 pleased', 0: '0 neutral', [-1]: '−1 annoyed', [-2]: '−2 angry' };
const EMOTIONS: Emotion[] = [2, 1, 0, -1, -2];

/** One overridable field of a node (OVERRIDABLE says which): entry share, drop-off or touchpoint emotion. */
export function NodeOverrideField({ persona, node, field }: { persona: Persona; node: JourneyNode; field: OverrideField }) {
  const own = nodeOverride(persona, node.id, field);
  const overridden = own !== undefined;
  const set = (value: number | undefined) => refusal(personaActions.setNodeOverride(persona.id, node.id, field, value));
  const reset = () => void set(undefined);
  const name = FIELD_NAMES[field];

  if (field === 'emotion') {
    const mapLabel = node.emotion === undefined ? 'not set' : EMOTION_LABELS[node.emotion];
    return (
      <OverrideFrame persona={persona} name={name} overridden={overridden} reset={reset}>
        <SelectField
          label="Emotion"
          value={overridden ? String(own) : ''}
          options={[{ value: '', label: `As the map (${mapLabel})` }, ...EMOTIONS.map((e) => ({ value: String(e), label: EMOTION_LABELS[e] }))]}
          onChange={(value) => void set(value === '' ? undefined : Number(value))}
        />
      </OverrideFrame>
    );
  }

  // Drop-off is typed as a percentage, share as a relative number; blank goes back to the map's value.
  const percent = field === 'dropOff';
  const shown = (value: number | undefined) => formatNumber(percent && value !== undefined ? value * 100 : value);
  const mapValue = percent ? (node.dropOff === undefined ? 'from friction' : `${shown(node.dropOff)} %`) : shown(node.share ?? 1);
  const commit: Commit = (text) => {
    const label = percent ? 'Drop-off' : 'Share';
    const parsed = parseNumber(text, label, percent ? { min: 0, max: 100, maxExclusive: true } : { min: -Infinity, max: Infinity });
    if (!parsed.ok) return parsed.error;
    if (parsed.value === undefined) return set(undefined);
    if (!percent && parsed.value <= 0) return 'Share must be above 0';
    return set(percent ? parsed.value / 100 : parsed.value);
  };
  return (
    <OverrideFrame persona={persona} name={name} overridden={overridden} reset={reset}>
      <CommitField
        label={percent ? 'Drop-off' : 'Share'}
        value={shown(own ?? (percent ? node.dropOff : node.share))}
        commit={commit}
        inputMode="decimal"
        suffix={percent ? '%' : undefined}
        placeholder={percent ? 'from friction' : undefined}
        hint={hint(persona, overridden, mapValue)}
      />
    </OverrideFrame>
  );
}

/** The persona's weight for a connection. */
export function EdgeWeightOverride({ persona, edge }: { persona: Persona; edge: JourneyEdge }) {
  const own = edgeOverride(persona, edge.id);
  const overridden = own !== undefined;
  const set = (value: number | undefined) => refusal(personaActions.setEdgeOverride(persona.id, edge.id, value));
  const commit: Commit = (text) => {
    const parsed = parseNumber(text, 'Weight', { min: -Infinity, max: Infinity });
    if (!parsed.ok) return parsed.error;
    if (parsed.value === undefined) return set(undefined);
    if (parsed.value <= 0) return 'Weight must be above 0';
    return set(parsed.value);
  };
  return (
    <OverrideFrame persona={persona} name="weight" overridden={overridden} reset={() => void set(undefined)}>
      <CommitField
        label="Weight"
        value={formatNumber(own ?? edge.weight)}
        commit={commit}
        inputMode="decimal"
        hint={hint(persona, overridden, formatNumber(edge.weight))}
      />
    </OverrideFrame>
  );
}
