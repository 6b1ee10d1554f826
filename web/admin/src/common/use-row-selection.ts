import { useRef, useState } from 'react';

/**
 * Which rows of a list are selected. Only rows on screen (`keys`, in display order) count, so a row that
 * left the list drops out of the selection by itself; everything clears when `scope` (the list's query)
 * changes. A shift-click sets the whole range from the last row clicked.
 */
export function useRowSelection<K extends string | number>(keys: readonly K[], scope: string) {
  const [chosen, setChosen] = useState<ReadonlySet<K>>(() => new Set());
  const [chosenScope, setChosenScope] = useState(scope);
  const anchor = useRef<K | null>(null);
  if (chosenScope !== scope) {
    // Another filter or page: the old selection means nothing here (adjusted while rendering, not after).
    setChosenScope(scope);
    setChosen(new Set());
  }
  const selected = keys.filter((key) => chosen.has(key));

  function toggle(key: K, checked: boolean, range = false) {
    const from = anchor.current === null ? -1 : keys.indexOf(anchor.current);
    const to = keys.indexOf(key);
    const span = range && from >= 0 ? keys.slice(Math.min(from, to), Math.max(from, to) + 1) : [key];
    anchor.current = key;
    setChosen((old) => {
      const next = new Set(old);
      for (const k of span) {
        if (checked) next.add(k);
        else next.delete(k);
      }
      return next;
    });
  }

  return {
    /** The selected rows still on screen, in display order. */
    selected,
    isSelected: (key: K) => chosen.has(key),
    allSelected: keys.length > 0 && selected.length === keys.length,
    someSelected: selected.length > 0 && selected.length < keys.length,
    toggle,
    toggleAll: (checked: boolean) => setChosen(checked ? new Set(keys) : new Set()),
    clear: () => setChosen(new Set()),
  };
}

export type RowSelection<K extends string | number> = ReturnType<typeof useRowSelection<K>>;
