/**
 * The first stops of the Tab order, shown only while focused: "Skip to canvas" lands on the first card and
 * "Skip to inspector" on the inspector's first field, past the toolbar and the palette (and, for the
 * inspector, past every card and connection).
 */
import type { MouseEvent } from 'react';

/** Where each link lands inside its landmark; the landmark itself when that is empty. */
const FIRST: Record<string, string> = {
  'jd-canvas': '.react-flow__node[tabindex]',
  'jd-inspector': ':is(input:not([type=hidden]),select,textarea,button):enabled',
};

function skip(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const landmark = document.getElementById(event.currentTarget.hash.slice(1));
  if (!landmark) return;
  const target = landmark.querySelector<HTMLElement>(FIRST[landmark.id]) ?? landmark;
  // A landmark takes focus from script for the moment only (an empty canvas).
  if (target === landmark && !landmark.hasAttribute('tabindex')) {
    landmark.tabIndex = -1;
    landmark.addEventListener('blur', () => landmark.removeAttribute('tabindex'), { once: true });
  }
  target.focus();
}

export function SkipLinks() {
  return (
    <div className="jd-skip-links">
      <a className="jd-skip-link" href="#jd-canvas" onClick={skip}>
        Skip to canvas
      </a>
      <a className="jd-skip-link" href="#jd-inspector" onClick={skip}>
        Skip to inspector
      </a>
    </div>
  );
}
