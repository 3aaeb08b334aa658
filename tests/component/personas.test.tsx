// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import { useShortcuts } from '../../src/app/useShortcuts';
import { nodeTypes } from '../../src/canvas/nodes/JourneyNodes';
import type { JourneyMap, Persona } from '../../src/domain/types';
import { Inspector } from '../../src/panels/Inspector';
import { PersonasButton } from '../../src/panels/personas/PersonasButton';
import { PersonaSwitcher } from '../../src/panels/personas/PersonaSwitcher';
import { editorActions } from '../../src/store/editorStore';
import { selectEdgeShare, selectViewedNode } from '../../src/store/selectors';
import { edgeOf, makeMap, nodeOf } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, editorState, undoSteps } from '../support/store';
import { standInForModalDialogs } from '../support/dialogs';

beforeAll(standInForModalDialogs);

const FIRST_TIME = 'persona-first';
const RETURNING = 'persona-returning';

function persona(init: Partial<Persona> & Pick<Persona, 'id' | 'name'>): Persona {
  return { share: 1, nodes: [], edges: [], ...init };
}

/** The test map with two personas; the first-time buyer already overrides three values. */
function mapWithPersonas(): JourneyMap {
  return makeMap({
    personas: [
      persona({
        id: FIRST_TIME,
        name: 'First-time buyer',
        colour: '#c2410c',
        share: 60,
        nodes: [{ node: 'tp-web', dropOff: 0.4, emotion: -1 }],
        edges: [{ edge: 'e-web-lost', weight: 3 }],
      }),
      persona({ id: RETURNING, name: 'Returning customer', colour: '#0f766e', share: 40 }),
    ],
  });
}

const personaOf = (id: string) => {
  const found = currentMap().personas.find((p) => p.id === id);
  if (!found) throw new Error(`no persona ${id}`);
  return found;
};

/** The toolbar button as the app has it, with the app's undo shortcuts. */
function Toolbar() {
  useShortcuts();
  return <PersonasButton />;
}

async function openPersonas(map: JourneyMap = makeMap()) {
  const result = renderWithStore(<Toolbar />, { map });
  await result.user.click(screen.getByRole('button', { name: 'Personas' }));
  const dialog = await screen.findByRole('dialog', { name: 'Personas' });
  return { ...result, dialog };
}

describe('the Personas dialog', () => {
  it('adds personas with a share, shows each as a part of all customers, one undo step each', async () => {
    const { user, dialog } = await openPersonas();
    expect(within(dialog).getByText(/No personas yet/)).toBeInTheDocument();
    const name = within(dialog).getByRole('textbox', { name: 'Persona name' });
    expect(name).toHaveFocus();

    await user.type(name, 'First-time buyer');
    await user.type(within(dialog).getByRole('textbox', { name: 'Share' }), '60');
    await user.click(within(dialog).getByRole('button', { name: 'Add persona' }));
    await user.type(name, 'Returning customer');
    await user.type(within(dialog).getByRole('textbox', { name: 'Share' }), '40{Enter}');

    expect(currentMap().personas.map((p) => [p.name, p.share])).toEqual([
      ['First-time buyer', 60],
      ['Returning customer', 40],
    ]);
    expect(undoSteps()).toBe(2);
    expect(name).toHaveValue('');
    expect(name).toHaveFocus();
    const rows = within(within(dialog).getByRole('list', { name: 'Personas of this map' })).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('textbox', { name: 'Share of First-time buyer' })).toHaveValue('60');
    expect(within(rows[0]).getByText('60%')).toBeInTheDocument();
    expect(within(rows[1]).getByText('40%')).toBeInTheDocument();
    // The two get different colours, so they are told apart on the canvas.
    expect(personaOf(currentMap().personas[0].id).colour).not.toBe(currentMap().personas[1].colour);
  });

  it('gives a new persona an equal part by default and explains a refused name in an alert', async () => {
    const { user, dialog } = await openPersonas(mapWithPersonas());
    const share = within(dialog).getByRole('textbox', { name: 'Share' });
    expect(share).toHaveAttribute('placeholder', '50');
    const name = within(dialog).getByRole('textbox', { name: 'Persona name' });
    await user.type(name, 'first-time BUYER{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is already a persona called "first-time BUYER"');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(currentMap().personas).toHaveLength(2);
    expect(undoSteps()).toBe(0);

    await user.clear(name);
    await user.type(name, 'Mobile-first shopper');
    await user.type(share, '0{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Share must be above 0');
    await user.clear(share);
    await user.click(within(dialog).getByRole('button', { name: 'Add persona' }));
    expect(currentMap().personas.map((p) => [p.name, p.share])).toEqual([
      ['First-time buyer', 60],
      ['Returning customer', 40],
      ['Mobile-first shopper', 50],
    ]);
    expect(within(dialog).getByText('33%')).toBeInTheDocument();
  });

  it('renames, describes, recolours and reweighs in place, each change one undo step; Escape reverts a draft', async () => {
    const { user, dialog } = await openPersonas(mapWithPersonas());
    const rename = within(dialog).getByRole('textbox', { name: 'Name of First-time buyer' });
    await user.clear(rename);
    await user.type(rename, 'New customer{Enter}');
    expect(personaOf(FIRST_TIME).name).toBe('New customer');
    expect(undoSteps()).toBe(1);

    const share = within(dialog).getByRole('textbox', { name: 'Share of Returning customer' });
    await user.clear(share);
    await user.type(share, '140');
    await user.tab();
    expect(personaOf(RETURNING).share).toBe(140);
    expect(within(dialog).getByText('70%')).toBeInTheDocument();
    expect(within(dialog).getByText('30%')).toBeInTheDocument();
    expect(undoSteps()).toBe(2);

    const description = within(dialog).getByRole('textbox', { name: 'Description of Returning customer' });
    await user.type(description, 'Knows the sizes, has a saved card{Enter}');
    expect(personaOf(RETURNING).description).toBe('Knows the sizes, has a saved card');

    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'Colour of Returning customer' })).getByRole('radio', { name: 'Purple' }));
    expect(personaOf(RETURNING).colour).toBe('#7e22ce');
    expect(undoSteps()).toBe(4);

    await user.clear(share);
    await user.type(share, 'lots{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Share must be a number');
    await user.keyboard('{Escape}');
    expect(share).toHaveValue('140');
    expect(screen.getByRole('dialog', { name: 'Personas' })).toBeInTheDocument();
    expect(undoSteps()).toBe(4);
  });

  it('asks before deleting, naming how many overrides go with the persona, and offers Undo', async () => {
    const { user, dialog } = await openPersonas(mapWithPersonas());
    await user.click(within(dialog).getByRole('button', { name: 'Delete First-time buyer' }));
    const confirm = within(dialog).getByRole('group', { name: 'Delete First-time buyer' });
    expect(confirm).toHaveTextContent('Delete First-time buyer and its 3 overrides?');
    expect(currentMap().personas).toHaveLength(2);

    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).queryByRole('group', { name: 'Delete First-time buyer' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Delete First-time buyer' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Delete First-time buyer' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete persona and 3 overrides' }));
    expect(currentMap().personas.map((p) => p.name)).toEqual(['Returning customer']);
    expect(undoSteps()).toBe(1);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Deleted “First-time buyer” and its 3 overrides.');
    expect(within(dialog).getByRole('button', { name: 'Delete Returning customer' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(currentMap().personas.map((p) => p.name)).toEqual(['First-time buyer', 'Returning customer']);
    expect(personaOf(FIRST_TIME).nodes).toEqual([{ node: 'tp-web', dropOff: 0.4, emotion: -1 }]);
  });

  it('keeps Tab inside: from the last control to Close and back', async () => {
    const { user, dialog } = await openPersonas(mapWithPersonas());
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const controls = Array.from(dialog.querySelectorAll<HTMLElement>('button, input, select, textarea')).filter((c) => !(c as HTMLButtonElement).disabled);
    expect(controls[0]).toBe(close);
    const last = controls[controls.length - 1];
    last.focus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
  });

  it('closes with Escape and gives focus back to the toolbar button', async () => {
    const { user } = await openPersonas(mapWithPersonas());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Personas' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Personas' })).toHaveFocus();
  });
});

describe('the persona switcher', () => {
  it('is not shown on a map without personas', () => {
    renderWithStore(<PersonaSwitcher />, { map: makeMap() });
    expect(screen.queryByRole('combobox', { name: 'Persona' })).toBeNull();
  });

  it('offers "All customers" first, then each persona, and sets whose view the canvas shows', async () => {
    const { user } = renderWithStore(<PersonaSwitcher />, { map: mapWithPersonas() });
    const select = await screen.findByRole('combobox', { name: 'Persona' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All customers', 'First-time buyer', 'Returning customer']);
    expect(select).toHaveDisplayValue('All customers');

    await user.selectOptions(select, 'First-time buyer');
    expect(editorState().persona).toBe(FIRST_TIME);
    expect(undoSteps()).toBe(0);
    await user.selectOptions(select, 'All customers');
    expect(editorState().persona).toBeNull();
  });

  it('appears once the first persona is added and goes back to all customers when its persona is deleted', async () => {
    renderWithStore(<PersonaSwitcher />, { map: makeMap() });
    const { personaActions } = await import('../../src/store/personaActions');
    act(() => void personaActions.addPersona({ name: 'First-time buyer', id: FIRST_TIME }));
    const select = await screen.findByRole('combobox', { name: 'Persona' });
    act(() => editorActions.choosePersona(FIRST_TIME));
    expect(select).toHaveDisplayValue('First-time buyer');
    act(() => void personaActions.removePersona(FIRST_TIME));
    expect(screen.queryByRole('combobox', { name: 'Persona' })).toBeNull();
    expect(editorState().persona).toBeNull();
  });
});

const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });
const field = (label: string) => within(inspector()).getByLabelText(label);

function renderInspector(selection: { nodes?: string[]; edges?: string[] }, chosen: string | null = FIRST_TIME) {
  const result = renderWithStore(<Inspector />, { map: mapWithPersonas(), selection });
  act(() => editorActions.choosePersona(chosen));
  return result;
}

describe('the Inspector with a persona chosen', () => {
  it('says whose values it edits and which fields are the persona’s', () => {
    renderInspector({ nodes: ['tp-web'] });
    const banner = within(inspector()).getByRole('note', { name: 'Editing persona First-time buyer' });
    expect(banner).toHaveTextContent('Editing persona: First-time buyer — values below marked ‘override’ apply to this persona only.');
    expect(banner).toHaveTextContent('Drop-off and emotion can differ for this persona; the other fields change the map, for all customers.');
  });

  it('shows the persona’s overrides marked "Override", and resets one to the map value in one undo step', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    expect(field('Drop-off')).toHaveValue('40');
    expect(field('Emotion')).toHaveDisplayValue('−1 annoyed');
    expect(within(inspector()).getAllByText('Override')).toHaveLength(2);
    expect(field('Drop-off')).toHaveAccessibleDescription('Map value: from friction');

    await user.click(within(inspector()).getByRole('button', { name: 'Reset drop-off to map value' }));
    expect(personaOf(FIRST_TIME).nodes).toEqual([{ node: 'tp-web', emotion: -1 }]);
    expect(undoSteps()).toBe(1);
    expect(field('Drop-off')).toHaveValue('');
    expect(within(inspector()).getAllByText('Override')).toHaveLength(1);
    expect(within(inspector()).queryByRole('button', { name: 'Reset drop-off to map value' })).toBeNull();

    act(() => editorActions.undo());
    expect(personaOf(FIRST_TIME).nodes).toEqual([{ node: 'tp-web', dropOff: 0.4, emotion: -1 }]);
    expect(field('Drop-off')).toHaveValue('40');
  });

  it('sets an override where the persona had none, leaving the map as it was; undo takes it back in one step', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] }, RETURNING);
    expect(field('Emotion')).toHaveDisplayValue('As the map (+1 pleased)');
    expect(field('Drop-off')).toHaveValue('');
    expect(within(inspector()).queryByText('Override')).toBeNull();
    expect(field('Drop-off')).toHaveAccessibleDescription('The map’s value; a change applies to Returning customer only');

    await user.type(field('Drop-off'), '25{Enter}');
    expect(personaOf(RETURNING).nodes).toEqual([{ node: 'tp-web', dropOff: 0.25 }]);
    expect(nodeOf(currentMap(), 'tp-web').dropOff).toBeUndefined();
    expect(within(inspector()).getByText('Override')).toBeInTheDocument();
    expect(undoSteps()).toBe(1);

    await user.selectOptions(field('Emotion'), '+2 delighted');
    expect(personaOf(RETURNING).nodes).toEqual([{ node: 'tp-web', dropOff: 0.25, emotion: 2 }]);
    expect(nodeOf(currentMap(), 'tp-web').emotion).toBe(1);
    expect(undoSteps()).toBe(2);

    await user.selectOptions(field('Emotion'), 'As the map (+1 pleased)');
    expect(personaOf(RETURNING).nodes).toEqual([{ node: 'tp-web', dropOff: 0.25 }]);

    act(() => editorActions.undo());
    act(() => editorActions.undo());
    expect(personaOf(RETURNING).nodes).toEqual([{ node: 'tp-web', dropOff: 0.25 }]);
    act(() => editorActions.undo());
    expect(personaOf(RETURNING).nodes).toEqual([]);
    expect(field('Drop-off')).toHaveValue('');
  });

  it('refuses an invalid override next to the field and keeps the persona as it was', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Drop-off'));
    await user.type(field('Drop-off'), '100{Enter}');
    expect(within(inspector()).getByText('Drop-off must be at least 0 and below 100')).toBeInTheDocument();
    expect(personaOf(FIRST_TIME).nodes).toEqual([{ node: 'tp-web', dropOff: 0.4, emotion: -1 }]);
    expect(undoSteps()).toBe(0);
  });

  it('still edits the map for fields a persona cannot override', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Product detail page{Enter}');
    expect(nodeOf(currentMap(), 'tp-web').label).toBe('Product detail page');
    expect(personaOf(FIRST_TIME).nodes).toEqual([{ node: 'tp-web', dropOff: 0.4, emotion: -1 }]);
  });

  it('edits an entry’s share for the persona', async () => {
    const { user } = renderInspector({ nodes: ['entry'] });
    expect(within(inspector()).getByRole('note', { name: 'Editing persona First-time buyer' })).toHaveTextContent('Share and drop-off can differ');
    expect(field('Share')).toHaveValue('1');
    await user.clear(field('Share'));
    await user.type(field('Share'), '3{Enter}');
    expect(personaOf(FIRST_TIME).nodes).toContainEqual({ node: 'entry', share: 3 });
    expect(nodeOf(currentMap(), 'entry').share).toBe(1);
    expect(field('Share')).toHaveAccessibleDescription('Map value: 1');
  });

  it('edits a connection’s weight for the persona, and the canvas share follows', async () => {
    const { user } = renderInspector({ edges: ['e-web-checkout'] });
    expect(within(inspector()).getByRole('note', { name: 'Editing persona First-time buyer' })).toHaveTextContent('Weight can differ');
    expect(field('Weight')).toHaveValue('3');
    // The first-time buyer already weighs the other way out 3: 3 against 3.
    expect(selectEdgeShare('e-web-checkout')(editorState())).toBe(0.5);
    await user.clear(field('Weight'));
    await user.type(field('Weight'), '9{Enter}');
    expect(personaOf(FIRST_TIME).edges).toEqual([
      { edge: 'e-web-lost', weight: 3 },
      { edge: 'e-web-checkout', weight: 9 },
    ]);
    expect(edgeOf(currentMap(), 'e-web-checkout').weight).toBe(3);
    expect(selectEdgeShare('e-web-checkout')(editorState())).toBe(0.75);
    expect(within(inspector()).getByText('Override')).toBeInTheDocument();

    await user.click(within(inspector()).getByRole('button', { name: 'Reset weight to map value' }));
    expect(field('Weight')).toHaveValue('3');
    expect(selectEdgeShare('e-web-checkout')(editorState())).toBe(0.5);
    act(() => editorActions.choosePersona(null));
    expect(selectEdgeShare('e-web-checkout')(editorState())).toBe(0.75);
    expect(within(inspector()).queryByRole('note')).toBeNull();
    expect(field('Weight')).toHaveValue('3');
  });

  it('offers a way back to all customers', async () => {
    const { user } = renderInspector({ nodes: ['tp-web'] });
    await user.click(within(inspector()).getByRole('button', { name: 'Show all customers' }));
    expect(editorState().persona).toBeNull();
    expect(field('Drop-off')).toHaveValue('');
    expect(field('Emotion')).toHaveDisplayValue('+1 pleased');
  });
});

describe('a card on the canvas with a persona chosen', () => {
  const Touchpoint = nodeTypes.touchpoint as ComponentType<Partial<NodeProps>>;

  it('shows the persona’s emotion and marks what differs from the map; nothing changes without a persona', async () => {
    const map = mapWithPersonas();
    renderWithStore(
      <ReactFlowProvider>
        <Touchpoint id="tp-web" selected={false} />
      </ReactFlowProvider>,
      { map },
    );
    expect(screen.getByRole('img', { name: 'Emotion: positive' })).toBeInTheDocument();
    // Without a persona the card reads the map's own node object.
    expect(selectViewedNode('tp-web')(editorState())).toBe(nodeOf(currentMap(), 'tp-web'));

    act(() => editorActions.choosePersona(FIRST_TIME));
    expect(screen.getByRole('img', { name: 'Emotion: negative' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'First-time buyer: drop-off 40% (map from friction), emotion −1 (map +1)' })).toBeInTheDocument();

    act(() => editorActions.choosePersona(RETURNING));
    expect(screen.getByRole('img', { name: 'Emotion: positive' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /^First-time buyer/ })).toBeNull();
  });
});
