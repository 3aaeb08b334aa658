// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { Inspector } from '../../src/panels/Inspector';
import { editorActions } from '../../src/store/editorStore';
import { edgeOf, makeMap, nodeOf } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, editorState, undoSteps } from '../support/store';

const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });
const field = (label: string) => within(inspector()).getByLabelText(label);
const node = (id: string) => nodeOf(currentMap(), id);

function renderInspector(selection: { nodes?: string[]; edges?: string[] } = {}) {
  return renderWithStore(<Inspector />, { map: makeMap(), selection });
}

describe('a selected touchpoint', () => {
  it('shows its fields, each found by its label', () => {
    renderInspector({ nodes: ['tp-web'] });
    expect(within(inspector()).getByRole('heading', { name: 'Touchpoint' })).toBeInTheDocument();
    expect(field('Name')).toHaveValue('Product page');
    expect(field('Stage')).toHaveDisplayValue('Consideration');
    expect(field('Channel')).toHaveDisplayValue('Website');
    expect(field('NPS')).toHaveValue('31');
    expect(field('CSAT')).toHaveValue('81');
    expect(field('CES')).toHaveValue('5.6');
    expect(field('Responses')).toHaveValue('412');
    expect(field('Emotion')).toHaveValue('1');
    expect(field('Drop-off')).toHaveValue('');
    expect(field('New friction note')).toHaveValue('');
    expect(field('Severity')).toHaveValue('3');
    expect(within(inspector()).getByRole('button', { name: 'Add friction note' })).toBeInTheDocument();
  });

  it('renames on Enter as one undo step, not per keystroke', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Product detail page');
    expect(node('tp-web').label).toBe('Product page');
    expect(undoSteps()).toBe(0);

    await user.keyboard('{Enter}');
    expect(node('tp-web').label).toBe('Product detail page');
    expect(undoSteps()).toBe(1);

    await user.tab();
    expect(undoSteps()).toBe(1);
    expect(field('Name')).toHaveValue('Product detail page');
  });

  it('renames when focus leaves the field', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Name'));
    await user.type(field('Name'), 'PDP');
    await user.tab();
    expect(node('tp-web').label).toBe('PDP');
    expect(undoSteps()).toBe(1);
  });

  it('Escape throws the draft away', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Oops{Escape}');
    expect(field('Name')).toHaveValue('Product page');
    await user.tab();
    expect(undoSteps()).toBe(0);
  });

  it('refuses a blank name next to the field', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Name'));
    await user.keyboard('{Enter}');
    expect(field('Name')).toHaveAccessibleDescription('A node needs a name');
    expect(node('tp-web').label).toBe('Product page');
    expect(undoSteps()).toBe(0);
  });

  it('refuses CSAT 140 with a message next to the field and keeps the last valid value', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('CSAT'));
    await user.type(field('CSAT'), '140{Enter}');

    expect(field('CSAT')).toHaveAttribute('aria-invalid', 'true');
    expect(field('CSAT')).toHaveAccessibleDescription('CSAT must be between 0 and 100');
    expect(within(inspector()).getByText('CSAT must be between 0 and 100')).toBeVisible();
    expect(node('tp-web').scores?.csat).toBe(81);
    expect(undoSteps()).toBe(0);
    expect(editorState().lastEditError).toBeNull();
    // The refused text stays in the field to be corrected.
    expect(field('CSAT')).toHaveValue('140');
  });

  it('accepts CSAT 72 after a refusal, clearing the message', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('CSAT'));
    await user.type(field('CSAT'), '140{Enter}');
    await user.clear(field('CSAT'));
    await user.type(field('CSAT'), '72{Enter}');

    expect(node('tp-web').scores?.csat).toBe(72);
    expect(undoSteps()).toBe(1);
    expect(field('CSAT')).toHaveAttribute('aria-invalid', 'false');
    expect(within(inspector()).queryByText(/CSAT must be/)).not.toBeInTheDocument();
    expect(field('CSAT')).toHaveValue('72');
  });

  it('refuses NPS "abc" and keeps the last valid NPS', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('NPS'));
    await user.type(field('NPS'), 'abc');
    await user.tab();
    expect(field('NPS')).toHaveAccessibleDescription('NPS must be a number');
    expect(node('tp-web').scores?.nps).toBe(31);
    expect(undoSteps()).toBe(0);
  });

  it('refuses NPS beyond 100 and CES below 1, accepting in-range values', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('NPS'));
    await user.type(field('NPS'), '101{Enter}');
    expect(field('NPS')).toHaveAccessibleDescription('NPS must be between -100 and 100');
    await user.clear(field('CES'));
    await user.type(field('CES'), '0.5{Enter}');
    expect(field('CES')).toHaveAccessibleDescription('CES must be between 1 and 7');
    await user.clear(field('NPS'));
    await user.type(field('NPS'), '-100{Enter}');
    expect(node('tp-web').scores).toMatchObject({ nps: -100, ces: 5.6 });
    expect(undoSteps()).toBe(1);
  });

  it('clears a score when the field is emptied', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('CES'));
    await user.tab();
    expect(node('tp-web').scores).toEqual({ nps: 31, csat: 81, responses: 412 });
    expect(undoSteps()).toBe(1);
  });

  it('takes whole responses only', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Responses'));
    await user.type(field('Responses'), '2.5{Enter}');
    expect(field('Responses')).toHaveAccessibleDescription('Responses must be a whole number');
    await user.clear(field('Responses'));
    await user.type(field('Responses'), '500{Enter}');
    expect(node('tp-web').scores?.responses).toBe(500);
  });

  it('takes the drop-off as a percent: 35 is stored as 0.35', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.type(field('Drop-off'), '35{Enter}');
    expect(node('tp-web').dropOff).toBe(0.35);
    expect(field('Drop-off')).toHaveValue('35');
    expect(undoSteps()).toBe(1);

    await user.clear(field('Drop-off'));
    await user.type(field('Drop-off'), '100{Enter}');
    expect(field('Drop-off')).toHaveAccessibleDescription('Drop-off must be at least 0 and below 100');
    expect(node('tp-web').dropOff).toBe(0.35);

    await user.clear(field('Drop-off'));
    await user.tab();
    expect(node('tp-web')).not.toHaveProperty('dropOff');
    expect(undoSteps()).toBe(2);
  });

  it('changes stage, channel and emotion with the selects, one step each', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.selectOptions(field('Stage'), 'Purchase');
    await user.selectOptions(field('Channel'), 'Phone');
    await user.selectOptions(field('Emotion'), '-2');
    expect(node('tp-web')).toMatchObject({ stage: 'purchase', channel: 'phone', emotion: -2 });
    expect(undoSteps()).toBe(3);

    await user.selectOptions(field('Stage'), 'No stage');
    await user.selectOptions(field('Emotion'), 'Not set');
    expect(node('tp-web')).not.toHaveProperty('stage');
    expect(node('tp-web')).not.toHaveProperty('emotion');
  });

  it('follows undo: fields show the map’s value again', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('CSAT'));
    await user.type(field('CSAT'), '72{Enter}');
    act(() => editorActions.undo());
    expect(field('CSAT')).toHaveValue('81');
  });
});

describe('friction notes in the inspector', () => {
  it('adds a note with the chosen severity', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.type(field('New friction note'), 'Surprise shipping costs');
    await user.selectOptions(field('Severity'), '5');
    await user.selectOptions(field('Severity'), '3');
    await user.click(within(inspector()).getByRole('button', { name: 'Add friction note' }));

    expect(node('tp-web').friction).toEqual([{ id: expect.any(String), note: 'Surprise shipping costs', severity: 3 }]);
    expect(undoSteps()).toBe(1);
    expect(field('New friction note')).toHaveValue('');
    expect(within(inspector()).getByRole('listitem', { name: 'Surprise shipping costs' })).toHaveTextContent('S3');
  });

  it('adds a note on Enter, with another severity', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.selectOptions(field('Severity'), '5 blocking');
    await user.type(field('New friction note'), 'Site down{Enter}');
    expect(node('tp-web').friction).toEqual([{ id: expect.any(String), note: 'Site down', severity: 5 }]);
  });

  it('refuses an empty note', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.type(field('New friction note'), '   ');
    await user.click(within(inspector()).getByRole('button', { name: 'Add friction note' }));
    expect(field('New friction note')).toHaveAccessibleDescription('Write what frustrates the customer first');
    expect(node('tp-web').friction).toEqual([]);
    expect(undoSteps()).toBe(0);
  });

  it('resolves and reopens a note with its toggle', async () => {
    const { user } = renderInspector({ nodes: ['tp-checkout'] });
    const open = within(inspector()).getByRole('listitem', { name: 'Payment form is long' });
    const resolved = within(inspector()).getByRole('listitem', { name: 'Old coupon bug' });
    expect(within(resolved).getByLabelText('Resolve')).toBeChecked();

    const toggle = within(open).getByLabelText('Resolve');
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(node('tp-checkout').friction[0].resolved).toBe(true);
    expect(within(inspector()).getByRole('listitem', { name: 'Payment form is long' })).toHaveClass('is-resolved');
    expect(within(open).getByLabelText('Resolve')).toBeChecked();
    expect(undoSteps()).toBe(1);

    await user.click(within(open).getByLabelText('Resolve'));
    expect(node('tp-checkout').friction[0]).not.toHaveProperty('resolved');
    expect(undoSteps()).toBe(2);
  });

  it('deletes a note', async () => {
    const { user } = renderInspector({ nodes: ['tp-checkout'] });
    const item = within(inspector()).getByRole('listitem', { name: 'Payment form is long' });
    await user.click(within(item).getByRole('button', { name: /^Delete/ }));
    expect(node('tp-checkout').friction.map((f) => f.note)).toEqual(['Old coupon bug']);
    expect(within(inspector()).queryByRole('listitem', { name: 'Payment form is long' })).not.toBeInTheDocument();
    expect(undoSteps()).toBe(1);
  });
});

describe('a selected connection', () => {
  it('shows its weight and label', () => {
    renderInspector({ edges: ['e-web-checkout'] });
    expect(within(inspector()).getByText('Product page → Checkout')).toBeInTheDocument();
    expect(field('Weight')).toHaveValue('3');
    expect(field('Label')).toHaveValue('Add to cart');
    expect(within(inspector()).queryByLabelText('Name')).not.toBeInTheDocument();
  });

  it('refuses weight 0 and keeps the last valid weight', async () => {
    const { user } = renderInspector({ edges: ['e-web-checkout'] });
    await user.clear(field('Weight'));
    await user.type(field('Weight'), '0{Enter}');
    expect(field('Weight')).toHaveAccessibleDescription('Weight must be above 0');
    expect(edgeOf(currentMap(), 'e-web-checkout').weight).toBe(3);
    expect(undoSteps()).toBe(0);

    await user.clear(field('Weight'));
    await user.type(field('Weight'), '2.5{Enter}');
    expect(edgeOf(currentMap(), 'e-web-checkout').weight).toBe(2.5);
    expect(undoSteps()).toBe(1);
  });

  it('gives a negative weight the same message as 0', async () => {
    const { user } = renderInspector({ edges: ['e-web-checkout'] });
    await user.clear(field('Weight'));
    await user.type(field('Weight'), '-1{Enter}');
    expect(field('Weight')).toHaveAccessibleDescription('Weight must be above 0');
    expect(edgeOf(currentMap(), 'e-web-checkout').weight).toBe(3);
  });

  it('refuses an empty weight rather than clearing it', async () => {
    const { user } = renderInspector({ edges: ['e-web-checkout'] });
    await user.clear(field('Weight'));
    await user.tab();
    expect(field('Weight')).toHaveAttribute('aria-invalid', 'true');
    expect(edgeOf(currentMap(), 'e-web-checkout').weight).toBe(3);
  });

  it('changes and removes the label', async () => {
    const { user } = renderInspector({ edges: ['e-web-checkout'] });
    await user.clear(field('Label'));
    await user.type(field('Label'), 'Buys{Enter}');
    expect(edgeOf(currentMap(), 'e-web-checkout').label).toBe('Buys');
    await user.clear(field('Label'));
    await user.tab();
    expect(edgeOf(currentMap(), 'e-web-checkout')).not.toHaveProperty('label');
    expect(undoSteps()).toBe(2);
  });
});

describe('other selections', () => {
  it('an entry shows its share; an outcome its result and no scores or friction', async () => {
    const { user, unmount } = renderInspector({ nodes: ['entry'] });
    expect(field('Share')).toHaveValue('1');
    expect(within(inspector()).queryByLabelText('CSAT')).not.toBeInTheDocument();
    unmount();

    renderInspector({ nodes: ['out-success'] });
    expect(field('Result')).toHaveDisplayValue('Success');
    for (const label of ['NPS', 'Drop-off', 'Emotion', 'New friction note']) {
      expect(within(inspector()).queryByLabelText(label)).not.toBeInTheDocument();
    }
    await user.selectOptions(field('Result'), 'Failure');
    expect(node('out-success').result).toBe('failure');
  });

  it('an entry’s share must be above 0', async () => {
    const { user } = renderInspector({ nodes: ['entry'] });
    for (const text of ['0', '-2']) {
      await user.clear(field('Share'));
      await user.type(field('Share'), `${text}{Enter}`);
      expect(field('Share')).toHaveAccessibleDescription('Share must be above 0');
    }
    expect(node('entry').share).toBe(1);
    await user.clear(field('Share'));
    await user.type(field('Share'), '2.5{Enter}');
    expect(node('entry').share).toBe(2.5);
    expect(undoSteps()).toBe(1);
  });

  it('with nothing selected, edits the map name', async () => {
    const { user } = renderInspector();
    expect(within(inspector()).getByText('5 nodes · 4 connections')).toBeInTheDocument();
    await user.clear(field('Map name'));
    await user.type(field('Map name'), 'Checkout journey{Enter}');
    expect(currentMap().name).toBe('Checkout journey');
    await user.clear(field('Map name'));
    await user.keyboard('{Enter}');
    expect(field('Map name')).toHaveAccessibleDescription('A map needs a name');
    expect(currentMap().name).toBe('Checkout journey');
  });

  it('with several elements selected, deletes them as one step', async () => {
    const { user } = renderInspector({ nodes: ['tp-web', 'out-lost'], edges: ['e-checkout-success'] });
    expect(within(inspector()).getByRole('heading', { name: '2 nodes and 1 connection selected' })).toBeInTheDocument();
    await user.click(within(inspector()).getByRole('button', { name: 'Delete selected' }));
    expect(currentMap().nodes.map((n) => n.id)).toEqual(['entry', 'tp-checkout', 'out-success']);
    expect(currentMap().edges).toEqual([]);
    expect(undoSteps()).toBe(1);
    expect(within(inspector()).getByRole('heading', { name: 'Journey map' })).toBeInTheDocument();
  });

  it('switching the selected node shows that node, dropping an unfinished draft', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Half typed');
    act(() => editorActions.select({ nodes: ['tp-checkout'], edges: [] }));
    expect(field('Name')).toHaveValue('Checkout');
    expect(node('tp-web').label).toBe('Product page');
  });
});
