/**
 * The customer-paths step: what the path data holds, the map it becomes (a touchpoint per channel with the
 * customers who reached it, converted after it or left there), and "Create map". The new map goes through
 * the same import and checks as a map file and opens as a new map in the library: the open map is never
 * touched, and a map the checks refuse is never opened.
 */
import { useId, useMemo, useState } from 'react';
import { buildPathMap, CONVERSION_ID, type PathRow } from '../../evidence/paths';
import { editorActions, useEditor } from '../../store/editorStore';
import { IMPORT_ERROR_ID, importText } from '../files/transfer';
import { StepFooter, StepHeader } from './StepFrame';
import { counted, percent } from './words';

/** Channels listed in the preview; the rest are counted. */
const LISTED_CHANNELS = 40;

interface PathsImportProps {
  fileName: string;
  paths: PathRow[];
  onBack: () => void;
  onDone: () => void;
}

const defaultName = (fileName: string) => `Customer paths: ${fileName.replace(/\.(csv|txt)$/i, '')}`;

export function PathsImport({ fileName, paths, onBack, onDone }: PathsImportProps) {
  const nameId = useId();
  const [name, setName] = useState(() => defaultName(fileName));
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const preview = useMemo(() => buildPathMap(paths, defaultName(fileName)), [paths, fileName]);
  const customers = paths.reduce((sum, p) => sum + p.conversions + p.nulls, 0);
  const conversions = paths.reduce((sum, p) => sum + p.conversions, 0);
  const channels = preview.nodes.filter((n) => n.kind === 'touchpoint');
  const converted = new Map(preview.edges.filter((e) => e.target === CONVERSION_ID).map((e) => [e.source, e.observed?.count ?? 0]));

  const create = async () => {
    setBusy(true);
    setRefused(null);
    const { exportMapText } = await import('../../format/serialise');
    const map = buildPathMap(paths, name.trim() || defaultName(fileName));
    // Through the importer, exactly as a map file: checked before it is opened, the open map left alone.
    const opened = await importText(exportMapText(map), `The map built from “${fileName}”`);
    setBusy(false);
    if (!opened) {
      const notice = useEditor.getState().notices.find((n) => n.id === IMPORT_ERROR_ID);
      setRefused([notice?.text, ...(notice?.details ?? [])].filter(Boolean).join(' '));
      return;
    }
    const done = useEditor.getState().notices.find((n) => n.id === 'import-done');
    editorActions.notify(
      'info',
      `Opened “${useEditor.getState().document.name}” as a new map in your library: ${counted(channels.length, 'channel')} from the paths of ${counted(customers, 'customer')}. The map you had open is unchanged.`,
      { id: 'import-done', ...(done?.details ? { details: done.details } : {}) },
    );
    onDone();
  };

  return (
    <>
      <StepHeader title={`Customer paths from “${fileName}”`} onBack={onBack}>
        {counted(paths.length, 'path')}, {counted(customers, 'customer')}, {counted(conversions, 'conversion')} (
        {customers > 0 ? percent(conversions / customers) : '0%'} converted).
      </StepHeader>
      <div className="jd-evidence-dialog__body">
        <p className="jd-evidence-dialog__intro">
          A new map: Start, a touchpoint per channel in the column of the earliest step it was met at, and Conversion. Weights are the observed
          moves between channels and each channel’s drop-off is the share of customers whose path ended there without converting, so simulating
          the map gives the Markov-chain attribution model.
        </p>
        <div className="jd-field jd-evidence-dialog__name">
          <label htmlFor={nameId}>Name of the new map</label>
          <input id={nameId} type="text" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <table className="jd-table jd-evidence-dialog__calibration">
          <caption>{counted(channels.length, 'channel')}</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Customers (n)</th>
              <th scope="col">Converted next</th>
              <th scope="col">Path ended here</th>
              <th scope="col">Drop-off</th>
            </tr>
          </thead>
          <tbody>
            {channels.slice(0, LISTED_CHANNELS).map((channel) => (
              <tr key={channel.id}>
                <th scope="row">{channel.label}</th>
                <td>{channel.observed?.entered.toLocaleString('en')}</td>
                <td>{(converted.get(channel.id) ?? 0).toLocaleString('en')}</td>
                <td>{channel.observed?.left.toLocaleString('en')}</td>
                <td>{channel.dropOff === undefined ? '—' : percent(channel.dropOff)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {channels.length > LISTED_CHANNELS && (
          <p className="jd-evidence-dialog__muted">…and {counted(channels.length - LISTED_CHANNELS, 'more channel')}.</p>
        )}
      </div>
      <StepFooter
        refused={refused}
        note="Opens as a new map in your library; the map you have open stays as it is."
        action={busy ? 'Creating…' : 'Create map'}
        disabled={busy}
        onAction={() => void create()}
      />
    </>
  );
}
