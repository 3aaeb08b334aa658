// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { createMap } from '../../src/domain/edits';
import type { JourneyMap } from '../../src/domain/types';
import { editorActions } from '../../src/store/editorStore';
import { makeMap, makeNode, nodeOf, xInBand } from '../support/maps';
import { currentMap, undoSteps } from '../support/store';
import { chooseFile, csvFile, openEvidence, renderEvidence, standInForBrowserApis } from './evidenceSetup';

beforeAll(standInForBrowserApis);

/** Search ad → Product page → Cart → Checkout → Order placed, one way on from each. */
function linearMap(): JourneyMap {
  const labels = ['Product page', 'Cart', 'Checkout'];
  return createMap({
    id: 'map-linear',
    name: 'Linear shop',
    nodes: [
      makeNode({ id: 'ad', kind: 'entry', label: 'Search ad', position: { x: xInBand(0), y: 0 }, share: 1 }),
      ...labels.map((label, i) => makeNode({ id: `tp-${i + 1}`, label, position: { x: xInBand(i + 1), y: 0 }, dropOff: 0.1 })),
      makeNode({ id: 'done', kind: 'outcome', label: 'Order placed', position: { x: xInBand(4), y: 0 }, result: 'success' }),
    ],
    edges: [
      { id: 'e-0', source: 'ad', target: 'tp-1', weight: 1 },
      { id: 'e-1', source: 'tp-1', target: 'tp-2', weight: 1 },
      { id: 'e-2', source: 'tp-2', target: 'tp-3', weight: 1 },
      { id: 'e-3', source: 'tp-3', target: 'done', weight: 1 },
    ],
  });
}

const FUNNEL = 'Step,Users\n1. Product page,1000\n2. Cart,400\n3. Checkout,300\n';

const preview = (dialog: HTMLElement) => within(dialog).getByRole('region', { name: 'Preview' });

describe('calibrating from a funnel', () => {
  it('maps the steps to touchpoints, previews new drop-offs against today’s, and calibrates as one undo step', async () => {
    const { user } = renderEvidence(linearMap());
    const dialog = await openEvidence(user);
    await chooseFile(user, dialog, 'Import funnel (CSV)', csvFile('funnel.csv', FUNNEL));
    await within(dialog).findByRole('heading', { name: 'Funnel counts from “funnel.csv”' });
    expect(within(dialog).getByRole('combobox', { name: 'Touchpoint for step 1. Product page' })).toHaveValue('tp-1');
    expect(within(dialog).getByRole('combobox', { name: 'Touchpoint for step 2. Cart' })).toHaveValue('tp-2');
    expect(within(dialog).getByRole('combobox', { name: 'Touchpoint for step 3. Checkout' })).toHaveValue('tp-3');

    const dropOffs = within(preview(dialog)).getByRole('table', { name: 'Drop-offs' });
    expect(within(dropOffs).getByRole('row', { name: /^Product page/ })).toHaveTextContent('Product page10%60%1,000600');
    expect(within(dropOffs).getByRole('row', { name: /^Cart/ })).toHaveTextContent('Cart10%25%400100');
    const steps = within(preview(dialog)).getByRole('table', { name: 'Step to step' });
    expect(within(steps).getByRole('row', { name: /^Product page → Cart/ })).toHaveTextContent('1,00040%90%');
    expect(within(preview(dialog)).getByRole('list', { name: 'Left as it was' })).toHaveTextContent(
      'Checkout: the last step of the funnel, so nothing says how many went on — drop-off left as it was',
    );

    // A step taken out of the map: its counts are not used, and the step before it is no longer determined.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Touchpoint for step 2. Cart' }), 'Not in this map');
    expect(within(preview(dialog)).getByRole('list', { name: 'Left as it was' })).toHaveTextContent('“2. Cart”: not in this map — its counts are not used');
    expect(within(preview(dialog)).getByRole('list', { name: 'Left as it was' })).toHaveTextContent('Product page: the next step is not in this map');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Touchpoint for step 2. Cart' }), 'Cart');

    await user.click(within(dialog).getByRole('button', { name: 'Calibrate' }));
    expect(screen.queryByRole('dialog', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(undoSteps()).toBe(1);
    expect(nodeOf(currentMap(), 'tp-1')).toMatchObject({ dropOff: 0.6, observed: { entered: 1000, left: 600, designed: 0.1 } });
    expect(nodeOf(currentMap(), 'tp-2')).toMatchObject({ dropOff: 0.25, observed: { entered: 400, left: 100 } });
    expect(nodeOf(currentMap(), 'tp-3')).toMatchObject({ dropOff: 0.1 });
    expect(nodeOf(currentMap(), 'tp-3').observed).toBeUndefined();
    expect(currentMap().imports?.funnel?.steps).toEqual([
      { step: '1. Product page', node: 'tp-1' },
      { step: '2. Cart', node: 'tp-2' },
      { step: '3. Checkout', node: 'tp-3' },
    ]);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Calibrated 2 drop-offs from “funnel.csv”');
    expect(notice).toHaveTextContent('the results panel shows designed vs observed');
    expect(notice).toHaveTextContent('Product page: drop-off 10% → 60% (n = 1,000)');

    act(() => editorActions.undo());
    expect(nodeOf(currentMap(), 'tp-1').dropOff).toBe(0.1);
    expect(nodeOf(currentMap(), 'tp-1').observed).toBeUndefined();
  });

  it('calibrates weights and drop-offs from transition counts, and says which moves the map has no connection for', async () => {
    const { user } = renderEvidence(makeMap());
    const dialog = await openEvidence(user);
    const transitions = 'from,to,count\n(start),Search ad,100\nSearch ad,Product page,100\nProduct page,Checkout,60\nProduct page,Leaves,10\nProduct page,(exit),20\nProduct page,Search ad,10\nSearch ad,(exit),0\n';
    await chooseFile(user, dialog, 'Import funnel (CSV)', csvFile('moves.csv', transitions));
    await within(dialog).findByRole('heading', { name: 'Funnel counts from “moves.csv”' });
    const weights = within(preview(dialog)).getByRole('table', { name: 'Connection weights (share of those going on)' });
    expect(within(weights).getByRole('row', { name: /^Product page → Checkout/ })).toHaveTextContent('3 (75%)60 (85.7%)60');
    expect(within(preview(dialog)).getByRole('list', { name: 'Left as it was' })).toHaveTextContent(
      'Product page → Search ad (10 customers): the map has no connection for this move — not added',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Calibrate' }));
    expect(undoSteps()).toBe(1);
    expect(currentMap().edges.find((e) => e.id === 'e-web-checkout')).toMatchObject({ weight: 60, observed: { count: 60, designed: 3 } });
  });
});
