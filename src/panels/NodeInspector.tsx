import { type Emotion, type JourneyNode, type OutcomeResult } from '../domain/types';
import { isPercentScore, isThin, scoreRange, type ScoreMetric } from '../domain/evidence';
import { editorActions, useEditor } from '../store/editorStore';
import { selectNode } from '../store/selectors';
import { CommitField, formatNumber, parseNumber, refusal, SelectField, type Commit } from './fields';
import { FrictionList } from './FrictionList';
import { loadConnectDialog, openConnectPicker } from './connect/connectPicker';
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

  // A score typed here replaces the survey's value (and its interval): it is then a typed value with the default measure.
  const scoreField = (key: ScoreMetric, label: string) => {
    const commit: Commit = (text) => {
      const parsed = parseNumber(text, label, scoreRange(key));
      if (!parsed.ok) return parsed.error;
      return refusal(editorActions.setScores(id, { [key]: parsed.value }));
    };
    const suffix = isPercentScore(key, node.scores?.evidence) ? '%' : undefined;
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
      {node.kind !== 'outcome' && (
        <div>
          <button
            type="button"
            className="jd-button"
            aria-keyshortcuts="C"
            title="Connect this card to another one without dragging (C on the card)"
            onClick={(event) => openConnectPicker(id, event.currentTarget)}
            onPointerEnter={() => void loadConnectDialog().catch(() => undefined)}
            onFocus={() => void loadConnectDialog().catch(() => undefined)}
          >
            Connect to…
          </button>
        </div>
      )}
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
            {scoreField('csat', 'CSAT')}
            {scoreField('ces', 'CES')}
            <CommitField label="Responses" value={formatNumber(node.scores?.responses)} commit={commitResponses} inputMode="numeric" />
          </div>
          <p className="jd-field__hint">NPS −100…100 · CSAT 0…100 % · CES 1…7 · responses = sample size</p>
          <ScoreEvidenceList scores={node.scores} />
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
              hint={node.observed ? observedHint(node.observed) : undefined}
            />
          )}
        </div>
      )}
      <CommitField label="Description" value={node.description ?? ''} commit={commitDescription} multiline />
      {node.kind !== 'outcome' && <FrictionList node={node} />}
    </div>
  );
}


const METRIC_NAMES: Record<ScoreMetric, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const whole = (n: number) => n.toLocaleString('en');

/** Scores computed from survey answers: the interval and sample size of each, thin ones marked. */
function ScoreEvidenceList({ scores }: { scores: JourneyNode['scores'] }) {
  const evidence = scores?.evidence;
  if (!scores || !evidence) return null;
  const metrics = (['nps', 'csat', 'ces'] as const).filter((m) => evidence[m] !== undefined && scores[m] !== undefined);
  if (metrics.length === 0) return null;
  return (
    <ul className="jd-evidence" aria-label="Scores from survey answers">
      {metrics.map((metric) => {
        const e = evidence[metric]!;
        const unit = isPercentScore(metric, evidence) ? '%' : '';
        const how = metric === 'csat' ? (unit ? ' (% of 4–5)' : ' (mean of 1–5)') : metric === 'ces' ? (unit ? ' (% of 5–7)' : ' (mean of 1–7)') : '';
        return (
          <li key={metric}>
            <strong>{METRIC_NAMES[metric]}</strong>
            {how}: {fmt(scores[metric]!)}
            {unit} · 95% interval {fmt(e.low)}–{fmt(e.high)}
            {unit} · n = {whole(e.n)}
            {isThin(e) && (
              <span className="jd-evidence__thin" title="Fewer than 30 answers: the interval is wide and the score may move a lot with more data">
                {' '}
                Thin sample
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** "From data (n = 1,000): 300 left; designed 12%". */
function observedHint(observed: NonNullable<JourneyNode['observed']>): string {
  const designed = observed.designed === undefined ? '' : `; designed ${fmt(observed.designed * 100)}%`;
  return `From data (n = ${whole(observed.entered)}): ${whole(observed.left)} left${designed}. Typing a value replaces it.`;
}
