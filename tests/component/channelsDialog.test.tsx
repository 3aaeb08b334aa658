// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { useShortcuts } from '../../src/app/useShortcuts';
import { ChannelsButton } from '../../src/panels/channels/ChannelsButton';
import { COLOUR_PALETTE } from '../../src/domain/types';
import { Palette } from '../../src/panels/Palette';
import { makeMap, nodeOf } from '../support/maps';
import { renderWithStore } from '../support/render';
import { currentMap, undoSteps } from '../support/store';
import { standInForModalDialogs } from '../support/dialogs';

beforeAll(standInForModalDialogs);

/** The toolbar button as the app has it, with the app's undo shortcuts. */
function Editor({ withPalette = false }: { withPalette?: boolean }) {
  useShortcuts();
  return (
    <>
      <ChannelsButton />
      {withPalette && <Palette onAddAtCentre={() => undefined} />}
    </>
  );
}

async function openChannels(options: { withPalette?: boolean; map?: ReturnType<typeof makeMap> } = {}) {
  const result = renderWithStore(<Editor withPalette={options.withPalette} />, { map: options.map ?? makeMap() });
  await result.user.click(screen.getByRole('button', { name: 'Channels' }));
  const dialog = await screen.findByRole('dialog', { name: 'Channels' });
  return { ...result, dialog };
}

const channelNames = () => currentMap().channels.map((c) => c.name);
const channel = (name: string) => currentMap().channels.find((c) => c.name === name);

describe('the Channels dialog', () => {
  it('opens from the toolbar button as a modal listing every channel, and Escape or Close returns focus to the button', async () => {
    const { user, dialog } = await openChannels();
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('textbox', { name: 'Name of Website' })).toHaveFocus();
    for (const name of ['Website', 'Mobile app', 'Store', 'Phone', 'Email', 'Social', 'Chat']) {
      expect(within(dialog).getByRole('textbox', { name: `Name of ${name}` })).toHaveValue(name);
      expect(within(dialog).getByRole('radiogroup', { name: `Colour of ${name}` })).toBeInTheDocument();
      expect(within(dialog).getByRole('button', { name: `Delete ${name}` })).toBeInTheDocument();
    }
    expect(within(dialog).getAllByText('2 touchpoints')).toHaveLength(1);
    expect(within(dialog).getAllByText('0 touchpoints')).toHaveLength(6);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Channels' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Channels' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Channels' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Channels' })).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Channels' })).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    const { user, dialog } = await openChannels();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const add = within(dialog).getByRole('button', { name: 'Add channel' });
    add.focus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(add).toHaveFocus();
  });

  it('adds a channel with Enter or the button; the field clears and keeps focus; refusals are explained', async () => {
    const { user, dialog } = await openChannels();
    const field = within(dialog).getByRole('textbox', { name: 'Channel name' });
    await user.click(field);
    await user.keyboard('Kiosk{Enter}');
    expect(channelNames()).toContain('Kiosk');
    expect(channel('Kiosk')?.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(within(dialog).getByRole('textbox', { name: 'Name of Kiosk' })).toHaveValue('Kiosk');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Added “Kiosk”');

    await user.type(field, 'Call centre');
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    expect(channelNames().slice(-2)).toEqual(['Kiosk', 'Call centre']);
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    // Two new channels, two different colours.
    expect(channel('Call centre')?.colour).not.toBe(channel('Kiosk')?.colour);

    await user.type(field, 'kiosk{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is already a channel named "Kiosk"');
    expect(field).toHaveValue('kiosk');
    expect(channelNames().filter((n) => n.toLowerCase() === 'kiosk')).toHaveLength(1);

    await user.clear(field);
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A channel needs a name');
    expect(channelNames()).toHaveLength(9);
  });

  it('renames on Enter or when the field is left; a duplicate or empty name is refused next to the field', async () => {
    const { user, dialog } = await openChannels();
    const website = within(dialog).getByRole('textbox', { name: 'Name of Website' });
    await user.clear(website);
    await user.type(website, 'Web shop{Enter}');
    expect(channelNames()[0]).toBe('Web shop');
    const renamed = within(dialog).getByRole('textbox', { name: 'Name of Web shop' });
    expect(renamed).toHaveValue('Web shop');

    await user.clear(renamed);
    await user.type(renamed, 'phone{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is already a channel named "Phone"');
    expect(renamed).toHaveAttribute('aria-invalid', 'true');
    expect(channelNames()[0]).toBe('Web shop');

    // Escape puts the saved name back (and leaves the dialog open).
    await user.keyboard('{Escape}');
    expect(renamed).toHaveValue('Web shop');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Channels' })).toBeInTheDocument();

    await user.clear(renamed);
    await user.tab();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A channel needs a name');
    expect(channelNames()[0]).toBe('Web shop');

    const chat = within(dialog).getByRole('textbox', { name: 'Name of Chat' });
    await user.clear(chat);
    await user.type(chat, 'Live chat');
    await user.tab();
    expect(channelNames()).toContain('Live chat');
  });

  it('sets a channel’s colour from the palette of colours, one undo step each', async () => {
    const { user, dialog } = await openChannels();
    const colours = within(dialog).getByRole('radiogroup', { name: 'Colour of Phone' });
    expect(within(colours).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      'Slate', 'Blue', 'Teal', 'Green', 'Amber', 'Orange', 'Red', 'Pink', 'Purple', 'Indigo',
    ]);
    const phoneColour = COLOUR_PALETTE.find((c) => c.hex === channel('Phone')?.colour)?.name ?? '';
    expect(within(colours).getByRole('radio', { name: phoneColour })).toBeChecked();
    const steps = undoSteps();
    await user.click(within(colours).getByRole('radio', { name: 'Red' }));
    expect(channel('Phone')?.colour).toBe('#b91c1c');
    expect(within(colours).getByRole('radio', { name: 'Red' })).toBeChecked();
    expect(within(colours).getByRole('radio', { name: phoneColour })).not.toBeChecked();
    expect(within(colours).getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);
    expect(undoSteps()).toBe(steps + 1);
  });

  it('deletes an unused channel at once, and Ctrl+Z brings it back', async () => {
    const { user, dialog } = await openChannels();
    await user.click(within(dialog).getByRole('button', { name: 'Delete Email' }));
    expect(channelNames()).not.toContain('Email');
    expect(within(dialog).queryByRole('textbox', { name: 'Name of Email' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Deleted “Email”');
    // Focus moves to the row that took its place.
    expect(within(dialog).getByRole('button', { name: 'Delete Social' })).toHaveFocus();

    await user.keyboard('{Control>}z{/Control}');
    expect(channelNames()).toEqual(['Website', 'Mobile app', 'Store', 'Phone', 'Email', 'Social', 'Chat']);
    expect(within(dialog).getByRole('textbox', { name: 'Name of Email' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();

    // The dialog's own Undo button does the same.
    await user.click(within(dialog).getByRole('button', { name: 'Delete Chat' }));
    expect(channelNames()).not.toContain('Chat');
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(channelNames()).toContain('Chat');
  });

  it('deletes a channel in use only after a replacement is chosen, moving its touchpoints in one step', async () => {
    const { user, dialog } = await openChannels();
    const before = currentMap();
    await user.click(within(dialog).getByRole('button', { name: 'Delete Website' }));
    expect(currentMap()).toBe(before);
    const replacement = within(dialog).getByRole('combobox', { name: 'Replacement for Website' });
    expect(replacement).toHaveFocus();
    expect(within(replacement).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choose…', 'Mobile app', 'Store', 'Phone', 'Email', 'Social', 'Chat', 'No channel',
    ]);
    const confirm = within(dialog).getByRole('button', { name: 'Delete and move 2 touchpoints' });

    // Nothing goes before the user picks.
    await user.click(confirm);
    expect(currentMap()).toBe(before);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose where its touchpoints go first');

    const steps = undoSteps();
    await user.selectOptions(replacement, 'Phone');
    await user.click(confirm);
    expect(channelNames()).not.toContain('Website');
    expect(nodeOf(currentMap(), 'tp-web').channel).toBe('phone');
    expect(nodeOf(currentMap(), 'tp-checkout').channel).toBe('phone');
    expect(undoSteps()).toBe(steps + 1);
    expect(within(dialog).getByText('2 touchpoints')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Its 2 touchpoints now have Phone');
  });

  it('can move the touchpoints of a deleted channel to no channel, or cancel', async () => {
    const { user, dialog } = await openChannels();
    await user.click(within(dialog).getByRole('button', { name: 'Delete Website' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).queryByRole('combobox', { name: 'Replacement for Website' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete Website' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Delete Website' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Replacement for Website' }), 'No channel');
    await user.click(within(dialog).getByRole('button', { name: 'Delete and move 2 touchpoints' }));
    expect(channelNames()).not.toContain('Website');
    expect(nodeOf(currentMap(), 'tp-web').channel).toBeUndefined();
    expect(nodeOf(currentMap(), 'tp-checkout').channel).toBeUndefined();
  });

  it('a new channel appears in the palette, named after it and in its colour', async () => {
    const { user, dialog } = await openChannels({ withPalette: true });
    await user.type(within(dialog).getByRole('textbox', { name: 'Channel name' }), 'Kiosk{Enter}');
    const colour = channel('Kiosk')?.colour;
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const item = within(screen.getByRole('region', { name: 'Touchpoint palette' })).getByRole('button', { name: 'Kiosk' });
    expect(item.style.getPropertyValue('--channel')).toBe(colour);
  });
});
