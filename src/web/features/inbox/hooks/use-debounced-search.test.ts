// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS, useDebouncedSearch } from './use-debounced-search';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDebouncedSearch', () => {
  it('filters once typing pauses, not on every letter', () => {
    const { result } = renderHook(() => useDebouncedSearch());
    act(() => result.current.setInput('in'));
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    act(() => result.current.setInput('invoice '));
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1));
    expect(result.current.q).toBe('');
    expect(result.current.input).toBe('invoice ');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.q).toBe('invoice');
  });

  it('Enter searches at once, and the pending timer does not search again later', () => {
    const { result } = renderHook(() => useDebouncedSearch());
    act(() => result.current.setInput('march'));
    act(() => result.current.submit());
    expect(result.current.q).toBe('march');
    act(() => result.current.setInput('marc'));
    act(() => result.current.submit());
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2));
    expect(result.current.q).toBe('marc');
  });

  it('clearing the box restores the folder at once', () => {
    const { result } = renderHook(() => useDebouncedSearch());
    act(() => result.current.setInput('march'));
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(result.current.q).toBe('march');
    act(() => result.current.setInput(''));
    expect(result.current.q).toBe('');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(result.current.q).toBe('');
  });
});
