// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutStorageKey, parseLayout, useInboxLayout } from './use-inbox-layout';

afterEach(() => localStorage.clear());

describe('parseLayout', () => {
  it('falls back to the defaults for missing or broken data', () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[]')).toEqual(DEFAULT_LAYOUT);
  });

  it('keeps widths inside the pane limits and drops unknown values field by field', () => {
    expect(parseLayout(JSON.stringify({ folders: 9999, list: 10, view: 'conversations' }))).toEqual({
      folders: 420,
      list: 260,
      view: 'conversations',
    });
    expect(parseLayout(JSON.stringify({ folders: 'wide', list: 500.4, view: 'tiles' }))).toEqual({
      folders: DEFAULT_LAYOUT.folders,
      list: 500,
      view: 'messages',
    });
  });
});

describe('useInboxLayout', () => {
  it('remembers the layout per console user', () => {
    const alice = renderHook(() => useInboxLayout('Alice@acme.example'));
    act(() => alice.result.current[1]({ folders: 300 }));
    act(() => alice.result.current[1]({ view: 'conversations' }));
    expect(alice.result.current[0]).toEqual({ ...DEFAULT_LAYOUT, folders: 300, view: 'conversations' });
    expect(JSON.parse(localStorage.getItem(layoutStorageKey('alice@acme.example'))!)).toMatchObject({ folders: 300 });

    const bob = renderHook(() => useInboxLayout('bob@acme.example'));
    expect(bob.result.current[0]).toEqual(DEFAULT_LAYOUT);
  });
});
