// @vitest-environment jsdom
import { DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { act, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMap } from '../../src/domain/edits';
import { DEFAULT_CHANNELS } from '../../src/domain/types';
import { Palette } from '../../src/panels/Palette';
import { paletteItems, type PaletteItem } from '../../src/panels/paletteItems';
import { editorActions } from '../../src/store/editorStore';
import { makeMap } from '../support/maps';
import { renderWithStore } from '../support/render';

/** The editor's own drag setup: a pointer sensor that starts after 4 px. */
function EditorDnd({ children }: { children: ReactNode }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  return <DndContext sensors={sensors}>{children}</DndContext>;
}
function PlainDnd({ children }: { children: ReactNode }) {
  return <DndContext>{children}</DndContext>;
}

const palette = () => screen.getByRole('region', { name: 'Touchpoint palette' });
const item = (name: string) => within(palette()).getByRole('button', { name });
const ALL_NAMES = ['Entry', ...DEFAULT_CHANNELS.map((c) => c.name), 'Outcome', 'Note'];
const colourOf = (id: string) => DEFAULT_CHANNELS.find((c) => c.id === id)?.colour;

describe.each([
  ['a plain DndContext', PlainDnd],
  ['the editor’s DndContext', EditorDnd],
])('the palette inside %s', (_context, Dnd) => {
  function renderPalette(map = makeMap()) {
    const onAddAtCentre = vi.fn<(item: PaletteItem) => void>();
    const result = renderWithStore(
      <Dnd>
        <Palette onAddAtCentre={onAddAtCentre} />
      </Dnd>,
      { map },
    );
    return { ...result, onAddAtCentre };
  }

  it('offers Entry, every channel of the map and Outcome, as buttons', () => {
    renderPalette();
    expect(within(palette()).getAllByRole('button').map((b) => b.textContent?.replace(/^\W+/, ''))).toEqual(ALL_NAMES);
    for (const name of ALL_NAMES) expect(item(name)).toBeInTheDocument();
  });

  it('adds a channel touchpoint with Enter on the focused item', async () => {
    const { user, onAddAtCentre } = renderPalette();
    item('Phone').focus();
    await user.keyboard('{Enter}');
    expect(onAddAtCentre).toHaveBeenCalledTimes(1);
    expect(onAddAtCentre).toHaveBeenCalledWith({ id: 'channel:phone', name: 'Phone', kind: 'touchpoint', channel: 'phone', colour: colourOf('phone') });
  });

  it('adds an entry with Space on the focused item', async () => {
    const { user, onAddAtCentre } = renderPalette();
    item('Entry').focus();
    await user.keyboard(' ');
    expect(onAddAtCentre).toHaveBeenCalledTimes(1);
    const added = onAddAtCentre.mock.calls[0][0];
    expect(added).toMatchObject({ kind: 'entry', name: 'Entry' });
    expect(added).not.toHaveProperty('channel');
  });

  it('reaches the items with Tab and adds an outcome with Enter', async () => {
    const { user, onAddAtCentre } = renderPalette();
    for (let i = 0; i < ALL_NAMES.indexOf('Outcome') + 1; i++) await user.tab();
    expect(item('Outcome')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onAddAtCentre).toHaveBeenCalledExactlyOnceWith({ id: 'outcome', name: 'Outcome', kind: 'outcome' });
  });

  it('every item adds its own kind and channel', async () => {
    const { user, onAddAtCentre } = renderPalette();
    for (const name of ALL_NAMES) {
      item(name).focus();
      await user.keyboard('{Enter}');
    }
    expect(onAddAtCentre.mock.calls.map(([added]) => [added.kind, added.channel])).toEqual([
      ['entry', undefined],
      ...DEFAULT_CHANNELS.map((c) => ['touchpoint', c.id]),
      ['outcome', undefined],
      ['note', undefined],
    ]);
  });

  it('adds with a click too, and ignores other keys', async () => {
    const { user, onAddAtCentre } = renderPalette();
    item('Email').focus();
    await user.keyboard('a{ArrowDown}{Tab}');
    expect(onAddAtCentre).not.toHaveBeenCalled();
    await user.click(item('Chat'));
    expect(onAddAtCentre).toHaveBeenCalledExactlyOnceWith({ id: 'channel:chat', name: 'Chat', kind: 'touchpoint', channel: 'chat', colour: colourOf('chat') });
  });

  it('follows the channels of the open map', () => {
    renderPalette(createMap({ id: 'm', channels: [{ id: 'kiosk', name: 'Kiosk' }] }));
    expect(within(palette()).getAllByRole('button').map((b) => b.textContent?.replace(/^\W+/, ''))).toEqual(['Entry', 'Kiosk', 'Outcome', 'Note']);
    act(() => editorActions.loadMap(createMap({ id: 'n', channels: [{ id: 'fax', name: 'Fax' }, { id: 'sms', name: 'SMS' }] })));
    expect(within(palette()).getAllByRole('button').map((b) => b.textContent?.replace(/^\W+/, ''))).toEqual(['Entry', 'Fax', 'SMS', 'Outcome', 'Note']);
  });

  it('shows a channel added to the map as an item named after it, in the channel’s colour', async () => {
    const { user, onAddAtCentre } = renderPalette();
    expect(within(palette()).queryByRole('button', { name: 'Kiosk' })).not.toBeInTheDocument();
    act(() => void editorActions.addChannel('Kiosk', '#b91c1c'));
    const kiosk = item('Kiosk');
    expect(kiosk.style.getPropertyValue('--channel')).toBe('#b91c1c');
    expect(within(palette()).getAllByRole('button').map((b) => b.textContent?.replace(/^\W+/, ''))).toEqual([...ALL_NAMES.slice(0, -2), 'Kiosk', 'Outcome', 'Note']);
    await user.click(kiosk);
    expect(onAddAtCentre).toHaveBeenCalledExactlyOnceWith({ id: 'channel:kiosk', name: 'Kiosk', kind: 'touchpoint', channel: 'kiosk', colour: '#b91c1c' });

    // Renamed and recoloured, the same item follows.
    act(() => {
      editorActions.renameChannel('kiosk', 'Self-service kiosk');
      editorActions.setChannelColour('kiosk', '#4338ca');
    });
    expect(item('Self-service kiosk').style.getPropertyValue('--channel')).toBe('#4338ca');
  });

  it('colours every channel item from its channel, and one without a colour in neutral slate', () => {
    renderPalette(createMap({ id: 'm', channels: [{ id: 'web', name: 'Web', colour: '#1d4ed8' }, { id: 'fax', name: 'Fax' }] }));
    expect(item('Web').style.getPropertyValue('--channel')).toBe('#1d4ed8');
    expect(item('Fax').style.getPropertyValue('--channel')).toBe('#475569');
    expect(item('Entry').style.getPropertyValue('--channel')).toBe('');
    expect(item('Web').className).not.toMatch(/jd-channel--/);
  });
});

describe('paletteItems', () => {
  it('lists Entry, one touchpoint per channel, Outcome, then Note, with unique ids', () => {
    const items = paletteItems([{ id: 'web', name: 'Web', colour: '#1d4ed8' }, { id: 'app', name: 'App' }]);
    expect(items).toEqual([
      { id: 'entry', name: 'Entry', kind: 'entry' },
      { id: 'channel:web', name: 'Web', kind: 'touchpoint', channel: 'web', colour: '#1d4ed8' },
      { id: 'channel:app', name: 'App', kind: 'touchpoint', channel: 'app' },
      { id: 'outcome', name: 'Outcome', kind: 'outcome' },
      { id: 'note', name: 'Note', kind: 'note' },
    ]);
    // A channel called "entry" must not collide with the Entry item's draggable id.
    expect(new Set(paletteItems([{ id: 'entry', name: 'Entry desk' }, { id: 'outcome', name: 'x' }, { id: 'note', name: 'Sticky' }]).map((i) => i.id)).size).toBe(6);
  });
});
