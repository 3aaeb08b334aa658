/**
 * What the command line prints goes to a terminal, and a terminal obeys what it is sent: ESC and CSI
 * sequences clear the screen or move the cursor, OSC sets the window title or (OSC 52) writes the clipboard,
 * BEL rings, CR overwrites the line, and bidi overrides make text read differently from what it is. Map
 * names, labels, friction notes, ids echoed in import problems and file paths all come from outside, so
 * every human-readable text the command prints passes through here first.
 */

/** C0 controls (but tab and line feed), DEL, C1 controls, bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Characters that break or indent a line: inside a name they become one space. */
const BREAKS = /[\t\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/** For a value printed inside one line (a name, a label, a path, an id): breaks become spaces, controls go. */
export function inlineText(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSAFE, '');
}

/** For lines the command composes: keeps line feeds and tabs (layout), drops every other control. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * JSON.stringify escapes C0 controls but writes DEL, C1 controls (U+009B is CSI for some terminals), bidi
 * controls and U+2028/U+2029 as they are. They can only occur inside strings, where a \u escape means the
 * same, so the document parses to the same value and is safe to show in a terminal.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A value quoted in a message: one line, at most `max` characters. */
export function quoted(text: string, max = 60): string {
  const characters = [...inlineText(text)];
  return `"${characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : characters.join('')}"`;
}
