// @vitest-environment jsdom
import { ReactFlowProvider } from '@xyflow/react';
import { act, screen } from '@testing-library/react';
import { EdgeFocusList } from '../../src/canvas/EdgeFocusList';
import { useEdgeFocus } from '../../src/canvas/edgeFocus';
import { edgeName, namedEdges } from '../../src/canvas/edgeNames';
import { FlowEdgeMapper } from '../../src/canvas/flowMapping';
import { editorActions } from '../../src/store/editorStore';
import { makeMap, makeMapWithPersonas } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, editorState, undoSteps } from '../support/store';

function renderEdges(map = makeMap()) {
  return renderWithStore(
    <ReactFlowProvider>
      <EdgeFocusList />
    </ReactFlowProvider>,
    { map },
  );
}

const edge = (name: string) => screen.getByRole('button', { name });

describe('edges for the keyboard and screen readers', () => {
  it('are named "<source> to <target>, <the canvas label>", each card’s ways out together in card order', () => {
    renderEdges();
    const names = screen.getAllByRole('button').map((b) => b.textContent);
    // tp-web branches 3 : 1, so its edges show 75% and 25% on the canvas; single ways out show no share.
    expect(names).toEqual(['Search ad to Product page', 'Product page to Checkout, 75% · Add to cart', 'Product page to Leaves, 25%', 'Checkout to Order placed']);
    expect(edge('Product page to Leaves, 25%')).toHaveAttribute('aria-roledescription', 'edge');
    expect(edge('Product page to Leaves, 25%')).toHaveAccessibleDescription(/Delete removes it/);
  });

  it('follow the map: a renamed card and a changed weight rename its edges', () => {
    renderEdges();
    act(() => {
      editorActions.updateNode('tp-web', { label: 'Product page v2' });
      editorActions.updateEdge('e-web-lost', { weight: 3 });
    });
    expect(edge('Product page v2 to Leaves, 50%')).toBeInTheDocument();
    expect(edge('Search ad to Product page v2')).toBeInTheDocument();
  });

  it('use the chosen persona’s shares, as the canvas labels do', () => {
    renderEdges(makeMapWithPersonas());
    act(() => editorActions.choosePersona('persona-new'));
    expect(edge('Product page to Leaves, 50%')).toBeInTheDocument();
  });

  it('Enter selects the edge (again: clears it), focus highlights it, Delete removes it as one undo step', async () => {
    const { user } = renderEdges();
    const web = edge('Product page to Leaves, 25%');
    web.focus();
    expect(useEdgeFocus.getState().id).toBe('e-web-lost');
    await user.keyboard('{Enter}');
    expect(editorState().selection).toEqual({ nodes: [], edges: ['e-web-lost'] });
    expect(web).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Enter}');
    expect(editorState().selection.edges).toEqual([]);
    await user.keyboard('{Escape}');
    expect(undoSteps()).toBe(0);

    act(() => editorActions.select({ nodes: ['tp-checkout'], edges: [] }));
    web.focus();
    await user.keyboard('{Delete}');
    expect(currentMap().edges.map((e) => e.id)).toEqual(['e-entry-web', 'e-web-checkout', 'e-checkout-success']);
    // Only the edge with focus: the selected card stays.
    expect(currentMap().nodes).toHaveLength(5);
    expect(undoSteps()).toBe(1);
    expect(screen.queryByRole('button', { name: /to Leaves/ })).not.toBeInTheDocument();
    web.blur();
    expect(useEdgeFocus.getState().id).toBeNull();
  });
});

describe('edge names and the flow mapping', () => {
  it('edgeName joins the ends and the label text', () => {
    expect(edgeName('Product page', 'Cart', '60%')).toBe('Product page to Cart, 60%');
    expect(edgeName('Product page', 'Cart', '')).toBe('Product page to Cart');
    expect(namedEdges(makeMap(), makeMap())[1]).toEqual({ id: 'e-web-checkout', source: 'tp-web', target: 'tp-checkout', name: 'Product page to Checkout, 75% · Add to cart' });
  });

  it('React Flow’s SVG edges carry no id-based name and are hidden from assistive technology', () => {
    const [flow] = new FlowEdgeMapper().map(makeMap().edges, new Set());
    expect(flow.ariaLabel).toBeNull();
    expect(flow.domAttributes).toEqual({ 'aria-hidden': true });
  });
});
