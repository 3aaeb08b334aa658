/** The Evidence dialog's first step: what each import reads and changes, and a file button for each. */
import { useId, type ReactNode } from 'react';
import { useEditor } from '../../store/editorStore';

export type ImportKind = 'survey' | 'funnel' | 'paths';

/** A file that could not be read, and why. */
export interface FileError {
  fileName: string;
  problems: string[];
}

const WHAT: Record<ImportKind, string> = {
  survey: 'survey responses',
  funnel: 'funnel counts',
  paths: 'customer paths',
};

interface ChooseImportProps {
  errors: Partial<Record<ImportKind, FileError>>;
  /** The import whose file is being read, if any. */
  reading: ImportKind | null;
  onFile: (kind: ImportKind, file: File) => void;
}

export function ChooseImport({ errors, reading, onFile }: ChooseImportProps) {
  const imports = useEditor((s) => s.document.imports);
  const surveyColumns = imports?.survey?.columns.length ?? 0;
  const funnelSteps = imports?.funnel?.steps.length ?? 0;
  const props = { errors, reading, onFile };
  return (
    <div className="jd-evidence-dialog__body">
      <p className="jd-evidence-dialog__intro">
        Bring what customers said and did into this map. Each import reads a CSV file, shows what it found and what would change, and changes
        nothing until you confirm.
      </p>
      <div className="jd-evidence-dialog__choices">
        <ImportChoice
          {...props}
          kind="survey"
          title="Survey scores"
          button="Import survey (CSV)"
          memory={surveyColumns > 0 ? `The mapping you confirmed last time (${columnsText(surveyColumns)}) is proposed again.` : undefined}
        >
          Responses exported from Qualtrics, SurveyMonkey or Typeform, or any CSV with a row per response. You say which columns hold NPS
          (0–10), CSAT (1–5) or CES (1–7) answers and which touchpoint each is about; touchpoints get each score with its number of answers and
          95% interval. One undo step.
        </ImportChoice>
        <ImportChoice
          {...props}
          kind="funnel"
          title="Funnel counts"
          button="Import funnel (CSV)"
          memory={funnelSteps > 0 ? `${stepsText(funnelSteps)} from earlier funnels map to touchpoints without asking.` : undefined}
        >
          A GA4 funnel exploration (<code>Step</code>, <code>Active users</code>) or transition counts (<code>from</code>, <code>to</code>,{' '}
          <code>count</code>) from analytics or a data warehouse. Drop-offs and connection weights are calibrated from the counts, so the
          simulation runs on what customers did. One undo step.
        </ImportChoice>
        <ImportChoice {...props} kind="paths" title="Customer paths" button="Import paths (CSV)">
          Path data in the ChannelAttribution format (<code>path</code>, <code>total_conversions</code>, <code>total_null</code>; paths such as
          “Search &gt; Email &gt; Store”). It becomes a new map in your library: Start, a touchpoint per channel, Conversion, with observed drop-offs
          and weights. This map stays as it is.
        </ImportChoice>
      </div>
      {(Object.keys(errors) as ImportKind[]).map((kind) => {
        const error = errors[kind]!;
        return (
          <div key={kind} className="jd-evidence-dialog__error" role="alert">
            <p>
              “{error.fileName}” could not be read as {WHAT[kind]}, so nothing was changed.
            </p>
            <ul>
              {error.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

const columnsText = (n: number) => `${n} column${n === 1 ? '' : 's'}`;
const stepsText = (n: number) => `${n} step name${n === 1 ? '' : 's'}`;

interface ImportChoiceProps extends ChooseImportProps {
  kind: ImportKind;
  title: string;
  button: string;
  memory?: string;
  children: ReactNode;
}

function ImportChoice({ kind, title, button, memory, children, reading, onFile }: ImportChoiceProps) {
  const titleId = useId();
  return (
    <section className="jd-evidence-dialog__choice" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <p>{children}</p>
      {memory && <p className="jd-evidence-dialog__memory">{memory}</p>}
      <div className="jd-evidence-dialog__choice-actions">
        <label className="jd-button jd-button--primary jd-evidence-dialog__file">
          {button}
          <input
            type="file"
            className="jd-visually-hidden"
            accept=".csv,text/csv"
            data-import={kind}
            disabled={reading !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared, so choosing the same file again (after fixing it) reads it again.
              event.target.value = '';
              if (file) onFile(kind, file);
            }}
          />
        </label>
        {reading === kind && <span role="status">Reading…</span>}
      </div>
    </section>
  );
}
