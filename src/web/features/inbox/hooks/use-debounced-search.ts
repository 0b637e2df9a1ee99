import { useEffect, useRef, useState } from 'react';

/** How long typing must pause before the list filters: a word, not every letter, becomes a request. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Search-as-you-type: `input` is what the box shows, `q` what the list is filtered by. `q` follows `input` once
 * typing pauses for SEARCH_DEBOUNCE_MS; Enter (`submit`) applies it at once, and an emptied box restores the folder
 * at once. Leading and trailing spaces never start a new search.
 */
export function useDebouncedSearch(delay = SEARCH_DEBOUNCE_MS) {
  const [input, setInputState] = useState('');
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
  };
  useEffect(() => cancel, []);

  const setInput = (value: string) => {
    setInputState(value);
    cancel();
    const next = value.trim();
    if (next === '') setQ('');
    else timer.current = setTimeout(() => setQ(next), delay);
  };
  const submit = () => {
    cancel();
    setQ(input.trim());
  };
  return { input, q, setInput, submit };
}
