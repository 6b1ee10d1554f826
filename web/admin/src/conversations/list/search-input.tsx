import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { SearchIcon } from '../../common/icons.tsx';
import { useT } from '../../i18n/use-t.ts';
import { useFocusShortcut } from '../../keyboard/shortcuts.ts';

type Props = {
  /** The search in the URL. */
  value: string;
  /** Writes the search to the URL (a new history entry, so Back returns to the previous search). */
  onSearch: (q: string) => void;
  /** What can be searched for, in the UI's language. */
  placeholder: string;
};

const DEBOUNCE_MS = 250;

/** The debounced "Search" box: name, email or message text. */
export function SearchInput({ value, onSearch, placeholder }: Props) {
  const t = useT();
  const [text, setText] = useState(value);
  // The last search this box wrote to the URL; any other URL value came from outside (Back, Clear filters).
  const written = useRef(value);
  const input = useRef<HTMLInputElement>(null);
  useFocusShortcut('search', input, { select: true });

  const commit = useDebouncedCallback((next: string) => {
    const q = next.trim();
    if (q === written.current) return;
    written.current = q;
    onSearch(q);
  }, DEBOUNCE_MS);

  // Back/Forward or "Clear filters" changed the URL: show what it says now.
  useEffect(() => {
    if (value === written.current) return;
    written.current = value;
    commit.cancel();
    setText(value);
  }, [value, commit]);

  return (
    <TextInput
      ref={input}
      label={t('common.search')}
      type="text"
      enterKeyHint="search"
      placeholder={placeholder}
      leftSection={<SearchIcon size={16} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
      onBlur={() => commit.flush()}
      autoComplete="off"
      spellCheck={false}
      style={{ flex: '1 1 260px', maxWidth: 380 }}
    />
  );
}
