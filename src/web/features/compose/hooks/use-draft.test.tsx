// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newDraft, type Draft } from '../utils/draft';
import type { DraftStore } from '../utils/draft-store';
import { ownedDraftStore, useStoredDraft } from './use-draft';

/** A one-slot store like the browser's, in memory. */
function memoryStore(saved: Draft | null) {
  const state = { saved, clears: 0 };
  const store: DraftStore = {
    kind: 'indexeddb',
    load: async () => state.saved,
    save: async (draft) => {
      state.saved = draft;
      return { attachmentsKept: true };
    },
    clear: async () => {
      state.saved = null;
      state.clears += 1;
    },
  };
  return { store, state };
}

describe('drafts per console user on a shared browser', () => {
  it('brings back the signed-in user’s own draft', async () => {
    const mine = { ...newDraft(), subject: 'Quarterly numbers', ownerId: 'alice' };
    const { store } = memoryStore(mine);
    const { result } = renderHook(() => useStoredDraft('alice', async () => store));
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.initial.subject).toBe('Quarterly numbers');
  });

  it('never shows another user’s draft and discards it', async () => {
    const theirs = { ...newDraft(), subject: 'Salary review', ownerId: 'bob' };
    const { store, state } = memoryStore(theirs);
    const { result } = renderHook(() => useStoredDraft('alice', async () => store));
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.initial.subject).toBe('');
    expect(state.saved).toBeNull();
    expect(state.clears).toBe(1);
  });

  it('discards a draft saved before drafts had owners', async () => {
    const { store } = memoryStore({ ...newDraft(), subject: 'Unowned' });
    const { result } = renderHook(() => useStoredDraft('alice', async () => store));
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.initial.subject).toBe('');
  });

  it('stamps every save with the owner', async () => {
    const { store, state } = memoryStore(null);
    await ownedDraftStore(store, 'alice').save({ ...newDraft(), subject: 'Hi' });
    expect(state.saved?.ownerId).toBe('alice');
  });
});
