// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import type { ReactElement } from 'react';
import { MapCheck } from '../../src/panels/check/MapCheck';
import { FindTouchpoint } from '../../src/panels/find/FindTouchpoint';
import { Inspector } from '../../src/panels/Inspector';
import { editorActions, useEditor } from '../../src/store/editorStore';
import { makeMap, makeNode, nodeOf, xInBand } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, undoSteps } from '../support/store';

const inFlow = (ui: ReactElement) => <ReactFlowProvider>{ui}</ReactFlowProvider>;

describe('map check', () => {
  it('says "No warnings" for a sound map and lists nothing', async () => {
    const { user } = renderWithStore(inFlow(<MapCheck />), { map: makeMap() });
    const button = await screen.findByRole('button', { name: 'Map check: No warnings' });
    await user.click(button);
    expect(within(screen.getByRole('dialog', { name: 'Map check' })).getByText(/No warnings/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Map check' })).toBeNull();
    expect(button).toHaveFocus();
  });

  it('counts a dead end as it appears and selects the node named in a warning', async () => {
    const { user } = renderWithStore(inFlow(<MapCheck />), { map: makeMap() });
    editorActions.addNode({ kind: 'touchpoint', id: 'tp-stuck', label: 'Stuck page', position: { x: xInBand(1), y: 400 } });
    editorActions.connect({ source: 'tp-web', target: 'tp-stuck' });
    editorActions.select({ nodes: [], edges: [] });
    const button = await screen.findByRole('button', { name: 'Map check: 1 warning' });
    await user.click(button);
    const warning = await within(screen.getByRole('dialog', { name: 'Map check' })).findByRole('button', { name: 'Dead end: "Stuck page" leads nowhere' });
    await user.click(warning);
    expect(useEditor.getState().selection.nodes).toEqual(['tp-stuck']);
    expect(screen.queryByRole('dialog', { name: 'Map check' })).toBeNull();
  });
});

describe('find touchpoint', () => {
  it('lists matches by part of the name, starts-with first, and Enter selects the active one', async () => {
    const map = makeMap();
    map.nodes.push(makeNode({ id: 'tp-pay-help', label: 'Help with payment', position: { x: xInBand(2), y: 300 }, stage: 'purchase' }));
    map.nodes.push(makeNode({ id: 'tp-pay', label: 'Payment page', position: { x: xInBand(2), y: 500 }, stage: 'purchase' }));
    const { user } = renderWithStore(inFlow(<FindTouchpoint />), { map });
    const find = screen.getByRole('combobox', { name: 'Find touchpoint' });
    await user.type(find, 'PAYM');
    const options = within(screen.getByRole('listbox', { name: 'Matching touchpoints' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Payment pagePurchase', 'Help with paymentPurchase']);
    expect(find).toHaveAttribute('aria-activedescendant', options[0].id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(useEditor.getState().selection.nodes).toEqual(['tp-pay-help']);
  });

  it('says when nothing matches', async () => {
    const { user } = renderWithStore(inFlow(<FindTouchpoint />), { map: makeMap() });
    await user.type(screen.getByRole('combobox', { name: 'Find touchpoint' }), 'zzz');
    expect(screen.getByText('No touchpoint named like that')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(useEditor.getState().selection.nodes).toEqual([]);
  });
});

describe('friction notes in the inspector', () => {
  const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });

  it('edits a note’s text in place as one undo step; Escape keeps the old text', async () => {
    const { user } = renderWithStore(<Inspector />, { map: makeMap(), selection: { nodes: ['tp-checkout'] } });
    const item = within(inspector()).getByRole('listitem', { name: 'Payment form is long' });
    await user.click(within(item).getByRole('button', { name: 'Edit “Payment form is long”' }));
    const field = within(inspector()).getByRole('textbox', { name: 'Friction note text' });
    await user.clear(field);
    await user.type(field, 'Payment form asks for the address twice{Enter}');
    expect(nodeOf(currentMap(), 'tp-checkout').friction[0].note).toBe('Payment form asks for the address twice');
    expect(undoSteps()).toBe(1);

    const edited = within(inspector()).getByRole('listitem', { name: 'Payment form asks for the address twice' });
    await user.click(within(edited).getByRole('button', { name: /^Edit/ }));
    await user.type(within(inspector()).getByRole('textbox', { name: 'Friction note text' }), ' (again){Escape}');
    expect(nodeOf(currentMap(), 'tp-checkout').friction[0].note).toBe('Payment form asks for the address twice');
    expect(undoSteps()).toBe(1);
  });

  it('refuses an empty text and keeps the note', async () => {
    const { user } = renderWithStore(<Inspector />, { map: makeMap(), selection: { nodes: ['tp-checkout'] } });
    const item = within(inspector()).getByRole('listitem', { name: 'Payment form is long' });
    await user.click(within(item).getByRole('button', { name: /^Edit/ }));
    const field = within(inspector()).getByRole('textbox', { name: 'Friction note text' });
    await user.clear(field);
    await user.keyboard('{Enter}');
    expect(within(inspector()).getByRole('alert')).toHaveTextContent('A friction note needs some text');
    expect(nodeOf(currentMap(), 'tp-checkout').friction[0].note).toBe('Payment form is long');
  });

  it('changes a note’s severity from its own select', async () => {
    const { user } = renderWithStore(<Inspector />, { map: makeMap(), selection: { nodes: ['tp-checkout'] } });
    await user.selectOptions(within(inspector()).getByLabelText('Severity of “Payment form is long”'), '2');
    expect(nodeOf(currentMap(), 'tp-checkout').friction[0].severity).toBe(2);
  });

  it('resets the Severity select after a note is added', async () => {
    const { user } = renderWithStore(<Inspector />, { map: makeMap(), selection: { nodes: ['tp-web'] } });
    await user.type(within(inspector()).getByLabelText('New friction note'), 'Sizes are unclear');
    await user.selectOptions(within(inspector()).getByLabelText('Severity'), '5');
    await user.click(within(inspector()).getByRole('button', { name: 'Add friction note' }));
    expect(nodeOf(currentMap(), 'tp-web').friction.map((f) => [f.note, f.severity])).toEqual([['Sizes are unclear', 5]]);
    expect(within(inspector()).getByLabelText('Severity')).toHaveValue('3');
    expect(within(inspector()).getByLabelText('New friction note')).toHaveValue('');
  });
});
