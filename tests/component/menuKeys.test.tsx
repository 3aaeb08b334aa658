// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { useRef, useState } from 'react';
import { MenuButton, type MenuItem } from '../../src/panels/MenuButton';
import { useMenuKeys } from '../../src/ui/menuKeys';
import { renderWithStore } from '../support/render';

const ran: string[] = [];
const items = (names: string[], disabled: string[] = []): MenuItem[] =>
  names.map((label) => ({ label, run: () => ran.push(label), ...(disabled.includes(label) ? { disabled: true } : {}) }));

function Toolbar({ disabled = false, names = ['Import JSON…', 'Export JSON', 'Copy share link', 'Export image: SVG'], off = [] as string[] }) {
  return (
    <>
      <button type="button">Before</button>
      <MenuButton menuLabel="File" items={items(names, off)} disabled={disabled}>
        File ▾
      </MenuButton>
      <button type="button">After</button>
    </>
  );
}

// The open list loads when first wanted (the pointer or focus on the button); here, before the tests.
beforeAll(() => import('../../src/panels/MenuList'));
beforeEach(() => {
  ran.length = 0;
});

const fileButton = () => screen.getByRole('button', { name: 'File ▾' });
const menu = () => screen.getByRole('menu', { name: 'File' });
const item = (name: string) => within(menu()).getByRole('menuitem', { name });

describe('MenuButton keys (useMenuKeys)', () => {
  it('has the menu button attributes, and ArrowDown opens the menu on its first item', async () => {
    const { user } = renderWithStore(<Toolbar />);
    const button = fileButton();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).not.toHaveAttribute('aria-controls');
    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', (await screen.findByRole('menu', { name: 'File' })).id);
    expect(item('Import JSON…')).toHaveFocus();
  });

  it('ArrowUp on the button opens it on its last item', async () => {
    const { user } = renderWithStore(<Toolbar />);
    fileButton().focus();
    await user.keyboard('{ArrowUp}');
    expect(item('Export image: SVG')).toHaveFocus();
  });

  it('arrows move and wrap, Home and End jump, a letter moves to the next item starting with it', async () => {
    const { user } = renderWithStore(<Toolbar />);
    fileButton().focus();
    await user.keyboard('{Enter}');
    expect(item('Import JSON…')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Export JSON')).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(item('Export image: SVG')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Import JSON…')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Export image: SVG')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Import JSON…')).toHaveFocus();
    await user.keyboard('c');
    expect(item('Copy share link')).toHaveFocus();
    await user.keyboard('e');
    expect(item('Export image: SVG')).toHaveFocus();
    await user.keyboard('e');
    expect(item('Export JSON')).toHaveFocus();
  });

  it('skips disabled items', async () => {
    const { user } = renderWithStore(<Toolbar off={['Export JSON']} />);
    fileButton().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('Copy share link')).toHaveFocus();
  });

  it('Enter and Space activate the item, close the menu and give focus back to the button', async () => {
    const { user } = renderWithStore(<Toolbar />);
    fileButton().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(ran).toEqual(['Export JSON']);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(fileButton()).toHaveFocus();
    expect(fileButton()).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowUp} ');
    expect(ran).toEqual(['Export JSON', 'Export image: SVG']);
    expect(fileButton()).toHaveFocus();
  });

  it('Escape closes the menu and gives focus back to the button; nothing runs', async () => {
    const { user } = renderWithStore(<Toolbar />);
    fileButton().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(fileButton()).toHaveFocus();
    expect(ran).toEqual([]);
  });

  it('Tab closes the menu and moves on from the button; Shift+Tab moves back', async () => {
    const { user } = renderWithStore(<Toolbar />);
    fileButton().focus();
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    fileButton().focus();
    await user.keyboard('{ArrowDown}');
    await user.tab({ shift: true });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Before' })).toHaveFocus();
  });

  it('a click outside closes it', async () => {
    const { user } = renderWithStore(<Toolbar />);
    await user.click(fileButton());
    expect(menu()).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Before' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('while disabled (busy) the button keeps focus, says so and does not open', async () => {
    const { user, rerender } = renderWithStore(<Toolbar />);
    fileButton().focus();
    await user.keyboard('{ArrowDown}');
    rerender(<Toolbar disabled />);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    fileButton().focus();
    expect(fileButton()).toHaveFocus();
    expect(fileButton()).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('keys pressed in a menu never reach the editor', async () => {
    const reached: string[] = [];
    const { user } = renderWithStore(
      <div onKeyDown={(e) => reached.push(e.key)}>
        <Toolbar />
      </div>,
    );
    fileButton().focus();
    await user.keyboard('{ArrowDown}');
    reached.length = 0;
    await user.keyboard('z{ArrowDown}{Home}');
    expect(reached).toEqual([]);
  });
});

/** A bare menu on the hook alone: any menu element and button can use it. */
function BareMenu() {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { onMenuKeyDown, focusItem } = useMenuKeys({ menu: menuRef, button, onClose: () => setOpen(false) });
  // Opens on its last item.
  const attach = (el: HTMLDivElement | null) => {
    menuRef.current = el;
    if (el && !el.contains(document.activeElement)) focusItem('last');
  };
  return (
    <>
      <button ref={button} type="button" onClick={() => setOpen(true)}>
        Options
      </button>
      {open && (
        <div ref={(el) => attach(el)} role="menu" aria-label="Options" onKeyDown={onMenuKeyDown}>
          <button type="button" role="menuitem" tabIndex={-1}>
            One
          </button>
          <button type="button" role="menuitemradio" aria-checked="false" tabIndex={-1} aria-label="Colour Blue" />
        </div>
      )}
    </>
  );
}

describe('useMenuKeys on its own', () => {
  it('moves through menuitem and menuitemradio items with ArrowRight and ArrowLeft too', async () => {
    const { user } = renderWithStore(<BareMenu />);
    await user.click(screen.getByRole('button', { name: 'Options' }));
    expect(screen.getByRole('menuitemradio', { name: 'Colour Blue' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('menuitem', { name: 'One' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('menuitemradio', { name: 'Colour Blue' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Options' })).toHaveFocus();
  });
});
