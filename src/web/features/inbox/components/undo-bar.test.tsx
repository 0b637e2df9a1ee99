// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_VISIBLE_MS, UndoBar } from './undo-bar';

describe('UndoBar', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('goes away by itself after a while', () => {
    const onDismiss = vi.fn();
    render(<UndoBar message="Moved 1 message to Trash" busy={false} onUndo={vi.fn()} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(UNDO_VISIBLE_MS - 1));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('stays while the pointer or keyboard focus is on it', () => {
    const onDismiss = vi.fn();
    render(<UndoBar message="Moved 1 message to Trash" busy={false} onUndo={vi.fn()} onDismiss={onDismiss} />);
    fireEvent.mouseEnter(screen.getByRole('status'));
    act(() => vi.advanceTimersByTime(UNDO_VISIBLE_MS * 3));
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.mouseLeave(screen.getByRole('status'));
    act(() => vi.advanceTimersByTime(UNDO_VISIBLE_MS));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('does not leave while an undo is running', () => {
    const onDismiss = vi.fn();
    render(<UndoBar message="Moved 1 message to Trash" busy onUndo={vi.fn()} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(UNDO_VISIBLE_MS * 2));
    expect(onDismiss).not.toHaveBeenCalled();
  });
});
