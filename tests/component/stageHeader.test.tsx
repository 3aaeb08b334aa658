// @vitest-environment jsdom
import { ReactFlowProvider } from '@xyflow/react';
import { act, screen, within } from '@testing-library/react';
import { StageBandsLayer } from '../../src/canvas/StageBands';
import { HEADER_TINT, mixWithWhite } from '../../src/canvas/stages/stageColours';
import { preloadStageOverlays } from '../../src/canvas/stages/stageOverlays';
import { COLOUR_PALETTE } from '../../src/domain/types';
import { editorActions } from '../../src/store/editorStore';
import { makeMap, nodeOf } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, editorState, undoSteps } from '../support/store';

/** The bands' layer as the canvas draws it, minus React Flow's viewport portal. */
function renderStages(map = makeMap()) {
  return renderWithStore(
    <ReactFlowProvider>
      <StageBandsLayer />
    </ReactFlowProvider>,
    { map },
  );
}

const header = (name: string) => screen.getByRole('button', { name: `Stage ${name}` });
const options = (name: string) => screen.getByRole('button', { name: `Stage options for ${name}` });
const nameField = () => screen.getByRole('textbox', { name: 'Stage name' });
const menu = () => screen.getByRole('menu');
const item = (name: string) => within(menu()).getByRole('menuitem', { name });
const stageNames = () => currentMap().stages.map((s) => s.name);

// The menu and dialog are loaded after the canvas in the app; here, before the first test.
beforeAll(() => preloadStageOverlays());

describe('renaming a stage in place', () => {
  it('shows each stage as a control named after it, in order', () => {
    renderStages();
    const names = within(screen.getByRole('group', { name: 'Stages' }))
      .getAllByRole('button', { name: /^Stage (?!options)/ })
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Stage Awareness', 'Stage Consideration', 'Stage Purchase', 'Stage Retention', 'Stage Advocacy']);
  });

  it('Enter opens the name field with the name selected; Enter commits as one undo step', async () => {
    const { user } = renderStages();
    header('Awareness').focus();
    await user.keyboard('{Enter}');
    expect(nameField()).toHaveFocus();
    expect(nameField()).toHaveValue('Awareness');
    const input = nameField() as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'Awareness'.length]);

    await user.keyboard('Discover{Enter}');
    expect(stageNames()[0]).toBe('Discover');
    expect(undoSteps()).toBe(1);
    expect(screen.queryByRole('textbox', { name: 'Stage name' })).not.toBeInTheDocument();
    expect(header('Discover')).toHaveFocus();
  });

  it('double-click opens the field; Escape reverts and closes it', async () => {
    const { user } = renderStages();
    await user.dblClick(header('Purchase'));
    expect(nameField()).toHaveValue('Purchase');
    await user.keyboard('Oops{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Stage name' })).not.toBeInTheDocument();
    expect(stageNames()[2]).toBe('Purchase');
    expect(undoSteps()).toBe(0);
    expect(header('Purchase')).toHaveFocus();
  });

  it('commits when focus leaves the field', async () => {
    const { user } = renderStages();
    await user.dblClick(header('Retention'));
    await user.keyboard('Loyalty');
    await user.tab();
    expect(stageNames()[3]).toBe('Loyalty');
    expect(undoSteps()).toBe(1);
  });

  it('refuses a duplicate name with the reason next to the field, which stays open', async () => {
    const { user } = renderStages();
    await user.dblClick(header('Awareness'));
    await user.keyboard('purchase{Enter}');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('There is already a stage named "Purchase"');
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription('There is already a stage named "Purchase"');
    expect(nameField()).toHaveFocus();
    expect(stageNames()[0]).toBe('Awareness');
    expect(undoSteps()).toBe(0);
    // The field shows the reason, so the canvas-wide message is not shown twice.
    expect(editorState().lastEditError).toBeNull();

    await user.clear(nameField());
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('A stage needs a name');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(stageNames()[0]).toBe('Awareness');
  });

  it('keeps keys typed in the field away from canvas shortcuts', async () => {
    const { user } = renderStages();
    const shortcuts = vi.fn();
    window.addEventListener('keydown', shortcuts);
    try {
      await user.dblClick(header('Awareness'));
      await user.keyboard('{Backspace}x{Delete}{Control>}z{/Control}{Escape}');
      expect(shortcuts).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener('keydown', shortcuts);
    }
  });
});

describe('the stage options menu', () => {
  it('is a menu button: Enter opens it on the first item, arrows, Home and End move, Escape returns focus', async () => {
    const { user } = renderStages();
    const button = options('Awareness');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(menu()).toHaveAccessibleName('Stage options for Awareness');
    expect(within(menu()).getAllByRole('menuitem').map((m) => m.textContent)).toEqual([
      'Rename',
      'Move left',
      'Move right',
      'Insert stage after',
      'Delete stage',
    ]);
    expect(within(menu()).getAllByRole('menuitemradio').map((m) => m.getAttribute('aria-label'))).toEqual([
      'No colour',
      ...COLOUR_PALETTE.map((c) => `Colour ${c.name}`),
    ]);
    expect(item('Rename')).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(item('Move left')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('Insert stage after')).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Colour Indigo' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Rename')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Colour Indigo' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Rename')).toHaveFocus();
    await user.keyboard('d');
    expect(item('Delete stage')).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    expect(undoSteps()).toBe(0);
  });

  it('ArrowUp on the button opens the menu on its last item; a click outside closes it', async () => {
    const { user } = renderStages();
    options('Consideration').focus();
    await user.keyboard('{ArrowUp}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Colour Indigo' })).toHaveFocus();
    await user.click(document.body);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('Rename opens the name field', async () => {
    const { user } = renderStages();
    await user.click(options('Advocacy'));
    await user.click(item('Rename'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(nameField()).toHaveFocus();
    await user.keyboard('Referral{Enter}');
    expect(stageNames()[4]).toBe('Referral');
  });

  it('Move right and Move left reorder the stages, each as one undo step, and their nodes go along', async () => {
    const { user } = renderStages();
    const xBefore = nodeOf(currentMap(), 'tp-checkout').position.x;
    await user.click(options('Purchase'));
    await user.click(item('Move right'));
    expect(stageNames()).toEqual(['Awareness', 'Consideration', 'Retention', 'Purchase', 'Advocacy']);
    expect(nodeOf(currentMap(), 'tp-checkout').position.x).toBe(xBefore + 280);
    expect(undoSteps()).toBe(1);
    expect(options('Purchase')).toHaveFocus();
    // The headers follow the new order.
    const order = screen.getAllByRole('button', { name: /^Stage (?!options)/ }).map((b) => b.getAttribute('aria-label'));
    expect(order.slice(2, 4)).toEqual(['Stage Retention', 'Stage Purchase']);

    await user.keyboard('{Enter}');
    await user.click(item('Move left'));
    await user.click(options('Purchase'));
    await user.click(item('Move left'));
    expect(stageNames()).toEqual(['Awareness', 'Purchase', 'Consideration', 'Retention', 'Advocacy']);
    expect(undoSteps()).toBe(3);
  });

  it('Move left is disabled on the first stage, Move right on the last', async () => {
    const { user } = renderStages();
    await user.click(options('Awareness'));
    expect(item('Move left')).toHaveAttribute('aria-disabled', 'true');
    expect(item('Move right')).not.toHaveAttribute('aria-disabled');
    await user.click(item('Move left'));
    expect(stageNames()[0]).toBe('Awareness');
    await user.keyboard('{Escape}');

    await user.click(options('Advocacy'));
    expect(item('Move right')).toHaveAttribute('aria-disabled', 'true');
    expect(item('Move left')).not.toHaveAttribute('aria-disabled');
    expect(undoSteps()).toBe(0);
  });

  it('Insert stage after adds a stage after this one and opens its name field', async () => {
    const { user } = renderStages();
    await user.click(options('Purchase'));
    await user.click(item('Insert stage after'));
    expect(stageNames()).toEqual(['Awareness', 'Consideration', 'Purchase', 'New stage', 'Retention', 'Advocacy']);
    expect(nameField()).toHaveFocus();
    expect(nameField()).toHaveValue('New stage');
    await user.keyboard('Delivery{Enter}');
    expect(stageNames()[3]).toBe('Delivery');
    expect(undoSteps()).toBe(2);
  });

  it('a colour choice sets the stage colour; No colour takes it away', async () => {
    const { user } = renderStages();
    await user.click(options('Consideration'));
    expect(within(menu()).getByRole('menuitemradio', { name: 'No colour' })).toHaveAttribute('aria-checked', 'true');
    await user.click(within(menu()).getByRole('menuitemradio', { name: 'Colour Blue' }));
    expect(currentMap().stages[1].colour).toBe('#1d4ed8');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(options('Consideration')).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Colour Blue' })).toHaveAttribute('aria-checked', 'true');
    expect(within(menu()).getByRole('menuitemradio', { name: 'No colour' })).toHaveAttribute('aria-checked', 'false');
    await user.click(within(menu()).getByRole('menuitemradio', { name: 'No colour' }));
    expect(currentMap().stages[1]).not.toHaveProperty('colour');
    expect(undoSteps()).toBe(2);
  });
});

describe('deleting a stage', () => {
  it('asks where the nodes of a stage that holds some go, and moves them to the chosen neighbour', async () => {
    const { user } = renderStages();
    await user.click(options('Retention'));
    await user.click(item('Delete stage'));
    const dialog = screen.getByRole('dialog', { name: 'Delete stage Retention' });
    expect(within(dialog).getByText('Stage Retention holds 2 nodes.')).toBeInTheDocument();
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Move them to Purchase',
      'Move them to Advocacy',
      'Cancel',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Move them to Purchase' })).toHaveFocus();
    expect(stageNames()).toContain('Retention');

    await user.click(within(dialog).getByRole('button', { name: 'Move them to Purchase' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(stageNames()).toEqual(['Awareness', 'Consideration', 'Purchase', 'Advocacy']);
    expect(nodeOf(currentMap(), 'out-success').stage).toBe('purchase');
    expect(nodeOf(currentMap(), 'out-lost').stage).toBe('purchase');
    expect(currentMap().nodes).toHaveLength(5);
    expect(undoSteps()).toBe(1);
    expect(header('Purchase')).toHaveFocus();

    act(() => editorActions.undo());
    expect(stageNames()).toContain('Retention');
    expect(nodeOf(currentMap(), 'out-lost').stage).toBe('retention');
  });

  it('Cancel and Escape keep the stage and give focus back to the options button', async () => {
    const { user } = renderStages();
    await user.click(options('Purchase'));
    await user.click(item('Delete stage'));
    const dialog = screen.getByRole('dialog', { name: 'Delete stage Purchase' });
    expect(within(dialog).getByText('Stage Purchase holds 1 node.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(options('Purchase')).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.click(item('Delete stage'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(options('Purchase')).toHaveFocus();
    expect(stageNames()).toContain('Purchase');
    expect(undoSteps()).toBe(0);
  });

  it('offers only the right neighbour for the first stage', async () => {
    const { user } = renderStages();
    await user.click(options('Awareness'));
    await user.click(item('Delete stage'));
    const dialog = screen.getByRole('dialog', { name: 'Delete stage Awareness' });
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Move it to Consideration', 'Cancel']);
    await user.click(within(dialog).getByRole('button', { name: 'Move it to Consideration' }));
    expect(nodeOf(currentMap(), 'entry').stage).toBe('consideration');
    expect(stageNames()[0]).toBe('Consideration');
  });

  it('deletes an empty stage at once, says so politely, and Ctrl+Z (undo) brings it back', async () => {
    const { user } = renderStages();
    await user.click(options('Advocacy'));
    await user.click(item('Delete stage'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(stageNames()).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention']);
    expect(header('Retention')).toHaveFocus();
    expect(editorState().notices).toEqual([expect.objectContaining({ kind: 'info', text: 'Deleted stage Advocacy. Ctrl+Z brings it back.' })]);

    act(() => editorActions.undo());
    expect(stageNames()).toContain('Advocacy');
    expect(header('Advocacy')).toBeInTheDocument();
  });

  it('cannot delete the last stage', async () => {
    const map = makeMap({ stages: [{ id: 'only', name: 'Everything' }] });
    map.nodes = map.nodes.map((n) => ({ ...n, stage: 'only' }));
    const { user } = renderStages(map);
    await user.click(options('Everything'));
    expect(item('Delete stage')).toHaveAttribute('aria-disabled', 'true');
    expect(item('Move left')).toHaveAttribute('aria-disabled', 'true');
    expect(item('Move right')).toHaveAttribute('aria-disabled', 'true');
    await user.click(item('Delete stage'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(stageNames()).toEqual(['Everything']);
    expect(undoSteps()).toBe(0);
  });
});

describe('adding a stage', () => {
  it('"Add stage" adds "New stage" at the end and opens its name field', async () => {
    const { user } = renderStages();
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    expect(stageNames()).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy', 'New stage']);
    expect(nameField()).toHaveFocus();
    expect(nameField()).toHaveValue('New stage');
    await user.keyboard('Referral{Enter}');
    expect(stageNames()[5]).toBe('Referral');
    expect(header('Referral')).toHaveFocus();
    expect(undoSteps()).toBe(2);
  });
});

describe('stage colours', () => {
  it('draws the band and header of a coloured stage in its colour', () => {
    const map = makeMap();
    map.stages[2] = { ...map.stages[2], colour: '#0f766e' };
    renderStages(map);
    const band = header('Purchase').closest('.jd-stage') as HTMLElement;
    expect(band).toHaveClass('has-colour');
    expect(band.style.getPropertyValue('--stage-colour')).toBe('#0f766e');
    expect(header('Awareness').closest('.jd-stage')).not.toHaveClass('has-colour');
  });

  it('keeps every palette colour readable (4.5:1) as the name on the header tint and on white', () => {
    for (const { name, hex } of COLOUR_PALETTE) {
      expect(contrast(hex, mixWithWhite(hex, HEADER_TINT)), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(hex, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});

function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
