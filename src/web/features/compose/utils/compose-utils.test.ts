// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Domain, Mailbox, MessageDetail, Template } from '@contract/index';
import { parseAddressList } from './addresses';
import { buildSendRequest, type SendContext } from './build-send-request';
import { newDraft, type Draft } from './draft';
import { replyFields } from './quote';

const domains: Domain[] = [
  {
    id: 'd1',
    domain: 'acme.example',
    status: 'active',
    spfVerified: true,
    dkimVerified: true,
    dmarcVerified: true,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  },
];
const mailboxes: Mailbox[] = [{ email: 'info@acme.example', domain: 'acme.example', username: 'info', domainId: 'd1' }];
const template: Template = {
  id: 't1',
  name: 'Invoice',
  subject: 'Invoice {number}',
  mjmlBody: '<p>{name}</p>{#items}<li>{label}</li>{/items}',
  variables: ['number', 'name', 'items'],
  domainId: 'd1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const ctx: SendContext = {
  mailboxes,
  domains,
  template: undefined,
  templateSubject: undefined,
  now: Date.parse('2026-06-01T12:00:00Z'),
};
const draft = (patch: Partial<Draft>): Draft => ({
  ...newDraft(),
  from: 'info@acme.example',
  to: ['a@x.example'],
  subject: 'Hi',
  markdown: 'Hello',
  ...patch,
});

describe('parseAddressList', () => {
  it('splits pasted lists on commas, semicolons and lines and checks each address', () => {
    expect(parseAddressList('A@x.example; Bob <b@y.example>,\nnot-an-address, ')).toEqual({
      valid: ['a@x.example', 'b@y.example'],
      invalid: ['not-an-address'],
    });
  });
});

describe('buildSendRequest', () => {
  it('derives domainId from the mailbox and sends one To as `to`, several as a recipients batch', () => {
    expect(buildSendRequest(draft({}), ctx).request).toMatchObject({ to: 'a@x.example', domainId: 'd1' });
    const batch = buildSendRequest(draft({ to: ['a@x.example', 'b@x.example'] }), ctx).request;
    expect(batch?.to).toBeUndefined();
    expect(batch?.recipients).toEqual([{ to: 'a@x.example' }, { to: 'b@x.example' }]);
  });

  it('blocks a From whose domain is not active (message on the From field) unless the user chose Send anyway', () => {
    const failing: Domain = { ...domains[0]!, id: 'd2', domain: 'acme-mail.example', status: 'failed' };
    const news: Mailbox = {
      email: 'news@acme-mail.example',
      domain: 'acme-mail.example',
      username: 'news',
      domainId: 'd2',
    };
    const withNews = { ...ctx, mailboxes: [...mailboxes, news], domains: [...domains, failing] };
    const blocked = buildSendRequest(draft({ from: news.email }), withNews);
    expect(blocked.request).toBeUndefined();
    expect(blocked.errors).toEqual({
      from: 'The domain acme-mail.example is failed, not active: the platform refuses to send from it until SPF, DKIM and DMARC verify.',
    });
    const anyway = buildSendRequest(draft({ from: news.email }), { ...withNews, allowInactiveDomain: true });
    expect(anyway.request).toMatchObject({ from: news.email, domainId: 'd2' });
  });

  it('refuses a From that is not among the mailboxes the user may send from (e.g. a restored draft)', () => {
    const { request, errors } = buildSendRequest(draft({ from: 'ceo@acme.example' }), ctx);
    expect(request).toBeUndefined();
    expect(errors.from).toBe('You cannot send from ceo@acme.example: choose one of your mailboxes');
  });

  it('marks each missing template variable and sends nothing', () => {
    const { request, errors } = buildSendRequest(
      draft({ bodyMode: 'template', templateId: 't1', variableInputs: { number: '7', name: '', items: '[]' } }),
      { ...ctx, template },
    );
    expect(request).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['variables.items', 'variables.name']);
  });

  it('refuses reserved headers, a past schedule and files still being read', () => {
    const { errors } = buildSendRequest(
      draft({
        headers: [{ id: 'h1', name: 'Message-ID', value: 'x' }],
        scheduledAt: '2026-05-01T10:00',
        attachments: [{ id: 'f', filename: 'a.txt', contentType: 'text/plain', size: 3, content: null, readBytes: 0 }],
      }),
      ctx,
    );
    expect(errors['headers.h1']).toMatch(/cannot be overridden/);
    expect(errors.scheduledAt).toBe('Choose a time in the future');
    expect(errors.attachments).toMatch(/Wait until/);
  });

  it('turns the written Markdown into HTML with the Markdown as plain text', () => {
    const request = buildSendRequest(draft({ markdown: 'Hello **team**' }), ctx).request!;
    expect(request.html).toContain('<strong>team</strong>');
    expect(request.text).toBe('Hello **team**');
  });
});

describe('replyFields', () => {
  const original: MessageDetail = {
    uid: 5,
    subject: 'Quote',
    from: { name: 'Ann', address: 'ann@client.example' },
    to: [
      { name: '', address: 'info@acme.example' },
      { name: '', address: 'bob@client.example' },
    ],
    cc: [{ name: '', address: 'cat@client.example' }],
    replyTo: null,
    date: '2026-05-01T10:00:00Z',
    seen: true,
    flagged: false,
    textBody: 'Line 1\nLine 2',
    htmlBody: null,
    attachments: [],
    headers: {},
    messageId: '<m2@client.example>',
    inReplyTo: '<m1@client.example>',
    references: ['<m1@client.example>'],
    category: 'primary',
  };
  it('replies to the sender with Re:, a quote and the threading headers', () => {
    expect(replyFields(original, 'info@acme.example', 'reply')).toMatchObject({
      from: 'info@acme.example',
      to: ['ann@client.example'],
      cc: [],
      subject: 'Re: Quote',
      inReplyTo: '<m2@client.example>',
      references: ['<m1@client.example>', '<m2@client.example>'],
    });
    expect(replyFields(original, 'info@acme.example', 'reply').quote).toContain('> Line 1\n> Line 2');
  });
  it('reply-all copies the other recipients but not the replying mailbox; forward starts empty with Fwd:', () => {
    expect(replyFields(original, 'info@acme.example', 'replyAll').cc).toEqual([
      'bob@client.example',
      'cat@client.example',
    ]);
    expect(replyFields(original, 'info@acme.example', 'forward')).toMatchObject({
      to: [],
      subject: 'Fwd: Quote',
      inReplyTo: '',
    });
  });
});

describe('sendRequestBlob', () => {
  it('assembles the same JSON as JSON.stringify, attachments included', async () => {
    const { sendRequestBlob } = await import('../api/send-message');
    const body = {
      from: 'info@acme.example',
      to: 'a@x.example',
      subject: 'Files "quoted"',
      domainId: 'd1',
      html: '<p>x</p>',
      attachments: [
        { filename: 'a.txt', content: 'aGVsbG8=', contentType: 'text/plain' },
        { filename: 'b.bin', content: 'AAEC', contentType: 'application/octet-stream' },
      ],
    };
    const text = await sendRequestBlob(body).text();
    expect(JSON.parse(text)).toEqual(body);
  });
});
