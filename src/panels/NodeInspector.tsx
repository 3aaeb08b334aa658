import { SCORE_RANGES, type Emotion, type OutcomeResult } from '../domain/types';
import { editorActions, useEditor } from '../store/editorStore';
import { selectNode } from '../store/selectors';
import { CommitField, formatNumber, parseNumber, refusal, SelectField, type Commit } from './fields';
import { FrictionList } from './FrictionList';
import { NodeOverrideField, PersonaBanner, useInspectedPersona } from './personas/overrides';
import { OVERRIDABLE, type OverrideField } from '../domain/personas';

const EMOTIONS: Emotion[] = [2, 1, 0, -1, -2];
const EMOTION_LABELS: Record<Emotion, string> = { 2: '+2 delighted', 1: '+1 pleased', 0: '0 neutral', [-1]: '−1 annoyed', [-2]: '−2 angry' };
const EMOTION_OPTIONS = [{ value: '', label: 'Not set' }, ...EMOTIONS.map((e) => ({ value: String(e), label: EMOTION_LABELS[e] }))];
const KIND_TITLES = { entry: 'Entry', touchpoint: 'Touchpoint', outcome: 'Outcome' } as const;

export function NodeInspector({ id }: { id: string }) {
  const node = useEditor(selectNode(id));
  const stages = useEditor((s) => s.map.stages);
  const channels = useEditor((s) => s.map.channels);
  // With a persona chosen, the fields it may override edit its overrides; the others still edit the map.
  const persona = useInspectedPersona();
  if (!node) return null;
  const overrides = (field: OverrideField) => persona !== undefined && OVERRIDABLE[node.kind].includes(field);

  const scoreField = (key: 'nps' | 'csat' | 'ces', label: string, suffix?: string) => {
    const commit: Commit = (text) => {
      const parsed = parseNumber(text, label, SCORE_RANGES[key]);
      if (!parsed.ok) return parsed.error;
      return refusal(editorActions.setScores(id, { [key]: parsed.value }));
    };
    return <CommitField label={label} value={formatNumber(node.scores?.[key])} commit={commit} inputMode="decimal" suffix={suffix} />;
  };

  const commitName: Commit = (text) => (text.trim() === '' ? 'A node needs a name' : refusal(editorActions.updateNode(id, { label: text.trim() })));
  const commitResponses: Commit = (text) => {
    const parsed = parseNumber(text, 'Responses', { min: 0, max: Infinity, integer: true });
    return parsed.ok ? refusal(editorActions.setScores(id, { responses: parsed.value })) : parsed.error;
  };
  const commitDropOff: Commit = (text) => {
    const parsed = parseNumber(text, 'Drop-off', { min: 0, max: 100, maxExclusive: true });
    if (!parsed.ok) return parsed.error;
    return refusal(editorActions.updateNode(id, { dropOff: parsed.value === undefined ? undefined : parsed.value / 100 }));
  };
  const commitShare: Commit = (text) => {
    const parsed = parseNumber(text, 'Share', { min: -Infinity, max: Infinity });
    if (!parsed.ok) return parsed.error;
    if (parsed.value !== undefined && parsed.value <= 0) return 'Share must be above 0';
    return refusal(editorActions.updateNode(id, { share: parsed.value }));
  };
  const commitDescription: Commit = (text) => refusal(editorActions.updateNode(id, { description: text.trim() === '' ? undefined : text }));

  return (
    <div className="jd-inspector__body">
      <h2 className="jd-inspector__title">
        <span className={`jd-kind jd-kind--${node.kind}`}>{KIND_TITLES[node.kind]}</span>
      </h2>
      {persona && <PersonaBanner persona={persona} kind={node.kind} />}
      <CommitField label="Name" value={node.label} commit={commitName} />
      <div className="jd-field-row">
        <SelectField
          label="Stage"
          value={node.stage ?? ''}
          options={[{ value: '', label: 'No stage' }, ...stages.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={(value) => editorActions.updateNode(id, { stage: value === '' ? undefined : value })}
        />
        <SelectField
          label="Channel"
          value={node.channel ?? ''}
          options={[{ value: '', label: 'No channel' }, ...channels.map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(value) => editorActions.updateNode(id, { channel: value === '' ? undefined : value })}
        />
      </div>
      {node.kind === 'entry' &&
        (persona && overrides('share') ? (
          <NodeOverrideField persona={persona} node={node} field="share" />
        ) : (
          <CommitField label="Share" value={formatNumber(node.share)} commit={commitShare} inputMode="decimal" hint="Relative share of customers who start here" />
        ))}
      {node.kind === 'outcome' && (
        <SelectField<OutcomeResult>
          label="Result"
          value={node.result ?? 'success'}
          options={[
            { value: 'success', label: 'Success' },
            { value: 'failure', label: 'Failure' },
          ]}
          onChange={(value) => editorActions.updateNode(id, { result: value === '' ? undefined : value })}
        />
      )}
      {node.kind === 'touchpoint' && (
        <fieldset className="jd-fieldset">
          <legend>Feedback scores</legend>
          <div className="jd-field-row jd-field-row--scores">
            {scoreField('nps', 'NPS')}
            {scoreField('csat', 'CSAT', '%')}
            {scoreField('ces', 'CES')}
            <CommitField label="Responses" value={formatNumber(node.scores?.responses)} commit={commitResponses} inputMode="numeric" />
          </div>
          <p className="jd-field__hint">NPS −100…100 · CSAT 0…100 % · CES 1…7 · responses = sample size</p>
        </fieldset>
      )}
      {node.kind !== 'outcome' && (
        <div className={`jd-field-row${persona ? ' jd-field-row--stack' : ''}`}>
          {persona && overrides('emotion') ? (
            <NodeOverrideField persona={persona} node={node} field="emotion" />
          ) : (
            <SelectField
              label="Emotion"
              value={node.emotion === undefined ? '' : String(node.emotion)}
              options={EMOTION_OPTIONS}
              onChange={(value) => editorActions.updateNode(id, { emotion: value === '' ? undefined : (Number(value) as Emotion) })}
            />
          )}
          {persona && overrides('dropOff') ? (
            <NodeOverrideField persona={persona} node={node} field="dropOff" />
          ) : (
            <CommitField
              label="Drop-off"
              value={node.dropOff === undefined ? '' : formatNumber(node.dropOff * 100)}
              commit={commitDropOff}
              inputMode="decimal"
              suffix="%"
              placeholder="from friction"
            />
          )}
        </div>
      )}
      <CommitField label="Description" value={node.description ?? ''} commit={commitDescription} multiline />
      {node.kind !== 'outcome' && <FrictionList node={node} />}
    </div>
  );
}

