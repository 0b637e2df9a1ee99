// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_READ_DELAY_MS, useAutoRead } from './use-auto-read';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

type Detail = { uid: number; seen: boolean } | undefined;

function open(uid: number, detail: Detail) {
  const onAutoRead = vi.fn();
  const hook = renderHook(({ d }: { d: Detail }) => useAutoRead(uid, d, onAutoRead), { initialProps: { d: detail } });
  return { onAutoRead, rerender: (d: Detail) => hook.rerender({ d }), unmount: hook.unmount };
}

describe('useAutoRead', () => {
  it('marks an unread message read once it has been open for the delay, not before', () => {
    const { onAutoRead } = open(7, { uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS - 1);
    expect(onAutoRead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onAutoRead).toHaveBeenCalledTimes(1);
  });

  it('waits for the message to load, and leaving before the delay cancels it', () => {
    const { onAutoRead, rerender, unmount } = open(7, undefined);
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS * 2);
    expect(onAutoRead).not.toHaveBeenCalled();
    rerender({ uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS - 100);
    unmount();
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS);
    expect(onAutoRead).not.toHaveBeenCalled();
  });

  it('"u" on a message that was read when opened sticks: the timer never runs for it', () => {
    const { onAutoRead, rerender } = open(7, { uid: 7, seen: true });
    rerender({ uid: 7, seen: false }); // Mark as unread (the optimistic cache update)
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS * 10);
    expect(onAutoRead).not.toHaveBeenCalled();
  });

  it('"u" after the timer marked it read sticks too', () => {
    const { onAutoRead, rerender } = open(7, { uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS);
    rerender({ uid: 7, seen: true });
    rerender({ uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS * 10);
    expect(onAutoRead).toHaveBeenCalledTimes(1);
  });

  it('read by hand before the delay, then "u": no auto-read', () => {
    const { onAutoRead, rerender } = open(7, { uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS / 2);
    rerender({ uid: 7, seen: true });
    rerender({ uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS * 10);
    expect(onAutoRead).not.toHaveBeenCalled();
  });

  it('opening the message again (a fresh reader) marks it read again', () => {
    const first = open(7, { uid: 7, seen: true });
    first.rerender({ uid: 7, seen: false });
    first.unmount();
    const again = open(7, { uid: 7, seen: false });
    vi.advanceTimersByTime(AUTO_READ_DELAY_MS);
    expect(again.onAutoRead).toHaveBeenCalledTimes(1);
  });
});
