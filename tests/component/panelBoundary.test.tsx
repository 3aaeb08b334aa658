// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { PanelBoundary } from '../../src/app/PanelBoundary';
import { editorActions, useEditor } from '../../src/store/editorStore';
import { makeMap } from '../support/maps';
import { loadStore } from '../support/store';

let failing = true;
function Fragile() {
  const name = useEditor((s) => s.map.name);
  if (failing) throw new RangeError('Invalid time value');
  return <p>{name}</p>;
}

function Sibling() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count}
    </button>
  );
}

describe('PanelBoundary', () => {
  beforeEach(() => {
    failing = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows a recoverable message in place of a failing panel; the rest of the page and the map stay', async () => {
    loadStore(makeMap({ name: 'Kept map' }));
    const user = userEvent.setup();
    render(
      <>
        <PanelBoundary name="The map library">
          <Fragile />
        </PanelBoundary>
        <Sibling />
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The map library hit an unexpected problem (Invalid time value). Your map is safe');
    // The page still works, and so does the map.
    await user.click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeInTheDocument();
    editorActions.renameMap('Still editable');
    expect(useEditor.getState().map.name).toBe('Still editable');

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Still editable')).toBeInTheDocument();
  });
});
