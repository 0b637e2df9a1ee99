// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Domain, Mailbox } from '@contract/index';
import { createQueryClient } from '@web/lib/query-client';
import { fail, mockApi, ok } from '@web/testing/mock-api';
import { ComposeView, type ComposeSender } from './compose-view';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const at = '2026-01-10T08:00:00.000Z';
const domains: Domain[] = [
  {
    id: 'd1',
    domain: 'acme.example',
    status: 'active',
    spfVerified: true,
    dkimVerified: true,
    dmarcVerified: true,
    createdAt: at,
    updatedAt: at,
  },
  {
    id: 'd2',
    domain: 'acme-mail.example',
    status: 'failed',
    spfVerified: true,
    dkimVerified: false,
    dmarcVerified: false,
    createdAt: at,
    updatedAt: at,
  },
];
const mailbox = (email: string, domainId: string): Mailbox => ({
  email,
  domain: email.split('@')[1]!,
  username: email.split('@')[0]!,
  domainId,
});
const ALL = [
  mailbox('info@acme.example', 'd1'),
  mailbox('support@acme.example', 'd1'),
  mailbox('news@acme-mail.example', 'd2'),
];

/** The send goes through XMLHttpRequest (upload progress): a stand-in that answers like the platform refusing it. */
function stubSend(sends: string[]) {
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    withCredentials = false;
    #path = '';
    open(_method: string, path: string) {
      this.#path = path;
    }
    setRequestHeader() {}
    abort() {}
    send() {
      sends.push(this.#path);
      const { status, body } = fail(400, 'Domain not found or not active');
      this.status = status;
      this.responseText = JSON.stringify(body);
      setTimeout(() => this.onload?.(), 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
}

function renderCompose(sender: ComposeSender, mailboxes: Mailbox[] = ALL) {
  const sends: string[] = [];
  stubSend(sends);
  const api = mockApi({
    'GET /api/mailboxes': () => ok(mailboxes),
    'GET /api/domains': () => ok(domains),
  });
  const queryClient = createQueryClient({ onUnauthorized: vi.fn(), onError: vi.fn() });
  const router = createMemoryRouter([{ path: '/', element: <ComposeView sender={sender} /> }]);
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...api, sends, user: userEvent.setup() };
}

const fromOptions = async () => {
  // The form shows once the draft buffer is open and the draft resolved; the first render of a cold worker is slow.
  const select = await screen.findByLabelText('From', {}, { timeout: 10_000 });
  await waitFor(() => expect(within(select).getAllByRole('option').length).toBeGreaterThan(1), { timeout: 10_000 });
  return within(select)
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value)
    .filter(Boolean);
};

async function fillMessage(user: ReturnType<typeof userEvent.setup>, from: string) {
  await user.selectOptions(await screen.findByLabelText('From'), from);
  await user.type(screen.getByLabelText('To'), 'ada@example.com{Enter}');
  await user.type(screen.getByLabelText('Subject'), 'Hello');
  await user.type(screen.getByLabelText('Message'), 'Hi there');
}

describe('ComposeView: From', () => {
  it('offers a member only the mailboxes granted to them, even if the list holds more', async () => {
    renderCompose({ userId: 'u1', role: 'member', mailboxGrants: ['support@acme.example'] });
    expect(await fromOptions()).toEqual(['support@acme.example']);
  });

  it('offers operators and admins every company mailbox', async () => {
    renderCompose({ userId: 'u1', role: 'operator', mailboxGrants: [] });
    expect(await fromOptions()).toEqual(ALL.map((m) => m.email));
  });

  it('blocks Send from a domain that is not active with a message at the field; Send anyway lets the platform decide', async () => {
    const { user, sends } = renderCompose({ userId: 'u1', role: 'admin', mailboxGrants: [] });
    await fromOptions();
    await fillMessage(user, 'news@acme-mail.example');

    const select = screen.getByLabelText('From');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const note = document.getElementById(select.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toContain('The domain acme-mail.example is failed, not active');
    expect(note.textContent).toContain('Sending is blocked until it is verified.');
    expect(within(note).getByRole('link', { name: 'See what to fix for acme-mail.example' }).getAttribute('href')).toBe(
      '/domains/d2',
    );

    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Not sent: fix the marked fields first.')).toBeTruthy();
    expect(sends).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: /^Send anyway/ }));
    expect(select.getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/^Not sent: Domain not found or not active/)).toBeTruthy();
    // Autosaves of the draft may go out too (after 3 s): only the sends count here.
    expect(sends.filter((p) => p === '/api/send')).toEqual(['/api/send']);
    // The draft keeps every field.
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('Hello');
    expect((screen.getByLabelText('From') as HTMLSelectElement).value).toBe('news@acme-mail.example');

    // Choosing another mailbox and coming back asks again.
    await user.selectOptions(select, 'info@acme.example');
    await user.selectOptions(select, 'news@acme-mail.example');
    expect((screen.getByRole('checkbox', { name: /^Send anyway/ }) as HTMLInputElement).checked).toBe(false);
  });
});
