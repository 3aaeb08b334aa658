// @vitest-environment jsdom
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { addOpportunity } from '../../src/domain/opportunities';
import { addPersona, setNodeOverride } from '../../src/domain/personas';
import type { JourneyMap } from '../../src/domain/types';
import { Inspector } from '../../src/panels/Inspector';
import { OpportunitiesButton } from '../../src/panels/opportunities/OpportunitiesButton';
import { OpportunityTable } from '../../src/panels/opportunities/OpportunityTable';
import { formatPoints } from '../../src/panels/opportunities/opportunityView';
import { useOpportunityValues } from '../../src/panels/opportunities/useOpportunityValues';
import { opportunityValues } from '../../src/simulation/opportunities';
import { editorActions } from '../../src/store/editorStore';
import { closeOpportunities } from '../../src/store/opportunityPanel';
import { makeMap, nodeOf } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, undoSteps } from '../support/store';
import { standInForModalDialogs } from '../support/dialogs';

beforeAll(standInForModalDialogs);

afterEach(() => act(() => closeOpportunities()));

/** The test map with opportunities added through the domain, as a saved map would bring them. */
function mapWith(...opportunities: Parameters<typeof addOpportunity>[1][]): JourneyMap {
  const map = makeMap();
  for (const o of opportunities) addOpportunity(map, o);
  return map;
}

async function openPanel(map: JourneyMap) {
  const result = renderWithStore(<OpportunitiesButton />, { map });
  await result.user.click(screen.getByRole('button', { name: 'Opportunities' }));
  const dialog = await screen.findByRole('dialog', { name: 'Opportunities' });
  return { ...result, dialog };
}

const row = (dialog: HTMLElement, title: string) => within(dialog).getByRole('row', { name: title });
const bodyTitles = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('aria-label'));
const header = (dialog: HTMLElement, name: string) => within(dialog).getByRole('columnheader', { name: new RegExp(`^${name}`) });
const valuesShown = (dialog: HTMLElement) => waitFor(() => expect(within(dialog).queryAllByText('…')).toHaveLength(0));

describe('adding an opportunity from a friction note', () => {
  it('creates one addressing that note at its touchpoint, in one undo step, and opens the panel on it', async () => {
    const { user } = renderWithStore(
      <>
        <OpportunitiesButton />
        <Inspector />
      </>,
      { map: makeMap(), selection: { nodes: ['tp-checkout'] } },
    );
    // Only open notes offer it: "Old coupon bug" is resolved already.
    expect(screen.queryByRole('button', { name: 'Add opportunity for Old coupon bug' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add opportunity for Payment form is long' }));

    const dialog = await screen.findByRole('dialog', { name: 'Opportunities' });
    const added = currentMap().opportunities;
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ title: 'Fix: Payment form is long', status: 'idea', touchpoints: ['tp-checkout'], friction: [{ node: 'tp-checkout', note: 'f-long-form' }] });
    expect(undoSteps()).toBe(1);

    // Focused on it, ready to be retitled; its details show what it addresses.
    const title = within(row(dialog, 'Fix: Payment form is long')).getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(title).toHaveFocus());
    expect(within(dialog).getByRole('checkbox', { name: /Payment form is long/ })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /Old coupon bug/ })).not.toBeChecked();
    await user.clear(title);
    await user.type(title, 'Simplify payment{Enter}');
    expect(currentMap().opportunities[0].title).toBe('Simplify payment');
    expect(undoSteps()).toBe(2);
  });
});

describe('the opportunities table', () => {
  const map = () =>
    mapWith(
      { title: 'Bravo', owner: 'Sam', effort: 'L', touchpoints: ['tp-web'] },
      { title: 'alpha', owner: 'Kim', effort: 'S', friction: [{ node: 'tp-checkout', note: 'f-long-form' }] },
      { title: 'Charlie', effort: 'M', status: 'planned' },
    );

  it('sorts by a column when its header is clicked, and the other way on a second click', async () => {
    const { user, dialog } = await openPanel(map());
    expect(bodyTitles(dialog)).toEqual(['Bravo', 'alpha', 'Charlie']);
    expect(header(dialog, 'Title')).toHaveAttribute('aria-sort', 'none');

    await user.click(within(header(dialog, 'Title')).getByRole('button'));
    expect(header(dialog, 'Title')).toHaveAttribute('aria-sort', 'ascending');
    expect(bodyTitles(dialog)).toEqual(['alpha', 'Bravo', 'Charlie']);
    await user.click(within(header(dialog, 'Title')).getByRole('button'));
    expect(header(dialog, 'Title')).toHaveAttribute('aria-sort', 'descending');
    expect(bodyTitles(dialog)).toEqual(['Charlie', 'Bravo', 'alpha']);

    await user.click(within(header(dialog, 'Effort')).getByRole('button'));
    expect(header(dialog, 'Title')).toHaveAttribute('aria-sort', 'none');
    expect(bodyTitles(dialog)).toEqual(['alpha', 'Charlie', 'Bravo']);

    // No owner sorts last, whichever the direction.
    await user.click(within(header(dialog, 'Owner')).getByRole('button'));
    expect(bodyTitles(dialog)).toEqual(['alpha', 'Bravo', 'Charlie']);
    await user.click(within(header(dialog, 'Owner')).getByRole('button'));
    expect(bodyTitles(dialog)).toEqual(['Bravo', 'alpha', 'Charlie']);

    // Value: the most valuable first. Only "alpha" addresses friction that moves completion.
    await valuesShown(dialog);
    await user.click(within(header(dialog, 'Value')).getByRole('button'));
    expect(header(dialog, 'Value')).toHaveAttribute('aria-sort', 'descending');
    expect(bodyTitles(dialog)[0]).toBe('alpha');
  });

  it('edits owner and effort in place, each one undo step', async () => {
    const { user, dialog } = await openPanel(map());
    const bravo = row(dialog, 'Bravo');
    await user.clear(within(bravo).getByRole('textbox', { name: 'Owner' }));
    await user.type(within(bravo).getByRole('textbox', { name: 'Owner' }), 'Growth team{Enter}');
    await user.selectOptions(within(bravo).getByRole('combobox', { name: 'Effort' }), 'S');
    expect(currentMap().opportunities[0]).toMatchObject({ owner: 'Growth team', effort: 'S' });
    expect(undoSteps()).toBe(2);
  });
});

describe('marking an opportunity Done', () => {
  // Names the checkout touchpoint only: it addresses all its friction, of which one note is still open.
  const map = () => mapWith({ title: 'Simplify payment', touchpoints: ['tp-checkout'] });

  it('asks first, naming the friction notes it will resolve; Cancel changes nothing', async () => {
    const { user, dialog } = await openPanel(map());
    await user.selectOptions(within(row(dialog, 'Simplify payment')).getByRole('combobox', { name: 'Status' }), 'done');

    const question = screen.getByRole('alertdialog', { name: 'Mark “Simplify payment” done? This resolves 1 friction note:' });
    expect(within(question).getByRole('listitem')).toHaveTextContent('Payment form is long (Checkout)');
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(currentMap().opportunities[0].status).toBe('idea');
    expect(within(row(dialog, 'Simplify payment')).getByRole('combobox', { name: 'Status' })).toHaveValue('idea');
    expect(undoSteps()).toBe(0);
  });

  it('on confirmation, sets Done and resolves the notes in one undo step', async () => {
    const { user, dialog } = await openPanel(map());
    await user.selectOptions(within(row(dialog, 'Simplify payment')).getByRole('combobox', { name: 'Status' }), 'done');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Mark done' }));

    expect(currentMap().opportunities[0].status).toBe('done');
    expect(nodeOf(currentMap(), 'tp-checkout').friction.find((f) => f.id === 'f-long-form')?.resolved).toBe(true);
    expect(undoSteps()).toBe(1);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Marked “Simplify payment” done and resolved 1 friction note.');

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(currentMap().opportunities[0].status).toBe('idea');
    expect(nodeOf(currentMap(), 'tp-checkout').friction.find((f) => f.id === 'f-long-form')?.resolved).toBeFalsy();
  });

  it('does not ask when there is no open friction to resolve', async () => {
    const { user, dialog } = await openPanel(mapWith({ title: 'Nicer product page', touchpoints: ['tp-web'] }));
    await user.selectOptions(within(row(dialog, 'Nicer product page')).getByRole('combobox', { name: 'Status' }), 'done');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(currentMap().opportunities[0].status).toBe('done');
  });
});

describe('values', () => {
  it('are computed after the render: "computing" first, then exactly what opportunityValues gives', async () => {
    const map = mapWith({ title: 'Simplify payment', friction: [{ node: 'tp-checkout', note: 'f-long-form' }] });
    const { result } = renderHook(() => useOpportunityValues(map, null));
    expect(result.current).toEqual({ status: 'computing' });
    await waitFor(() => expect(result.current).toEqual({ status: 'done', values: opportunityValues(map) }));

    // While computing, the table shows "…" where each value will be.
    renderWithStore(<OpportunityTable map={map} values={{ status: 'computing' }} focus={null} onStatus={() => undefined} onDelete={() => undefined} />, { map });
    expect(within(screen.getByRole('row', { name: 'Simplify payment' })).getByText('…')).toBeInTheDocument();
  });

  it('show the exact uplift in points in the table and on the value-vs-effort chart', async () => {
    const map = mapWith({ title: 'Simplify payment', effort: 'S', friction: [{ node: 'tp-checkout', note: 'f-long-form' }] }, { title: 'Product page copy', effort: 'L', touchpoints: ['tp-web'] });
    const expected = opportunityValues(map);
    const [payment, copy] = map.opportunities.map((o) => expected[o.id]);
    expect(payment).toBeGreaterThan(0);
    expect(copy).toBe(0);

    const { user, dialog } = await openPanel(map);
    expect(await within(row(dialog, 'Simplify payment')).findByText(formatPoints(payment))).toBeInTheDocument();
    expect(within(row(dialog, 'Product page copy')).getByText('+0.0 pts')).toBeInTheDocument();
    expect(formatPoints(payment)).toMatch(/^\+\d+\.\d pts$/);

    // The same values on the chart: each opportunity a labelled, focusable point; choosing one opens it in the table.
    await user.click(within(dialog).getByRole('tab', { name: 'Value vs effort' }));
    const chart = within(dialog).getByRole('group', { name: 'Value vs effort' });
    expect(within(chart).getByText('Quick wins')).toBeInTheDocument();
    const point = within(chart).getByRole('button', { name: `Simplify payment: ${formatPoints(payment)}, effort S (small)` });
    point.focus();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(within(row(dialog, 'Simplify payment')).getByRole('textbox', { name: 'Title' })).toHaveFocus());
  });

  it('are for the chosen persona when one is chosen', async () => {
    const map = mapWith({ title: 'Simplify payment', friction: [{ node: 'tp-checkout', note: 'f-long-form' }] });
    const persona = addPersona(map, { name: 'Patient planner' });
    // This persona's drop-off at checkout is set outright, so its friction notes do not move it.
    setNodeOverride(map, persona, 'tp-checkout', 'dropOff', 0.3);
    const { dialog } = await openPanel(map);
    await valuesShown(dialog);
    const blended = formatPoints(opportunityValues(map)[map.opportunities[0].id]);
    expect(within(row(dialog, 'Simplify payment')).getByText(blended)).toBeInTheDocument();

    act(() => editorActions.choosePersona(persona));
    expect(within(dialog).getByText('Patient planner')).toBeInTheDocument();
    expect(await within(row(dialog, 'Simplify payment')).findByText('+0.0 pts')).toBeInTheDocument();
  });
});

describe('adding and deleting in the panel', () => {
  it('adds a new opportunity focused for its title, and deletes one after asking', async () => {
    const { user, dialog } = await openPanel(makeMap());
    expect(within(dialog).getByText('No opportunities yet.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '+ Add opportunity' }));
    const title = within(row(dialog, 'New opportunity')).getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(title).toHaveFocus());

    // What it addresses is ticked in its details: the whole checkout touchpoint.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Checkout' }));
    expect(currentMap().opportunities[0].touchpoints).toEqual(['tp-checkout']);
    expect(within(dialog).getByRole('checkbox', { name: /Payment form is long/ })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Delete opportunity' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete “New opportunity”?' })).getByRole('button', { name: 'Delete' }));
    expect(currentMap().opportunities).toEqual([]);
    expect(undoSteps()).toBe(3);
    // The row that had focus is gone: focus goes to "Add opportunity", still inside the panel.
    expect(within(dialog).getByRole('button', { name: '+ Add opportunity' })).toHaveFocus();
  });
});
