/**
 * The survey step: which column holds what (pre-filled from the map's remembered mapping and the questions'
 * wording), a live preview of the scores each touchpoint would get, and "Import scores" — one undo step,
 * which also remembers the mapping for the next export of the same survey.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { isThin } from '../../domain/evidence';
import type { CesMeasure, CsatMeasure, JourneyNode, SurveyColumnRole, SurveyMapping } from '../../domain/types';
import {
  checkSurveyMapping,
  computeSurveyScores,
  mergeSurveyScores,
  proposeSurveyMapping,
  scoredNodes,
  surveySummaryLines,
  type ScoresFromSurvey,
  type SurveyFile,
  type SurveyFormat,
} from '../../evidence';
import { scoreChipContents, type ScoreChipContent } from '../../render/scoreView';
import { editorActions, useEditor } from '../../store/editorStore';
import { evidenceActions } from '../../store/evidenceActions';
import { refusal } from '../fields';
import {
  columnOf,
  distinctValues,
  MAX_LISTED_VALUES,
  nodeOfValue,
  sampleAnswers,
  touchpointColumnOf,
  withNode,
  withRole,
  withValueNode,
  type ColumnChoice,
} from './surveyMappingEdits';
import { StepFooter, StepHeader } from './StepFrame';
import { counted, nodeOptions, type NodeOption } from './words';

const ROLES: readonly { value: ColumnChoice; label: string }[] = [
  { value: '', label: 'Not used' },
  { value: 'nps', label: 'NPS (0–10)' },
  { value: 'csat', label: 'CSAT (1–5)' },
  { value: 'ces', label: 'CES (1–7)' },
  { value: 'touchpoint', label: 'Touchpoint name' },
];

const CSAT_MEASURES: readonly { value: CsatMeasure; label: string }[] = [
  { value: 'top2', label: '% of 4–5 (top-2 box)' },
  { value: 'mean', label: 'Mean (1–5)' },
];

const CES_MEASURES: readonly { value: CesMeasure; label: string }[] = [
  { value: 'mean', label: 'Mean (1–7)' },
  { value: 'top3', label: '% of 5–7' },
];

const FORMAT_NAMES: Record<SurveyFormat, string> = {
  qualtrics: 'Qualtrics export',
  surveymonkey: 'SurveyMonkey export',
  typeform: 'Typeform export',
  plain: 'CSV file',
};

const METRICS = ['nps', 'csat', 'ces'] as const;
const METRIC_TERMS = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

/** Lines for the notice after an import, at most this many touchpoints listed. */
const LISTED_TOUCHPOINTS = 5;

interface SurveyImportProps {
  fileName: string;
  file: SurveyFile;
  onBack: () => void;
  onDone: () => void;
}

export function SurveyImport({ fileName, file, onBack, onDone }: SurveyImportProps) {
  const map = useEditor((s) => s.document);
  const [proposed] = useState<SurveyMapping>(() => proposeSurveyMapping(file, useEditor.getState().document));
  const [mapping, setMapping] = useState(proposed);
  // The proposed columns first, the rest (an export's metadata, mostly) after them; fixed while the user edits.
  const [order] = useState(() => columnOrder(file, proposed));
  const [refused, setRefused] = useState<string | null>(null);
  const blockersId = useId();
  const touchpoints = useMemo(() => scoredNodes(map), [map]);
  const options = useMemo(() => nodeOptions(map, touchpoints), [map, touchpoints]);
  const problems = useMemo(() => checkSurveyMapping(file, mapping, map), [file, mapping, map]);
  const scoring = useMemo(() => computeSurveyScores(file, mapping, map), [file, mapping, map]);
  const byId = useMemo(() => new Map(map.nodes.map((n) => [n.id, n])), [map]);
  const samples = useMemo(() => file.columns.map((_, index) => sampleAnswers(file, index)), [file]);
  const touchpointKey = touchpointColumnOf(mapping)?.column;
  const touchpointValues = useMemo(() => (touchpointKey === undefined ? [] : distinctValues(file, touchpointKey)), [file, touchpointKey]);

  const blockers = problems.map((p) => sentence(p.rule));
  if (blockers.length === 0 && scoring.nodes.length === 0) {
    blockers.push('No answer would be counted yet: choose NPS, CSAT or CES for a column and the touchpoint it is about.');
  }
  const hasTouchpointColumn = touchpointKey !== undefined;
  const { skippedRows } = file;
  const notCounted = skippedRows.preview + skippedRows.unfinished;

  const renderColumn = (index: number) => {
    const column = file.columns[index];
    const mapped = columnOf(mapping, column.key);
    const role: ColumnChoice = mapped?.role ?? '';
    return (
      <ColumnRows
        key={column.key}
        label={column.label}
        sample={samples[index]}
        role={role}
        node={mapped?.node}
        hasTouchpointColumn={hasTouchpointColumn}
        options={options}
        onRole={(next) => setMapping(withRole(mapping, file, column.key, next, touchpoints))}
        onNode={(node) => setMapping(withNode(mapping, column.key, node))}
        values={
          role === 'touchpoint' && mapped ? (
            <ValueTable
              label={column.label}
              values={touchpointValues}
              nodeOf={(value) => nodeOfValue(mapped, value)}
              options={options}
              onChange={(value, node) => setMapping(withValueNode(mapping, value, node))}
            />
          ) : null
        }
      />
    );
  };

  const importScores = () => {
    const results = scoring.nodes.map(({ node, scores }) => ({ node, scores: mergeSurveyScores(byId.get(node)?.scores, scores) }));
    if (!evidenceActions.importSurveyScores(results, mapping)) {
      setRefused(`Nothing was changed: ${refusal(false) ?? 'the scores were refused'}`);
      return;
    }
    const lines = scoring.nodes.map(({ node, scores }) => `${byId.get(node)?.label ?? node}: ${scoresText(scores)}`);
    const listed = lines.length > LISTED_TOUCHPOINTS ? [...lines.slice(0, LISTED_TOUCHPOINTS), `…and ${lines.length - LISTED_TOUCHPOINTS} more`] : lines;
    const thin = scoring.nodes.filter(({ scores }) => Object.values(scores.evidence).some((e) => e !== undefined && isThin(e))).length;
    editorActions.notify(
      'info',
      `Scores from ${counted(scoring.summary.responses, 'response')} set on ${counted(scoring.nodes.length, 'touchpoint')}. Undo puts the previous scores back.`,
      {
        id: 'evidence-import',
        details: [
          ...listed,
          ...(thin > 0 ? [`${counted(thin, 'touchpoint')} ${thin === 1 ? 'has' : 'have'} a score from fewer than 30 answers (thin): treat with care.`] : []),
        ],
      },
    );
    onDone();
  };

  return (
    <>
      <StepHeader title={`Survey scores from “${fileName}”`} onBack={onBack}>
        {FORMAT_NAMES[file.format]}: {counted(file.rows.length, 'response')}, {counted(file.columns.length, 'column')}
        {notCounted > 0 && ` (${counted(notCounted, 'more row')} not responses: ${notCountedText(skippedRows)})`}.
      </StepHeader>
      <div className="jd-evidence-dialog__panes">
        <section className="jd-evidence-dialog__pane" aria-label="Mapping">
          <h4>Which column holds what</h4>
          <div className="jd-evidence-dialog__settings">
            <Select label="CSAT as" value={mapping.csat} options={CSAT_MEASURES} onChange={(csat) => setMapping({ ...mapping, csat })} />
            <Select label="CES as" value={mapping.ces} options={CES_MEASURES} onChange={(ces) => setMapping({ ...mapping, ces })} />
          </div>
          <table className="jd-table jd-evidence-dialog__mapping">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Holds</th>
                <th scope="col">Touchpoint</th>
              </tr>
            </thead>
            <tbody>
              {order.first.map(renderColumn)}
              {order.first.length > 0 && order.rest.length > 0 && (
                <tr className="jd-evidence-dialog__group">
                  <th scope="colgroup" colSpan={3}>
                    Other columns in the file
                  </th>
                </tr>
              )}
              {order.rest.map(renderColumn)}
            </tbody>
          </table>
        </section>
        <section className="jd-evidence-dialog__pane jd-evidence-dialog__preview" aria-label="Preview">
          <h4>Preview</h4>
          <div className="jd-evidence-dialog__summary" aria-live="polite">
            {surveySummaryLines(scoring.summary).map((line) => (
              <p key={line}>{line}.</p>
            ))}
          </div>
          {blockers.length > 0 && (
            <div className="jd-evidence-dialog__problems" id={blockersId}>
              <p>Before importing:</p>
              <ul>
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          )}
          {scoring.nodes.length > 0 && (
            <>
              <table className="jd-table jd-evidence-dialog__scores">
                <caption>Scores to set</caption>
                <thead>
                  <tr>
                    <th scope="col">Touchpoint</th>
                    {METRICS.map((m) => (
                      <th scope="col" key={m}>
                        {METRIC_TERMS[m]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {scoring.nodes.map(({ node, scores }) => (
                    <ScoreRow key={node} node={byId.get(node)} scores={scores} />
                  ))}
                </tbody>
              </table>
              <p className="jd-evidence-dialog__hint">
                ± is half the 95% interval; n is the number of answers. A score from fewer than 30 answers is marked thin. Scores the file does not
                feed keep their values.
              </p>
            </>
          )}
        </section>
      </div>
      <StepFooter
        refused={refused}
        note={blockers.length > 0 ? 'Resolve what is listed under Before importing.' : `Sets scores on ${counted(scoring.nodes.length, 'touchpoint')}: one undo step.`}
        action="Import scores"
        disabled={blockers.length > 0}
        describedBy={blockers.length > 0 ? blockersId : undefined}
        onAction={importScores}
      />
    </>
  );
}

/** Column indices: the proposal's columns, then the others, each in file order. */
function columnOrder(file: SurveyFile, proposed: SurveyMapping): { first: number[]; rest: number[] } {
  const mapped = new Set(proposed.columns.map((c) => c.column));
  const indices = file.columns.map((_, i) => i);
  return { first: indices.filter((i) => mapped.has(file.columns[i].key)), rest: indices.filter((i) => !mapped.has(file.columns[i].key)) };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');

function notCountedText({ preview, unfinished }: SurveyFile['skippedRows']): string {
  return [unfinished > 0 ? `${unfinished} unfinished` : '', preview > 0 ? `${counted(preview, 'preview')} or test` : ''].filter(Boolean).join(', ');
}

/** "NPS +30 ±15.3, CSAT 62% ±9 (n = 40)". */
function scoresText(scores: ScoresFromSurvey): string {
  const chips = scoreChipContents(scores).filter((c) => c.tone !== 'count');
  return `${chips.map((c) => `${c.term} ${c.value}${c.interval ? ` ${c.interval}` : ''}`).join(', ')} (n = ${scores.responses.toLocaleString('en')})`;
}

interface ColumnRowsProps {
  label: string;
  sample: string;
  role: ColumnChoice;
  node: string | undefined;
  hasTouchpointColumn: boolean;
  options: readonly NodeOption[];
  onRole: (role: ColumnChoice) => void;
  onNode: (node: string | undefined) => void;
  /** The value table of a touchpoint column, shown under its row. */
  values: ReactNode;
}

function ColumnRows({ label, sample, role, node, hasTouchpointColumn, options, onRole, onNode, values }: ColumnRowsProps) {
  const isScore = role === 'nps' || role === 'csat' || role === 'ces';
  return (
    <>
      <tr className={role === '' ? 'is-unused' : undefined}>
        <th scope="row">
          <span className="jd-evidence-dialog__column" title={label}>
            {label}
          </span>
          {sample && <span className="jd-evidence-dialog__sample">e.g. {sample}</span>}
        </th>
        <td>
          <select aria-label={`Role of ${label}`} value={role} onChange={(event) => onRole(event.target.value as SurveyColumnRole | '')}>
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </td>
        <td>
          {isScore ? (
            <select
              aria-label={`Touchpoint for ${label}`}
              aria-invalid={node === undefined && !hasTouchpointColumn}
              value={node ?? ''}
              onChange={(event) => onNode(event.target.value === '' ? undefined : event.target.value)}
            >
              <option value="">{hasTouchpointColumn ? 'From the touchpoint column' : 'Choose a touchpoint…'}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : role === 'touchpoint' ? (
            <span className="jd-evidence-dialog__muted">Names each row’s touchpoint (below)</span>
          ) : null}
        </td>
      </tr>
      {values && (
        <tr className="jd-evidence-dialog__values-row">
          <td colSpan={3}>{values}</td>
        </tr>
      )}
    </>
  );
}

interface ValueTableProps {
  label: string;
  values: { value: string; count: number }[];
  nodeOf: (value: string) => string | undefined;
  options: readonly NodeOption[];
  onChange: (value: string, node: string | undefined) => void;
}

/** The touchpoint column's values, each mapped to a touchpoint or to none. */
function ValueTable({ label, values, nodeOf, options, onChange }: ValueTableProps) {
  const listed = values.slice(0, MAX_LISTED_VALUES);
  return (
    <div className="jd-evidence-dialog__values">
      {values.length === 0 ? (
        <p className="jd-evidence-dialog__muted">This column is empty.</p>
      ) : (
        <table className="jd-table" aria-label={`Touchpoints named in ${label}`}>
          <thead>
            <tr>
              <th scope="col">Value in the file</th>
              <th scope="col">Rows</th>
              <th scope="col">Touchpoint</th>
            </tr>
          </thead>
          <tbody>
            {listed.map(({ value, count }) => (
              <tr key={value}>
                <th scope="row">{value}</th>
                <td>{count.toLocaleString('en')}</td>
                <td>
                  <select
                    aria-label={`Touchpoint for value ${value}`}
                    value={nodeOf(value) ?? ''}
                    onChange={(event) => onChange(value, event.target.value === '' ? undefined : event.target.value)}
                  >
                    <option value="">Not in this map</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {values.length > MAX_LISTED_VALUES && (
        <p className="jd-evidence-dialog__muted">
          …and {counted(values.length - MAX_LISTED_VALUES, 'more value')}, not listed: a column with this many values is probably free text.
        </p>
      )}
    </div>
  );
}

/** A touchpoint's row of the preview: each score it would get, with n, interval, thin mark and today's value. */
function ScoreRow({ node, scores }: { node: JourneyNode | undefined; scores: ScoresFromSurvey }) {
  const next = scoreChipContents(scores);
  const now = scoreChipContents(node?.scores);
  return (
    <tr>
      <th scope="row">{node?.label}</th>
      {METRICS.map((metric) => {
        const chip = next.find((c) => c.term === METRIC_TERMS[metric]);
        const evidence = scores.evidence[metric];
        if (!chip || !evidence) return <td key={metric} className="jd-evidence-dialog__muted">—</td>;
        return <ScoreCell key={metric} chip={chip} n={evidence.n} now={now.find((c) => c.term === chip.term)} />;
      })}
    </tr>
  );
}

function ScoreCell({ chip, n, now }: { chip: ScoreChipContent; n: number; now: ScoreChipContent | undefined }) {
  const thin = isThin({ n });
  return (
    <td title={chip.title}>
      <span className={`jd-evidence-dialog__score is-${chip.tone}`}>
        {chip.value}
        {chip.interval && <span className="jd-evidence-dialog__ci"> {chip.interval}</span>}
      </span>
      <span className="jd-evidence-dialog__n">
        n = {n.toLocaleString('en')}
        {thin && <span className="jd-evidence-dialog__thin"> · thin</span>}
      </span>
      {now && <span className="jd-evidence-dialog__now">now {now.value}</span>}
    </td>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

function Select<T extends string>({ label, value, options, onChange }: SelectProps<T>) {
  const id = useId();
  return (
    <div className="jd-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
