// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '@contract/index';
import { detailLines, keyLabel } from '../utils/describe-entry';
import { AuditAction, AuditDetail } from './audit-detail';

afterEach(cleanup);

const entry = (patch: Partial<AuditEntryView>): AuditEntryView => ({
  id: 1,
  at: '2026-01-10T08:00:00.000Z',
  actorUserId: 'u1',
  actorEmail: 'member@acme.example',
  action: 'mail.mark-read',
  target: '42',
  mailbox: 'support@acme.example',
  detail: null,
  ip: '127.0.0.1',
  ...patch,
});

/** The dt → dd pairs as shown. */
function pairs(container: HTMLElement) {
  const terms = [...container.querySelectorAll('dt')];
  return Object.fromEntries(terms.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
}

describe('AuditDetail', () => {
  it('tells an automatic mark-read from a user one', () => {
    const auto = render(
      <AuditAction entry={entry({ detail: { uid: 42, folder: 'INBOX', trigger: 'auto', result: 'ok' } })} />,
    );
    expect(auto.container.textContent).toContain('Marked as read');
    expect(within(auto.container).getByText('automatic')).toBeTruthy();
    auto.unmount();

    const user = render(<AuditAction entry={entry({ detail: { uid: 42, trigger: 'user', result: 'ok' } })} />);
    expect(within(user.container).getByText('by the user')).toBeTruthy();
    expect(within(user.container).queryByText('automatic')).toBeNull();
  });

  it('shows the detail as labelled lines in words, outcome last', () => {
    const { container } = render(
      <AuditDetail entry={entry({ detail: { result: 'ok', uid: 42, folder: 'INBOX', trigger: 'auto' } })} />,
    );
    expect(pairs(container)).toEqual({
      'Done by': 'the reader, automatically (message opened)',
      Folder: 'INBOX',
      'Message UID': '42',
      Result: 'done',
    });
    expect([...container.querySelectorAll('dt')].at(-1)?.textContent).toBe('Result');
    expect(container.textContent).not.toContain('{');
  });

  it('makes a refused or failed action stand out, with its error', () => {
    const refused = entry({
      action: 'mail.send',
      detail: { from: 'info@other.example', result: 'refused', error: 'You do not have access', status: 403 },
    });
    const action = render(<AuditAction entry={refused} />);
    expect(within(action.container).getByText('refused')).toBeTruthy();
    action.unmount();

    const { container } = render(<AuditDetail entry={refused} />);
    expect(pairs(container)).toMatchObject({
      Result: 'refused by the console',
      'HTTP status': '403',
      Error: 'You do not have access',
    });
    const result = screen.getByText('refused by the console').closest('dd')!;
    expect(result.className).toContain('text-red-800');

    cleanup();
    render(<AuditAction entry={entry({ action: 'mail.delete', detail: { result: 'failed', error: 'HTTP 500' } })} />);
    expect(screen.getByText('failed')).toBeTruthy();
  });

  it('flattens nested detail, words booleans and lists, and isolates hostile text', () => {
    const lines = detailLines({
      changes: { role: 'member', disabled: true },
      mailboxes: ['a@acme.example', 'b@acme.example'],
      subject: 'Pay \u202Efdp.exe',
      via: 'cli',
    });
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['Subject', 'Pay \u202Efdp.exe'],
      ['Changes role', 'member'],
      ['Changes disabled', 'yes'],
      ['Mailboxes', 'a@acme.example, b@acme.example'],
      ['Through', 'the command line'],
    ]);
    const { container } = render(<AuditDetail entry={entry({ detail: { subject: 'Pay \u202Efdp.exe' } })} />);
    expect(container.querySelector('bdi')?.textContent).toBe('Pay ⟨U+202E⟩fdp.exe');
    expect(keyLabel('otherSessionsEnded')).toBe('Other sessions ended');
    expect(keyLabel('someNewKey')).toBe('Some new key');
  });

  it('shows a dash when there is no detail', () => {
    const { container } = render(<AuditDetail entry={entry({ detail: null })} />);
    expect(container.textContent).toBe('—');
  });
});
