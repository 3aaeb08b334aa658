// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { validateStored } from '../../src/app/validateStored';
import type { JourneyMap } from '../../src/domain/types';
import { FORMAT_VERSION } from '../../src/format/constants';
import { editorActions } from '../../src/store/editorStore';
import { CURRENT_KEY, mapKey } from '../../src/store/keys';
import { startPersistence, type Persistence } from '../../src/store/persistence';
import { setSession } from '../../src/store/session';
import { makeMap } from '../support/maps';
import { fakeStorage, fakeWindow } from '../support/persistenceFakes';
import { editorState } from '../support/store';
import { chooseFile, csvFile, fixtureText, openEvidence, renderEvidence, standInForBrowserApis } from './evidenceSetup';

beforeAll(standInForBrowserApis);

describe('importing customer paths', () => {
  let persistence: Persistence | undefined;
  afterEach(() => {
    persistence?.stop();
    persistence = undefined;
    setSession(null);
  });

  it('builds a new map from path data and opens it as a new map in the library, leaving the open map as it was', async () => {
    const open = makeMap();
    const storage = fakeStorage({
      [CURRENT_KEY]: open.id,
      [mapKey(open.id)]: { format: 'journey-map', version: FORMAT_VERSION, map: open, rev: 1, savedAt: 1, savedBy: 'tab-earlier' },
    });
    const { user } = renderEvidence(open);
    persistence = startPersistence({ storage, validate: validateStored, fallback: () => makeMap(), channel: null, window: fakeWindow(), tabId: 'tab-test' });
    setSession({ storage, persistence, validate: validateStored, fallback: () => makeMap() });
    await persistence.ready;
    editorActions.updateNode('tp-web', { label: 'Product details' });

    const dialog = await openEvidence(user);
    await chooseFile(user, dialog, 'Import paths (CSV)', csvFile('paths-channels.csv', fixtureText('paths-channels.csv')));
    await within(dialog).findByRole('heading', { name: 'Customer paths from “paths-channels.csv”' });
    expect(within(dialog).getByText(/5 paths, 650 customers, 87 conversions \(13.4% converted\)/)).toBeInTheDocument();
    const channels = within(dialog).getByRole('table', { name: '4 channels' });
    expect(within(channels).getByRole('row', { name: /^Website/ })).toHaveTextContent('Website5008741382.6%');
    const name = within(dialog).getByRole('textbox', { name: 'Name of the new map' });
    expect(name).toHaveValue('Customer paths: paths-channels');
    await user.clear(name);
    await user.type(name, 'Channel paths Q3');

    await user.click(within(dialog).getByRole('button', { name: 'Create map' }));
    await waitFor(() => expect(editorState().document.name).toBe('Channel paths Q3'));
    expect(screen.queryByRole('dialog', { name: 'Evidence' })).not.toBeInTheDocument();
    const built = editorState().document;
    expect(built.id).not.toBe(open.id);
    expect(built.nodes.map((n) => n.label)).toEqual(['Start', 'Paid Search', 'Email', 'Website', 'Social', 'Conversion']);
    expect(built.nodes.find((n) => n.label === 'Website')?.observed).toEqual({ entered: 500, left: 413 });
    expect(screen.getByRole('status')).toHaveTextContent('Opened “Channel paths Q3” as a new map in your library: 4 channels from the paths of 650 customers.');
    // The map that was open is kept in the library with its edit.
    await persistence.flush();
    const stored = storage.data.get(mapKey(open.id)) as { map: JourneyMap };
    expect(stored.map.nodes.find((n) => n.id === 'tp-web')?.label).toBe('Product details');
    expect(storage.data.get(mapKey(built.id))).toBeDefined();
  });
});
