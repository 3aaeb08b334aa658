/**
 * The funnel step: which touchpoint each step of the file is (pre-filled from the map's remembered steps and
 * the names), a preview of the calibration — new drop-offs and weights next to today's, with the customers
 * behind them, and what the counts cannot determine and why — and "Calibrate", one undo step.
 */
import { useMemo, useState } from 'react';
import { effectiveDropOff } from '../../domain/queries';
import type { JourneyMap } from '../../domain/types';
import { calibrateFromSteps, calibrateFromTransitions, type Calibration } from '../../evidence/calibrate';
import { funnelStepNames, type FunnelData } from '../../evidence/funnel';
import { funnelMappingToRemember, proposeFunnelMapping, type StepMapping } from '../../evidence/funnelMapping';
import { editorActions, useEditor } from '../../store/editorStore';
import { evidenceActions } from '../../store/evidenceActions';
import { refusal } from '../fields';
import { undeterminedText } from './calibrationWords';
import { StepFooter, StepHeader } from './StepFrame';
import { counted, labelsOf, nodeOptions, percent, weightText } from './words';

/** Lines for the notice after a calibration, at most this many listed. */
const LISTED_CHANGES = 5;

interface FunnelImportProps {
  fileName: string;
  funnel: FunnelData;
  onBack: () => void;
  onDone: () => void;
}

/** `mapping` with `step` mapped to `node` (or to none), in the file's step order. */
function withStep(mapping: readonly StepMapping[], steps: readonly string[], step: string, node: string | undefined): StepMapping[] {
  return steps.flatMap((s) => {
    const mapped = s === step ? node : mapping.find((m) => m.step === s)?.node;
    return mapped === undefined ? [] : [{ step: s, node: mapped }];
  });
}

/** "2 drop-offs and 5 connection weights", leaving out what is none. */
function changesText({ nodes, edges }: Calibration): string {
  const parts = [nodes.length > 0 ? counted(nodes.length, 'drop-off') : '', edges.length > 0 ? counted(edges.length, 'connection weight') : ''];
  return parts.filter(Boolean).join(' and ');
}

const calibrate = (map: JourneyMap, funnel: FunnelData, mapping: readonly StepMapping[]): Calibration =>
  funnel.kind === 'steps' ? calibrateFromSteps(map, funnel.steps, mapping) : calibrateFromTransitions(map, funnel.transitions, mapping);

export function FunnelImport({ fileName, funnel, onBack, onDone }: FunnelImportProps) {
  const map = useEditor((s) => s.document);
  const steps = useMemo(() => funnelStepNames(funnel), [funnel]);
  const [mapping, setMapping] = useState<StepMapping[]>(() => proposeFunnelMapping(steps, useEditor.getState().document));
  const [refused, setRefused] = useState<string | null>(null);
  const calibration = useMemo(() => calibrate(map, funnel, mapping), [map, funnel, mapping]);
  const options = useMemo(() => nodeOptions(map, map.nodes), [map]);
  const labels = useMemo(() => labelsOf(map), [map]);
  const labelOf = (id: string) => labels.get(id) ?? id;
  const users = funnel.kind === 'steps' ? new Map(funnel.steps.map((s) => [s.step, s.users])) : undefined;
  const changes = calibration.nodes.length + calibration.edges.length;

  const apply = () => {
    const accepted = evidenceActions.calibrate({ nodes: calibration.nodes, edges: calibration.edges }, funnelMappingToRemember(map, mapping));
    if (!accepted) {
      setRefused(`Nothing was changed: ${refusal(false) ?? 'the calibration was refused'}`);
      return;
    }
    const lines = calibration.nodes.map((c) => {
      const node = map.nodes.find((n) => n.id === c.id);
      const before = node ? percent(effectiveDropOff(node, map.simulation?.severityDropOff)) : '?';
      return `${labelOf(c.id)}: drop-off ${before} → ${percent(c.dropOff)} (n = ${c.observed.entered.toLocaleString('en')})`;
    });
    const listed = lines.length > LISTED_CHANGES ? [...lines.slice(0, LISTED_CHANGES), `…and ${lines.length - LISTED_CHANGES} more`] : lines;
    editorActions.notify(
      'info',
      `Calibrated ${changesText(calibration)} from “${fileName}”. Run the simulation: the results panel shows designed vs observed.`,
      { id: 'evidence-import', details: listed },
    );
    onDone();
  };

  return (
    <>
      <StepHeader title={`Funnel counts from “${fileName}”`} onBack={onBack}>
        {funnel.kind === 'steps'
          ? `Step counts: ${counted(funnel.steps.length, 'step')}, ${funnel.steps[0]?.users.toLocaleString('en') ?? 0} customers at the first.`
          : `Transition counts: ${counted(funnel.transitions.length, 'row')} between ${counted(steps.length, 'step')}.`}
      </StepHeader>
      <div className="jd-evidence-dialog__panes">
        <section className="jd-evidence-dialog__pane" aria-label="Mapping">
          <h4>Which touchpoint each step is</h4>
          <table className="jd-table jd-evidence-dialog__mapping">
            <thead>
              <tr>
                <th scope="col">Step in the file</th>
                {users && <th scope="col">Customers</th>}
                <th scope="col">Touchpoint</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => {
                const node = mapping.find((m) => m.step === step)?.node;
                return (
                  <tr key={step} className={node === undefined ? 'is-unused' : undefined}>
                    <th scope="row">{step}</th>
                    {users && <td className="jd-evidence-dialog__number">{users.get(step)?.toLocaleString('en')}</td>}
                    <td>
                      <select
                        aria-label={`Touchpoint for step ${step}`}
                        value={node ?? ''}
                        onChange={(event) => setMapping(withStep(mapping, steps, step, event.target.value === '' ? undefined : event.target.value))}
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
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="jd-evidence-dialog__pane jd-evidence-dialog__preview" aria-label="Preview">
          <h4>Preview</h4>
          <p className="jd-evidence-dialog__summary" aria-live="polite">
            {changes === 0 ? 'Nothing can be calibrated from these counts with this mapping.' : `From the counts: ${changesText(calibration)}.`}
          </p>
          <PreviewTables map={map} calibration={calibration} labelOf={labelOf} showConversions={funnel.kind === 'steps'} />
          {calibration.undetermined.length > 0 && (
            <div className="jd-evidence-dialog__undetermined">
              <h5>Left as it was</h5>
              <ul aria-label="Left as it was">
                {calibration.undetermined.map((u, i) => (
                  <li key={i}>{undeterminedText(u, labelOf)}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>
      <StepFooter
        refused={refused}
        note={
          changes === 0
            ? 'Map the steps to touchpoints to calibrate.'
            : 'One undo step. After running the simulation, the results panel shows designed vs observed.'
        }
        action="Calibrate"
        disabled={changes === 0}
        onAction={apply}
      />
    </>
  );
}

interface PreviewTablesProps {
  map: JourneyMap;
  calibration: Calibration;
  labelOf: (id: string) => string;
  showConversions: boolean;
}

function PreviewTables({ map, calibration, labelOf, showConversions }: PreviewTablesProps) {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const edges = new Map(map.edges.map((e) => [e.id, e]));
  /** Sum of today's weights out of each node, and of the calibrated ones. */
  const totalNow = new Map<string, number>();
  for (const e of map.edges) totalNow.set(e.source, (totalNow.get(e.source) ?? 0) + e.weight);
  const totalNew = new Map<string, number>();
  for (const c of calibration.edges) {
    const source = edges.get(c.id)?.source;
    if (source !== undefined) totalNew.set(source, (totalNew.get(source) ?? 0) + c.weight);
  }
  const conversions = showConversions ? calibration.conversions.filter((c) => c.next !== undefined) : [];
  return (
    <>
      {calibration.nodes.length > 0 && (
        <table className="jd-table jd-evidence-dialog__calibration">
          <caption>Drop-offs</caption>
          <thead>
            <tr>
              <th scope="col">Touchpoint</th>
              <th scope="col">Now</th>
              <th scope="col">From data</th>
              <th scope="col">Customers (n)</th>
              <th scope="col">Left</th>
            </tr>
          </thead>
          <tbody>
            {calibration.nodes.map((c) => {
              const node = nodes.get(c.id);
              return (
                <tr key={c.id}>
                  <th scope="row">{labelOf(c.id)}</th>
                  <td>{node ? percent(effectiveDropOff(node, map.simulation?.severityDropOff)) : '—'}</td>
                  <td className="jd-evidence-dialog__new">{percent(c.dropOff)}</td>
                  <td>{c.observed.entered.toLocaleString('en')}</td>
                  <td>{c.observed.left.toLocaleString('en')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {calibration.edges.length > 0 && (
        <table className="jd-table jd-evidence-dialog__calibration">
          <caption>Connection weights (share of those going on)</caption>
          <thead>
            <tr>
              <th scope="col">Connection</th>
              <th scope="col">Now</th>
              <th scope="col">From data</th>
              <th scope="col">Customers (n)</th>
            </tr>
          </thead>
          <tbody>
            {calibration.edges.map((c) => {
              const edge = edges.get(c.id);
              if (!edge) return null;
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {labelOf(edge.source)} → {labelOf(edge.target)}
                  </th>
                  <td>
                    {weightText(edge.weight)} ({percent(edge.weight / (totalNow.get(edge.source) ?? edge.weight))})
                  </td>
                  <td className="jd-evidence-dialog__new">
                    {weightText(c.weight)} ({percent(c.weight / (totalNew.get(edge.source) ?? c.weight))})
                  </td>
                  <td>{c.observed.count.toLocaleString('en')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {conversions.length > 0 && (
        <table className="jd-table jd-evidence-dialog__calibration">
          <caption>Step to step</caption>
          <thead>
            <tr>
              <th scope="col">From → to</th>
              <th scope="col">Customers</th>
              <th scope="col">Went on</th>
              <th scope="col">Designed</th>
            </tr>
          </thead>
          <tbody>
            {conversions.map((c) => (
              <tr key={`${c.node}-${c.next}`}>
                <th scope="row">
                  {labelOf(c.node)} → {labelOf(c.next ?? '')}
                </th>
                <td>{c.entered.toLocaleString('en')}</td>
                <td>{percent(c.observed)}</td>
                <td>{c.designed === undefined ? 'no connection' : percent(c.designed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
