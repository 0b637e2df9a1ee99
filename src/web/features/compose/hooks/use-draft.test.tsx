// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft } from '../utils/draft';
import { createMemoryDraftBuffer, ownedDraftBuffer, type DraftBuffer } from '../utils/draft-store';
import { createFakeDraftServer, type FakeDraftServer } from '../utils/fake-draft-server';
import { useDraftBuffer } from './use-compose-entry';
import { useDraft, type UseDraftOptions } from './use-draft';

/**
 * Every test unmounts what it rendered and waits for the work it started (saves run after a debounce and may
 * outlive the component): nothing may still be running when the test file's DOM is torn down. That was the cause
 * of the suite's "window is not defined" errors: a hook restarted its IndexedDB load on every render and kept React
 * busy after the last test.
 */
afterEach(() => {
  cleanup();
});

const INFO = 'info@acme.example';

function setup(initial: Partial<Draft> = {}, options: Partial<UseDraftOptions> = {}) {
  const server = createFakeDraftServer();
  const buffer = createMemoryDraftBuffer();
  const draft: Draft = { ...newDraft(), ...initial };
  const hook = renderHook(() =>
    useDraft(draft, { buffer, server, canUseDrafts: () => true, delayMs: 20, retryMs: 30, ...options }),
  );
  return { server, buffer, hook };
}

const type = (hook: ReturnType<typeof setup>['hook'], patch: Partial<Draft>) =>
  act(() => hook.result.current.update(patch));

async function settle(hook: ReturnType<typeof setup>['hook']) {
  await act(() => hook.result.current.flush());
}

const copies = (server: FakeDraftServer) => server.copies(INFO);

describe('useDraft: autosave to the Drafts folder', () => {
  it('saves a few moments after a change, keeps one copy per draft, and empties the browser buffer', async () => {
    const { server, buffer, hook } = setup({ from: INFO });
    await type(hook, { subject: 'Numbers' });
    await waitFor(() => expect(hook.result.current.state.kind).toBe('saved'));
    await type(hook, { subject: 'Numbers, final' });
    await waitFor(() => expect(copies(server)[0]?.body.subject).toBe('Numbers, final'));
    await settle(hook);
    expect(copies(server)).toHaveLength(1);
    expect(hook.result.current.draft.savedTo?.mailbox).toBe(INFO);
    expect(await buffer.list()).toEqual([]);
  });

  it('a failed save keeps the draft in the browser and says so, then succeeds on retry', async () => {
    const { server, buffer, hook } = setup({ from: INFO });
    server.fail.save = 'Mail server unreachable';
    await type(hook, { subject: 'Offline for a moment' });
    await waitFor(() => expect(hook.result.current.state).toMatchObject({ kind: 'failed' }));
    expect(hook.result.current.state).toMatchObject({ message: 'Mail server unreachable' });
    expect((await buffer.list()).map((d) => d.subject)).toEqual(['Offline for a moment']);

    server.fail = {};
    await waitFor(() => expect(hook.result.current.state.kind).toBe('saved'));
    await settle(hook);
    expect(copies(server)).toHaveLength(1);
    expect(await buffer.list()).toEqual([]);
  });

  it('keeps a draft without From, or in a mailbox whose Drafts the user cannot open, in the browser only', async () => {
    const { server, buffer, hook } = setup({}, { canUseDrafts: (m) => m !== 'news@acme.example' });
    await type(hook, { subject: 'No sender yet' });
    await waitFor(() => expect(hook.result.current.state).toMatchObject({ kind: 'local' }));
    expect(hook.result.current.state).toMatchObject({ reason: expect.stringMatching(/choose a From mailbox/) });
    await type(hook, { from: 'news@acme.example' });
    await waitFor(() =>
      expect(hook.result.current.state).toMatchObject({ reason: expect.stringMatching(/news@acme.example/) }),
    );
    await settle(hook);
    expect(server.calls.filter((c) => c.startsWith('save'))).toEqual([]);
    expect(await buffer.list()).toHaveLength(1);
  });

  it('finish() (after a send) waits for the save in flight, deletes every copy and stops saving', async () => {
    const { server, buffer, hook } = setup({ from: INFO, subject: 'To send' });
    await type(hook, { markdown: 'Body' });
    const flushing = hook.result.current.flush();
    await act(() => hook.result.current.finish());
    await flushing;
    expect(copies(server)).toEqual([]);
    expect(await buffer.list()).toEqual([]);
    await type(hook, { subject: 'typed after the send' });
    await act(() => hook.result.current.flush());
    expect(copies(server)).toEqual([]);
  });

  it('reading restored files back is not an edit; a draft still in the browser buffer is saved on opening', async () => {
    const { server, hook } = setup({ from: INFO, subject: 'Opened from Drafts' });
    await act(() => hook.result.current.update({ lang: '' }, { quiet: true }));
    await settle(hook);
    expect(server.calls).toEqual([]);

    const buffer = createMemoryDraftBuffer();
    const unsynced: Draft = { ...newDraft(), from: INFO, subject: 'Written offline' };
    await buffer.save(unsynced);
    const resumed = renderHook(() =>
      useDraft(unsynced, { buffer, server, canUseDrafts: () => true, delayMs: 20, retryMs: 30 }),
    );
    await waitFor(() => expect(resumed.result.current.state.kind).toBe('saved'));
    expect(copies(server).map((c) => c.body.subject)).toEqual(['Written offline']);
    expect(await buffer.list()).toEqual([]);
  });

  it('saves on leaving compose, without touching React once unmounted', async () => {
    const { server, hook } = setup({ from: INFO });
    await type(hook, { subject: 'Left quickly' });
    const errors = vi.spyOn(console, 'error');
    hook.unmount();
    await vi.waitFor(() => expect(copies(server).map((c) => c.body.subject)).toEqual(['Left quickly']));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('useDraftBuffer', () => {
  it('opens the buffer once per user, even when the opener is a new function on every render', async () => {
    let opens = 0;
    const base = createMemoryDraftBuffer();
    const hook = renderHook(({ owner }) => useDraftBuffer(owner, async (): Promise<DraftBuffer> => (opens++, base)), {
      initialProps: { owner: 'alice' },
    });
    await waitFor(() => expect(hook.result.current).not.toBeNull());
    hook.rerender({ owner: 'alice' });
    hook.rerender({ owner: 'alice' });
    expect(opens).toBe(1);
    hook.unmount();
  });

  it('never returns another user’s buffered draft', async () => {
    const base = createMemoryDraftBuffer();
    const theirs = { ...newDraft(), subject: 'Salary review' };
    await ownedDraftBuffer(base, 'bob').save(theirs);
    const hook = renderHook(() => useDraftBuffer('alice', async () => base));
    await waitFor(() => expect(hook.result.current).not.toBeNull());
    expect(await hook.result.current!.load(theirs.id)).toBeNull();
    expect(await hook.result.current!.list()).toEqual([]);
    hook.unmount();
  });
});
