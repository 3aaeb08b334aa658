// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { EmotionLaneLayer, EmotionLaneToggle } from '../../src/canvas/emotion/EmotionLane';
import { addPersona, setNodeOverride } from '../../src/domain/personas';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../src/domain/types';
import { editorActions } from '../../src/store/editorStore';
import { resetViewPrefs, useViewPrefs } from '../../src/store/viewPrefs';
import { makeMap, nodeOf } from '../support/maps';
import { renderWithStore } from '../support/render';
import { editorState, undoSteps } from '../support/store';

/** The lane as the canvas draws it (minus React Flow's viewport portal), with its show/hide control. */
function renderLane(map: JourneyMap = { ...onlineStoreSample(), personas: [] }) {
  return renderWithStore(
    <ReactFlowProvider>
      <EmotionLaneLayer />
      <EmotionLaneToggle />
    </ReactFlowProvider>,
    { map },
  );
}

const lane = () => screen.getByRole('group', { name: 'Emotion curve' });
const points = () => within(lane()).getAllByRole('button').map((b) => b.getAttribute('aria-label'));
const toggle = () => screen.getByRole('button', { name: 'Emotion curve' });

beforeEach(() => resetViewPrefs());

describe('the emotion curve lane', () => {
  it('shows one point per touchpoint with an emotion, in journey order, named with its emotion', () => {
    renderLane();
    expect(within(lane()).getByText('Emotion curve')).toBeInTheDocument();
    expect(points()).toEqual([
      'Product page: emotion +1',
      'Live chat: emotion 0',
      'Cart: emotion 0',
      'Checkout payment: emotion −2, moment of truth',
      'Delivery updates: emotion +1',
      'Delivery support chat: emotion −1',
      'Thank-you email: emotion +1',
    ]);
  });

  it('labels the scale from delighted to angry and marks the moment of truth', () => {
    renderLane();
    const scale = within(lane()).getByRole('list', { name: 'Emotion scale' });
    expect(within(scale).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['+2 delighted', '+1 pleased', '0 neutral', '−1 annoyed', '−2 angry']);
    expect(within(lane()).getAllByText('Moment of truth')).toHaveLength(1);
    expect(within(lane()).getByRole('button', { name: /^Checkout payment/ })).toHaveClass('is-truth');
  });

  it('selects the touchpoint when its point is clicked, without an undo step', async () => {
    const { user } = renderLane();
    await user.click(within(lane()).getByRole('button', { name: /^Checkout payment/ }));
    expect(editorState().selection).toEqual({ nodes: ['checkout-payment'], edges: [] });
    expect(undoSteps()).toBe(0);
    expect(within(lane()).getByRole('button', { name: /^Checkout payment/ })).toHaveClass('is-selected');
  });

  it('follows edits: a new emotion adds a point, and the line is redrawn', () => {
    renderLane(makeMap());
    expect(points()).toEqual(['Product page: emotion +1']);
    act(() => void editorActions.updateNode('tp-checkout', { emotion: -1 }));
    expect(points()).toEqual(['Product page: emotion +1', 'Checkout: emotion −1, moment of truth']);
    expect(lane().querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+C/);
  });

  it('asks for emotions when no touchpoint has one', () => {
    const map = makeMap();
    delete nodeOf(map, 'tp-web').emotion;
    renderLane(map);
    expect(within(lane()).queryAllByRole('button')).toEqual([]);
    expect(within(lane()).getByText(/Set an emotion on a touchpoint/)).toBeInTheDocument();
  });
});

describe('personas', () => {
  function mapWithPersonas() {
    const map = makeMap();
    nodeOf(map, 'tp-checkout').emotion = 0;
    const shopper = addPersona(map, { name: 'Mobile-first shopper', colour: '#be185d' });
    const regular = addPersona(map, { name: 'Loyal regular', colour: '#0f766e' });
    setNodeOverride(map, shopper, 'tp-checkout', 'emotion', -2);
    return { map, shopper, regular };
  }

  it('with all customers, draws each persona’s curve in its colour, with a legend', () => {
    renderLane(mapWithPersonas().map);
    const legend = within(lane()).getByRole('list', { name: 'Personas' });
    expect(within(legend).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Mobile-first shopper', 'Loyal regular']);
    expect(points()).toEqual([
      'Product page (Mobile-first shopper): emotion +1',
      'Checkout (Mobile-first shopper): emotion −2, moment of truth',
      'Product page (Loyal regular): emotion +1',
      'Checkout (Loyal regular): emotion 0',
    ]);
    expect([...lane().querySelectorAll('path')].map((p) => p.getAttribute('stroke'))).toEqual(['#be185d', '#0f766e']);
  });

  it('with a persona chosen, draws only that persona’s curve, and no legend', () => {
    const { map, regular } = mapWithPersonas();
    renderLane(map);
    act(() => editorActions.choosePersona(regular));
    expect(within(lane()).queryByRole('list', { name: 'Personas' })).toBeNull();
    expect(within(lane()).getByText('Loyal regular')).toBeInTheDocument();
    expect(points()).toEqual(['Product page: emotion +1', 'Checkout: emotion 0']);
    expect([...lane().querySelectorAll('path')].map((p) => p.getAttribute('stroke'))).toEqual(['#0f766e']);
  });
});

describe('hiding the lane', () => {
  it('the control hides and shows it, remembers the choice, and leaves the map and its history alone', async () => {
    const { user } = renderLane();
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    const map = editorState().map;

    await user.click(toggle());
    expect(screen.queryByRole('group', { name: 'Emotion curve' })).toBeNull();
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(JSON.parse(localStorage.getItem('journey-designer:view') ?? '{}')).toEqual({ emotionCurve: false });
    expect(editorState().map).toBe(map);
    expect(undoSteps()).toBe(0);

    await user.click(toggle());
    expect(lane()).toBeInTheDocument();
    expect(useViewPrefs.getState().emotionCurve).toBe(true);
  });
});
