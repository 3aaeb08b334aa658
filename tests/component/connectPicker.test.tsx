// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { useShortcuts } from '../../src/app/useShortcuts';
import { ConnectPickerHost } from '../../src/panels/connect/ConnectPickerHost';
import { loadConnectDialog, openConnectPicker, useConnectPicker } from '../../src/panels/connect/connectPicker';
import { connectTargets, filterTargets, whyNoTargets } from '../../src/panels/connect/connectTargets';
import { editorActions } from '../../src/store/editorStore';
import { makeMap } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, undoSteps } from '../support/store';
import { standInForModalDialogs } from '../support/dialogs';

beforeAll(async () => {
  await standInForModalDialogs();
  await loadConnectDialog();
});
afterEach(() => act(() => useConnectPicker.setState({ source: null, opener: null })));

/** Cards as React Flow renders them (focusable, with their id), the app's shortcuts and the picker. */
function Editor() {
  useShortcuts();
  return (
    <>
      {currentMap().nodes.map((n) => (
        <div key={n.id} className="react-flow__node" data-id={n.id} tabIndex={0} aria-label={n.label} />
      ))}
      <button type="button">Connect to…</button>
      <ConnectPickerHost />
    </>
  );
}

const card = (name: string) => screen.getByLabelText(name, { selector: '.react-flow__node' });
const picker = () => screen.findByRole('dialog', { name: /^Connect .* to…$/ });
const optionNames = (dialog: HTMLElement) => within(dialog).queryAllByRole('option').map((o) => o.querySelector('.jd-connect__name')?.textContent);
const hasEdge = (source: string, target: string) => currentMap().edges.some((e) => e.source === source && e.target === target);

describe('the Connect to… picker', () => {
  it('C on a focused card lists, in journey order, only the cards the rules allow', async () => {
    const { user } = renderWithStore(<Editor />);
    card('Search ad').focus();
    await user.keyboard('c');
    const dialog = await picker();
    expect(dialog).toHaveAccessibleName('Connect Search ad to…');
    // Not Product page (already connected), not itself (no self-loop), and never an entry.
    expect(optionNames(dialog)).toEqual(['Checkout', 'Order placed', 'Leaves']);
    const input = within(dialog).getByRole('combobox', { name: 'Card to lead to' });
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-activedescendant', within(dialog).getAllByRole('option')[0].id);
    expect(within(dialog).getByRole('status')).toHaveTextContent('3 of 3 cards.');
  });

  it('typing filters by name; arrows move; Enter connects as one undo step and focus goes back to the card', async () => {
    const { user } = renderWithStore(<Editor />);
    card('Search ad').focus();
    await user.keyboard('c');
    const dialog = await picker();
    await user.keyboard('e');
    // "e" starts none of them; all three contain it.
    expect(optionNames(dialog)).toEqual(['Checkout', 'Order placed', 'Leaves']);
    await user.keyboard('a');
    expect(optionNames(dialog)).toEqual(['Leaves']);
    await user.keyboard('{Backspace}{Backspace}or');
    expect(optionNames(dialog)).toEqual(['Order placed']);
    await user.keyboard('{Backspace}{Backspace}');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(within(dialog).getByRole('option', { selected: true })).toHaveTextContent(/^Order placed/);
    await user.keyboard('{Enter}');
    expect(hasEdge('entry', 'out-success')).toBe(true);
    expect(undoSteps()).toBe(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(card('Search ad')).toHaveFocus();
    editorActions.undo();
    expect(hasEdge('entry', 'out-success')).toBe(false);
  });

  it('a click on an option connects it', async () => {
    const { user } = renderWithStore(<Editor />);
    act(() => void openConnectPicker('tp-checkout', screen.getByRole('button', { name: 'Connect to…' })));
    const dialog = await picker();
    expect(optionNames(dialog)).toEqual(['Product page', 'Leaves']);
    await user.click(within(dialog).getByRole('option', { name: /^Leaves/ }));
    expect(hasEdge('tp-checkout', 'out-lost')).toBe(true);
    expect(undoSteps()).toBe(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Connect to…' })).toHaveFocus());
  });

  it('Escape cancels: no edit, and focus goes back to what opened it', async () => {
    const { user } = renderWithStore(<Editor />);
    const opener = screen.getByRole('button', { name: 'Connect to…' });
    opener.focus();
    act(() => void openConnectPicker('entry', opener));
    await picker();
    await user.keyboard('Chec{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(undoSteps()).toBe(0);
    expect(currentMap().edges).toHaveLength(4);
  });

  it('with one card selected, C works without focus on a card; with several selected it opens nothing', async () => {
    const { user } = renderWithStore(<Editor />, { selection: { nodes: ['tp-web'] } });
    await user.keyboard('c');
    const dialog = await picker();
    expect(dialog).toHaveAccessibleName('Connect Product page to…');
    expect(optionNames(dialog)).toEqual(['Order placed']);
    await user.keyboard('{Escape}');
    // Focus went back to the card: C there is for that card, whatever is selected.
    expect(card('Product page')).toHaveFocus();
    (document.activeElement as HTMLElement).blur();

    act(() => editorActions.select({ nodes: ['entry', 'tp-web'], edges: [] }));
    await user.keyboard('c');
    await act(() => loadConnectDialog());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(openConnectPicker('not-a-card')).toBe(false);
  });

  it('on an outcome it says, in the rule’s words, that a journey ends there', async () => {
    const { user } = renderWithStore(<Editor />);
    card('Order placed').focus();
    await user.keyboard('c');
    const dialog = await picker();
    expect(within(dialog).queryByRole('option')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('No card can follow Order placed: "Order placed" is an outcome: a journey ends there, so it cannot lead anywhere.');
  });

  it('says so when nothing is left to connect to', async () => {
    renderWithStore(<Editor />, {
      map: makeMap({ edges: [...makeMap().edges, { id: 'e-x', source: 'tp-web', target: 'out-success', weight: 1 }] }),
    });
    act(() => void openConnectPicker('tp-web'));
    const dialog = await picker();
    expect(within(dialog).queryByRole('listbox')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
    expect(within(dialog).getByRole('status')).toHaveTextContent('No card can follow Product page');
  });
});

describe('connectTargets and filterTargets', () => {
  it('ask the domain rule for every card, and filter names starting with the text first', () => {
    const map = makeMap();
    expect(connectTargets(map, 'out-lost')).toEqual([]);
    expect(connectTargets(map, 'tp-checkout').map((t) => t.id)).toEqual(['tp-web', 'out-lost']);
    expect(connectTargets(map, 'tp-checkout')[0]).toEqual({ id: 'tp-web', label: 'Product page', kind: 'touchpoint', stage: 'Consideration' });
    const targets = connectTargets(map, 'entry');
    expect(filterTargets(targets, '  C ').map((t) => t.label)).toEqual(['Checkout', 'Order placed']);
    expect(filterTargets(targets, '')).toEqual(targets);
    expect(whyNoTargets(map, 'out-lost')).toMatch(/"Leaves" is an outcome/);
    expect(whyNoTargets(map, 'tp-web')).toBeNull();
  });
});
