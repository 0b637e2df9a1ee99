// @vitest-environment jsdom
import type { MessageSummary } from '@contract/index';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { folderLabel } from './folder-meta';
import { conversationRows, messageRow } from './list-rows';
import { AttachmentChips, MessageHeader } from './message-header';
import { Row } from './message-row';

afterEach(cleanup);

const RLO = '\u202E';
const SPOOF = { name: 'support@acme.example', address: 'x@evil.example' };

const summary = (over: Partial<MessageSummary> = {}): MessageSummary => ({
  uid: 1,
  subject: `invoice${RLO}fdp.exe`,
  from: SPOOF,
  to: [{ name: '', address: 'info@acme.example' }],
  date: '2026-03-01T10:00:00.000Z',
  seen: false,
  flagged: false,
  size: 100,
  hasAttachments: false,
  preview: '',
  messageId: '<m1@evil.example>',
  inReplyTo: null,
  category: 'primary',
  ...over,
});

function renderRow(m: MessageSummary) {
  render(
    <MemoryRouter>
      <div role="grid">
        <Row
          index={0}
          row={messageRow(m)}
          isOpen={() => false}
          checked={new Set()}
          selectable
          hrefFor={() => '/inbox/x/INBOX/1'}
          onToggleCheck={() => {}}
          onDragRow={() => {}}
        />
      </div>
    </MemoryRouter>,
  );
  return screen.getByRole('row');
}

describe('hostile names in the message list', () => {
  it('shows a subject’s bidi override as a visible mark inside an isolate, never obeyed', () => {
    const row = renderRow(summary());
    expect(row.textContent).not.toContain(RLO);
    expect(row.textContent).toContain('invoice⟨U+202E⟩fdp.exe');
    const isolated = [...row.querySelectorAll('bdi')].find((b) => b.textContent === 'invoice⟨U+202E⟩fdp.exe');
    expect(isolated?.getAttribute('dir')).toBe('auto');
    expect(within(row).getByRole('checkbox').getAttribute('aria-label')).toBe('Select invoice⟨U+202E⟩fdp.exe');
  });

  it('a display name that looks like an address is shown beside the real address, flagged', () => {
    const row = renderRow(summary());
    expect(row.textContent).toContain('support@acme.example <x@evil.example>');
    expect(within(row).getByText('name is not the address')).toBeTruthy();
  });

  it('an ordinary name is shown alone and unflagged', () => {
    const row = renderRow(summary({ from: { name: 'Ayşe Yılmaz', address: 'ayse@globex.example' }, subject: 'Hi' }));
    expect(row.textContent).toContain('Ayşe Yılmaz');
    expect(row.textContent).not.toContain('ayse@globex.example');
    expect(within(row).queryByText('name is not the address')).toBeNull();
  });

  it('conversation participants carry the real address of a spoof-like name too', () => {
    const rows = conversationRows(
      [
        summary({ uid: 1, subject: 'Plan', messageId: '<a@x>' }),
        summary({
          uid: 2,
          subject: 'Re: Plan',
          messageId: '<b@x>',
          inReplyTo: '<a@x>',
          from: { name: 'Ali', address: 'ali@globex.example' },
        }),
      ],
      'info@acme.example',
    );
    expect(rows[0]!.participants).toEqual(['support@acme.example <x@evil.example>', 'Ali']);
  });

  it('folder names from the server show their controls; special folders keep their own names', () => {
    expect(folderLabel({ path: `Projects/${RLO}lmth.exe`, name: 'x', specialUse: null })).toBe('⟨U+202E⟩lmth.exe');
    expect(folderLabel({ path: 'INBOX', name: 'INBOX', specialUse: null })).toBe('Inbox');
  });
});

describe('hostile names in the reader header', () => {
  it('From shows a spoof-like name beside the real address, flagged; recipients are isolated', () => {
    render(
      <MessageHeader
        detail={{
          from: SPOOF,
          to: [{ name: `Bob${RLO}`, address: 'bob@acme.example' }],
          cc: [],
          date: '2026-03-01T10:00:00.000Z',
        }}
      />,
    );
    const from = screen.getByText('From').nextElementSibling as HTMLElement;
    expect(from.textContent).toContain('support@acme.example <x@evil.example>');
    expect(within(from).getByText('name is not the address')).toBeTruthy();
    const to = screen.getByText('To').nextElementSibling as HTMLElement;
    expect(to.textContent).toBe('Bob⟨U+202E⟩ <bob@acme.example>');
    expect(to.querySelector('bdi[dir="auto"]')).not.toBeNull();
  });

  it('an attachment’s file name cannot pass for another type, on screen or when saved', () => {
    render(
      <AttachmentChips
        mailbox="info@acme.example"
        folder="INBOX"
        uid={1}
        attachments={[{ partId: '2', filename: `invoice${RLO}fdp.exe`, size: 2048, contentType: 'x', contentId: null }]}
      />,
    );
    const link = screen.getByRole('link');
    expect(link.textContent).toContain('Download invoice⟨U+202E⟩fdp.exe');
    expect(link.textContent).not.toContain(RLO);
    expect(link.getAttribute('download')).toBe('invoice⟨U+202E⟩fdp.exe');
  });
});
