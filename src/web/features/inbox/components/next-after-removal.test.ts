import { describe, expect, it } from 'vitest';
import { nextAfterRemoval } from './next-after-removal';

const rows = ['a', 'b', 'c', 'd', 'e'];
const at = (list: readonly (string | undefined)[]) => (i: number) => list[i];
const next = (open: number | null, removed: string[], list: readonly (string | undefined)[] = rows) =>
  nextAfterRemoval(list.length, at(list), open, (r) => removed.includes(r));

describe('nextAfterRemoval', () => {
  it('opens the next message in the list', () => {
    expect(next(1, ['b'])).toBe('c');
    expect(next(0, ['a'])).toBe('b');
  });

  it('opens the previous one when the removed message was the last', () => {
    expect(next(4, ['e'])).toBe('d');
  });

  it('skips rows that go away with it (a selection holding the open message)', () => {
    expect(next(1, ['b', 'c', 'd'])).toBe('e');
    expect(next(3, ['c', 'd', 'e'])).toBe('b');
  });

  it('opens nothing when the list empties or the open message was not in it', () => {
    expect(next(0, ['a'], ['a'])).toBeNull();
    expect(next(2, rows)).toBeNull();
    expect(next(null, ['b'])).toBeNull();
  });

  it('never opens a row whose page has not loaded', () => {
    expect(next(1, ['b'], ['a', 'b', undefined, 'd'])).toBe('a');
    expect(next(1, ['a', 'b'], ['a', 'b', undefined, 'd'])).toBeNull();
  });
});
