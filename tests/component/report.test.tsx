// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { useShortcuts } from '../../src/app/useShortcuts';
import type { JourneyMap } from '../../src/domain/types';
import { formatPoints } from '../../src/panels/opportunities/opportunityView';
import { ReportButton } from '../../src/panels/report/ReportButton';
import { ReportPage } from '../../src/panels/report/ReportPage';
import { pct, reportHotspots, shortDescription } from '../../src/panels/report/reportView';
import { opportunityValues } from '../../src/simulation/opportunities';
import { simulateJourney } from '../../src/simulation/simulate';
import type { SimulationResult } from '../../src/simulation/types';
import { editorActions } from '../../src/store/editorStore';
import { simulationActions, simulationSignature, useSimulation, useSimulationProgress } from '../../src/store/simulationStore';
import { makeMap, makeMapWithPersonas } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap } from '../support/store';

const DATE = new Date(2026, 2, 12);

function renderPage(map: JourneyMap, values: Record<string, number> | null = opportunityValues(map)) {
  const result = simulateJourney(map, { customers: 2_000, seed: 7 });
  render(<ReportPage map={map} result={result} heat={{}} values={values} date={DATE} />);
  return { result, page: screen.getByRole('article') };
}

describe('the report page', () => {
  it('leads with the map, the date and the completion rate: simulated with its 95% CI, and exact', () => {
    const map = makeMap();
    const { result, page } = renderPage(map);
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Test journey');
    expect(page).toHaveTextContent('A map for tests');
    expect(page).toHaveTextContent('12 March 2026');
    expect(page).toHaveTextContent('2,000 simulated customers');
    const { success } = result.monteCarlo;
    expect(page.querySelector('.jd-report__headline-value')).toHaveTextContent(pct(success.rate));
    expect(page).toHaveTextContent(`95% CI ${pct(success.low)} – ${pct(success.high)}`);
    expect(page).toHaveTextContent(`Exact value ${pct(result.exact.success, 2)}`);
  });

  it('lists outcomes and the losses of each stage', () => {
    const map = makeMap();
    const { result, page } = renderPage(map);
    const outcomes = within(page).getByRole('heading', { name: 'Outcomes' }).closest('section')!;
    expect(within(outcomes).getByRole('row', { name: /Order placed/ })).toHaveTextContent(pct(result.exact.outcomes['out-success']));
    expect(within(outcomes).getByRole('row', { name: /Abandoned along the way/ })).toHaveTextContent(pct(result.exact.abandoned));
    const stages = within(page).getByRole('heading', { name: /Losses by stage/ }).closest('section')!;
    expect(within(stages).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Awareness0',
      'Consideration0',
      `Purchase${Math.round(result.exact.abandon['tp-checkout'] * 1000)}`,
      'Retention0',
      'Advocacy0',
    ]);
  });

  it('shows the top hotspots with their worst open friction and the opportunities addressing them, valued in points', () => {
    const map = makeMapWithPersonas();
    const values = opportunityValues(map);
    const { result, page } = renderPage(map, values);
    const hotspots = within(page).getByRole('heading', { name: /hotspot/ }).closest('section')!;
    const rows = within(hotspots).getAllByRole('row').slice(1);
    const expected = result.hotspots.filter((h) => h.kind === 'touchpoint' && h.lostPer1000 > 0);
    expect(rows).toHaveLength(expected.length);
    expect(rows[0]).toHaveTextContent(expected[0].label);
    expect(rows[0]).toHaveTextContent(formatPoints(expected[0].uplift));

    const checkout = within(hotspots).getByRole('row', { name: /Checkout/ });
    // The open note only: the resolved coupon bug is not friction any more.
    expect(checkout).toHaveTextContent('S4 Payment form is long');
    expect(checkout).not.toHaveTextContent('Old coupon bug');
    expect(checkout).toHaveTextContent(`Shorter payment form Payments team · Planned · ${formatPoints(values['opp-form'])}`);
    expect(values['opp-form']).toBeGreaterThan(0);
    // A touchpoint named without notes: the opportunity addresses it all; it has no owner yet.
    const product = within(hotspots).getByRole('row', { name: /Product page/ });
    expect(product).toHaveTextContent('No open friction noted');
    expect(product).toHaveTextContent('Better product page no owner · Idea');
  });

  it('says when a hotspot has no opportunity yet, and shows "…" while values are being computed', () => {
    const withOne = makeMap({ opportunities: [{ id: 'opp-page', title: 'Better product page', status: 'idea', effort: 'S', touchpoints: ['tp-web'], friction: [] }] });
    const { page } = renderPage(withOne);
    expect(within(page).getByRole('row', { name: /Checkout/ })).toHaveTextContent('None yet');
    expect(page).toHaveAttribute('aria-busy', 'false');
    document.body.innerHTML = '';
    const computing = renderPage(makeMapWithPersonas(), null).page;
    expect(computing).toHaveAttribute('aria-busy', 'true');
    expect(within(computing).getByRole('row', { name: /Checkout/ })).toHaveTextContent('Payments team · Planned · …');
  });

  it('leaves the opportunities column out when the map has no opportunities', () => {
    const { page } = renderPage(makeMap());
    const hotspots = within(page).getByRole('heading', { name: /hotspot/ }).closest('section')!;
    expect(within(hotspots).queryByRole('columnheader', { name: 'Opportunities' })).not.toBeInTheDocument();
    expect(hotspots).not.toHaveTextContent('None yet');
    expect(within(hotspots).getByRole('row', { name: /Checkout/ })).toHaveTextContent('S4 Payment form is long');
  });

  it('compares completion per persona when the map has personas, and not otherwise', () => {
    const map = makeMapWithPersonas();
    const { result, page } = renderPage(map);
    const personas = within(page).getByRole('heading', { name: 'By persona' }).closest('section')!;
    for (const p of result.personas!) {
      const row = within(personas).getByRole('row', { name: new RegExp(p.name) });
      expect(row).toHaveTextContent(pct(p.monteCarlo.success.rate));
      expect(row).toHaveTextContent(pct(p.exact.success, 2));
    }
    document.body.innerHTML = '';
    const plain = renderPage(makeMap()).page;
    expect(within(plain).queryByRole('heading', { name: 'By persona' })).not.toBeInTheDocument();
  });

  it('explains uplift, the confidence interval, the exact value and drop-off from friction in plain words', () => {
    const { page } = renderPage(makeMapWithPersonas());
    const read = within(page).getByRole('region', { name: 'How to read this' });
    expect(read).toHaveTextContent('points of completion gained if that touchpoint lost nobody');
    expect(read).toHaveTextContent('95% of runs of this many simulated customers (2,000) fall in');
    expect(read).toHaveTextContent('what infinitely many customers would give');
    expect(read).toHaveTextContent("derived from the touchpoint's open friction");
    expect(read).toHaveTextContent('by severity (1 → 1%');
    expect(read).toHaveTextContent('4 → 10%, 5 → 20% per note');
    expect(read).toHaveTextContent('Value of an opportunity');
  });

  it('draws the map with the shared renderer', () => {
    const { page } = renderPage(makeMap());
    expect(within(page).getByRole('img', { name: /Test journey/ }).querySelector('svg')).not.toBeNull();
  });
});

describe('report text', () => {
  it('shortens a long description at a word, and keeps a short one', () => {
    expect(shortDescription('  A short   one ')).toBe('A short one');
    const long = `${'word '.repeat(60)}end`;
    const short = shortDescription(long, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short).toMatch(/word…$/);
  });

  it('ranks open opportunities before done ones, then by value', () => {
    const map = makeMapWithPersonas();
    map.opportunities.push(
      { id: 'opp-done', title: 'Done already', status: 'done', effort: 'S', touchpoints: ['tp-checkout'], friction: [] },
      { id: 'opp-small', title: 'Small fix', status: 'idea', effort: 'S', touchpoints: ['tp-checkout'], friction: [] },
    );
    const result: SimulationResult = simulateJourney(map, { customers: 100 });
    const checkout = reportHotspots(map, result.hotspots, { 'opp-form': 0.01, 'opp-small': 0.05, 'opp-done': 0.2 }).find((h) => h.hotspot.nodeId === 'tp-checkout')!;
    expect(checkout.opportunities.map((o) => o.id)).toEqual(['opp-small', 'opp-form']);
    expect(checkout.moreOpportunities).toBe(1);
  });
});

/** The button with the editor's keyboard shortcuts listening, as in the app. */
function ReportWithShortcuts() {
  useShortcuts();
  return <ReportButton />;
}

describe('the Report button', () => {
  beforeEach(() => {
    // jsdom has no Worker: results are given, current for the map, so the report does not run the simulation.
    useSimulation.setState({ status: 'idle', result: null, resultSignature: null, error: null, heat: {} });
    useSimulationProgress.setState({ progress: null });
  });

  it('opens a modal "Report" dialog with current results, focuses its heading, and gives focus back on Escape', async () => {
    const map = makeMapWithPersonas();
    const { user } = renderWithStore(<ReportButton />, { map });
    const result = simulateJourney(map, { customers: 1_000 });
    act(() => useSimulation.setState({ status: 'done', result, resultSignature: simulationSignature(map), heat: {} }));

    const button = screen.getByRole('button', { name: 'Report' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Report' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('heading', { name: 'Report' })).toHaveFocus();
    expect(within(dialog).getByRole('heading', { level: 1 })).toHaveTextContent('Test journey');
    expect(button.closest('[inert]')).not.toBeNull();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button.closest('[inert]')).toBeNull();
    expect(button).toHaveFocus();
  });

  it("keeps the editor's shortcuts from changing the map behind it", async () => {
    const map = makeMap();
    const { user } = renderWithStore(<ReportWithShortcuts />, { map });
    act(() => {
      editorActions.renameMap('Renamed journey');
      useSimulation.setState({ status: 'done', result: simulateJourney(map, { customers: 500 }), resultSignature: simulationSignature(map), heat: {} });
    });
    await user.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report' });
    expect(within(dialog).getByRole('heading', { level: 1 })).toHaveTextContent('Renamed journey');
    await user.keyboard('{Control>}z{/Control}');
    expect(currentMap().name).toBe('Renamed journey');
    await user.keyboard('{Escape}');
    await user.keyboard('{Control>}z{/Control}');
    expect(currentMap().name).toBe('Test journey');
  });

  it('runs the simulation when the results are missing or stale, shows its progress, then the report', async () => {
    const map = makeMap();
    const run = vi.spyOn(simulationActions, 'run').mockImplementation(() => useSimulation.setState({ status: 'running' }));
    const { user } = renderWithStore(<ReportButton />, { map });
    // Results of another version of the map are no basis for a report.
    act(() => useSimulation.setState({ status: 'done', result: simulateJourney(makeMap({ edges: [] }), { customers: 100 }), resultSignature: 'other', heat: {} }));
    await user.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report' });
    expect(run).toHaveBeenCalledTimes(1);
    act(() => useSimulationProgress.setState({ progress: { phase: 'monteCarlo', done: 2_500, total: 10_000 } }));
    expect(within(dialog).getByRole('progressbar', { name: 'Simulation progress' })).toHaveAttribute('aria-valuenow', '25');
    expect(dialog).toHaveTextContent('2,500 of 10,000 customers');
    expect(within(dialog).getByRole('button', { name: 'Print / Save as PDF' })).toBeDisabled();

    const result = simulateJourney(map, { customers: 1_000 });
    act(() => {
      useSimulationProgress.setState({ progress: null });
      useSimulation.setState({ status: 'done', result, resultSignature: simulationSignature(map), heat: {} });
    });
    expect(within(dialog).getByRole('heading', { level: 1 })).toHaveTextContent('Test journey');
    expect(within(dialog).queryByRole('progressbar')).not.toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled());
    expect(run).toHaveBeenCalledTimes(1);
    run.mockRestore();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  });

  it('says so when the simulation fails, and offers to try again', async () => {
    const run = vi.spyOn(simulationActions, 'run').mockImplementation(() => useSimulation.setState({ status: 'error', error: 'The map has no entry' }));
    const { user } = renderWithStore(<ReportButton />, { map: makeMap() });
    await user.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The simulation could not run: The map has no entry');
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(run).toHaveBeenCalledTimes(2);
    run.mockRestore();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  });
});
