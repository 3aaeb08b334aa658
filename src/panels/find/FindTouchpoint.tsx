/**
 * "Find touchpoint": type part of a name, see the matches, Enter (or a click) centres the canvas on the
 * chosen one and selects it. A combobox after the WAI-ARIA pattern; Ctrl/⌘+F focuses it.
 */
import { useId, useMemo, useState } from 'react';
import { useCentreOnNode } from '../../canvas/useCentreOnNode';
import { stageName } from '../../domain/queries';
import { useEditor } from '../../store/editorStore';

export const FIND_FIELD_ID = 'jd-find-touchpoint';
const MAX_MATCHES = 8;

export function FindTouchpoint() {
  const map = useEditor((s) => s.map);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const centreOn = useCentreOnNode();
  const listId = useId();

  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (q === '') return [];
    const found = map.nodes.filter((n) => n.label.toLocaleLowerCase().includes(q));
    // Names that start with the query first, then the rest in map order.
    return [...found.filter((n) => n.label.toLocaleLowerCase().startsWith(q)), ...found.filter((n) => !n.label.toLocaleLowerCase().startsWith(q))];
  }, [map.nodes, query]);
  const shown = matches.slice(0, MAX_MATCHES);
  const expanded = open && query.trim() !== '';

  const choose = (index: number) => {
    const node = shown[index];
    if (!node) return;
    centreOn(node.id);
    setOpen(false);
  };

  return (
    <div className="jd-find" role="search">
      <input
        id={FIND_FIELD_ID}
        type="search"
        className="jd-find__input"
        role="combobox"
        aria-label="Find touchpoint"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && shown[active] ? `${listId}-${active}` : undefined}
        placeholder="Find touchpoint…"
        title="Find a touchpoint by name (Ctrl+F)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, shown.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(active);
          } else if (e.key === 'Escape') {
            if (expanded) {
              e.preventDefault();
              setOpen(false);
            } else {
              setQuery('');
            }
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching touchpoints" className="jd-find__list" hidden={!expanded}>
        {expanded && shown.length === 0 && <li className="jd-find__empty">No touchpoint named like that</li>}
        {expanded &&
          shown.map((node, i) => (
            <li
              key={node.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`jd-find__option${i === active ? ' is-active' : ''}`}
              // mousedown, not click: the field's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="jd-find__name">{node.label}</span>
              <span className="jd-find__stage">{stageName(map, node.stage) ?? 'No stage'}</span>
            </li>
          ))}
        {expanded && matches.length > MAX_MATCHES && <li className="jd-find__more">and {matches.length - MAX_MATCHES} more: type more of the name</li>}
      </ul>
    </div>
  );
}
