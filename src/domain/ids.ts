/** Short random ids, unique within a map ("n-k3j9x2ab"). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return `${prefix}-${s}`;
}

/** An id not yet used in `taken`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  let id = newId(prefix);
  while (taken.has(id)) id = newId(prefix);
  return id;
}
