/**
 * The "Evidence" dialog: brings outside data into the map. Three imports, each a CSV file read by
 * src/evidence and confirmed in a step of its own before anything changes:
 *   survey   responses → NPS / CSAT / CES per touchpoint with n and interval (one undo step);
 *   funnel   step or transition counts → calibrated drop-offs and weights (one undo step);
 *   paths    customer paths → a new map, opened like an imported file (the open map stays as it is).
 * A file that cannot be read is explained next to its button and changes nothing.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useModal } from '../scenarios/useModal';
import { readSurveyFile, type SurveyFile } from '../../evidence';
import { parseFunnelCsv, type FunnelData } from '../../evidence/funnel';
import { parsePathCsv, type PathRow } from '../../evidence/paths';
import { useEditor } from '../../store/editorStore';
import { ChooseImport, type FileError, type ImportKind } from './ChooseImport';
import { FunnelImport } from './FunnelImport';
import { PathsImport } from './PathsImport';
import { problemSentence, readTextFile } from './readTextFile';
import { SurveyImport } from './SurveyImport';
import './evidence.css';

type Step =
  | { kind: 'choose' }
  | { kind: 'survey'; fileName: string; file: SurveyFile }
  | { kind: 'funnel'; fileName: string; funnel: FunnelData }
  | { kind: 'paths'; fileName: string; paths: PathRow[] };

/** The file's text read as `kind`: the next step, or the problems in words. */
function readAs(kind: ImportKind, fileName: string, text: string): Step | string[] {
  if (kind === 'survey') {
    const reading = readSurveyFile(text);
    return reading.ok ? { kind, fileName, file: reading.file } : reading.problems.map(problemSentence);
  }
  if (kind === 'funnel') {
    const reading = parseFunnelCsv(text);
    return reading.ok ? { kind, fileName, funnel: reading.funnel } : reading.problems.map(problemSentence);
  }
  const reading = parsePathCsv(text);
  return reading.ok ? { kind, fileName, paths: reading.paths } : reading.problems.map(problemSentence);
}

export default function EvidenceDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [errors, setErrors] = useState<Partial<Record<ImportKind, FileError>>>({});
  const [reading, setReading] = useState<ImportKind | null>(null);
  /** Where focus goes after the step changes: the new step's heading, or back to a file button. */
  const focusNext = useRef<string | null>(null);
  const scenario = useEditor((s) => (s.scenario === null ? undefined : s.document.scenarios.find((x) => x.id === s.scenario)?.name));

  // Open as a modal before the first paint, focus on the first import; the toolbar button takes focus back.
  useModal(dialog, () => dialog.current?.querySelector<HTMLElement>('input[type="file"]'), { returnFocus: false });

  useEffect(() => {
    const selector = focusNext.current;
    focusNext.current = null;
    if (selector) dialog.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [step]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape' && !event.nativeEvent.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  const read = async (kind: ImportKind, file: File) => {
    setReading(kind);
    const text = await readTextFile(file);
    const next = text.ok ? readAs(kind, file.name, text.text) : [text.problem];
    setReading(null);
    if (Array.isArray(next)) {
      setErrors({ [kind]: { fileName: file.name, problems: next } });
      return;
    }
    setErrors({});
    focusNext.current = '.jd-evidence-dialog__step-title';
    setStep(next);
  };

  const back = () => {
    const kind = step.kind;
    focusNext.current = `input[data-import="${kind}"]`;
    setStep({ kind: 'choose' });
  };

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-evidence-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Evidence</h2>
        <button type="button" className="jd-link-button jd-evidence-dialog__close" onClick={onClose} aria-label="Close" title="Close (Esc)">
          ✕
        </button>
      </header>
      {scenario !== undefined && (
        <p className="jd-evidence-dialog__scenario">
          You are looking at the scenario “{scenario}”. Evidence describes the journey as it is today, so scores and calibrations go into the as-is map
          (and every scenario built on it).
        </p>
      )}
      {step.kind === 'choose' && <ChooseImport errors={errors} reading={reading} onFile={(kind, file) => void read(kind, file)} />}
      {step.kind === 'survey' && <SurveyImport fileName={step.fileName} file={step.file} onBack={back} onDone={onClose} />}
      {step.kind === 'funnel' && <FunnelImport fileName={step.fileName} funnel={step.funnel} onBack={back} onDone={onClose} />}
      {step.kind === 'paths' && <PathsImport fileName={step.fileName} paths={step.paths} onBack={back} onDone={onClose} />}
    </dialog>
  );
}
