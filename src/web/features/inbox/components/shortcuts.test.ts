// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { shortcutFor, SHORTCUTS, type KeyLike } from './shortcuts';

const press = (key: string, target: EventTarget | null = document.body, extra: Partial<KeyLike> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...extra });

describe('shortcutFor', () => {
  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['Enter', 'open'],
    ['o', 'open'],
    ['u', 'toggleRead'],
    ['v', 'move'],
    ['e', 'archive'],
    ['#', 'delete'],
    ['r', 'reply'],
    ['a', 'replyAll'],
    ['f', 'forward'],
    ['/', 'search'],
    ['?', 'help'],
  ])('%s → %s', (key, action) => {
    expect(press(key)).toBe(action);
  });

  it('ignores keys while typing in inputs, textareas and editable content', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    document.body.append(input, textarea, editable);
    expect(press('j', input)).toBeNull();
    expect(press('#', textarea)).toBeNull();
    expect(press('u', editable)).toBeNull();
  });

  it('still works on a focused checkbox (list rows)', () => {
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(press('j', checkbox)).toBe('next');
  });

  it('ignores modified keys and unknown keys', () => {
    expect(press('r', document.body, { ctrlKey: true })).toBeNull();
    expect(press('f', document.body, { metaKey: true })).toBeNull();
    expect(press('x')).toBeNull();
  });

  it('leaves Enter on buttons to the button', () => {
    const button = document.createElement('button');
    expect(press('Enter', button)).toBeNull();
  });

  it('lists every action once in the help table', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
