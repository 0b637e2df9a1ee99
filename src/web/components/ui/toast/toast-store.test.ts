import { describe, expect, it, vi } from 'vitest';
import { createToastStore } from './toast-store';

describe('toast store', () => {
  it('adds, de-duplicates, caps and dismisses toasts and notifies subscribers', () => {
    const store = createToastStore();
    const listener = vi.fn();
    store.subscribe(listener);

    const first = store.show('Server down');
    expect(store.show('Server down')).toBe(first);
    store.show('b');
    store.show('c');
    store.show('d');
    expect(store.getSnapshot().map((t) => t.message)).toEqual(['b', 'c', 'd']);

    store.dismiss(store.getSnapshot()[0]!.id);
    expect(store.getSnapshot().map((t) => t.message)).toEqual(['c', 'd']);
    expect(listener).toHaveBeenCalledTimes(5);
  });
});
