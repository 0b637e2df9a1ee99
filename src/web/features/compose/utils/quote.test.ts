// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Domain, Mailbox, MessageDetail } from '@contract/index';
import { threadKey } from '@mail/thread-subject';
import { buildSendRequest, messageBody, type SendContext } from './build-send-request';
import { newDraft, type Draft, type ReplyMode } from './draft';
import { quoteToHtml, replyFields, replySubject } from './quote';

const ctx: SendContext = {
  mailboxes: [{ email: 'info@acme.example', domain: 'acme.example', username: 'info', domainId: 'd1' }] as Mailbox[],
  domains: [
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
  ] as Domain[],
  template: undefined,
  templateSubject: undefined,
  now: Date.parse('2026-12-03T16:00:00Z'),
};
const GB = { locale: 'en-GB', timeZone: 'Europe/Istanbul' };

const message = (patch: Partial<MessageDetail>): MessageDetail => ({
  uid: 9,
  subject: 'Quote',
  from: { name: 'Ayşe Yılmaz', address: 'ayse@client.example' },
  to: [{ name: 'Acme Info', address: 'info@acme.example' }],
  cc: [],
  replyTo: null,
  date: '2026-12-03T12:34:00Z',
  seen: true,
  flagged: false,
  textBody: null,
  htmlBody: null,
  attachments: [],
  headers: {},
  messageId: '<m9@client.example>',
  inReplyTo: null,
  references: [],
  category: 'primary',
  ...patch,
});

/** The draft the compose page makes for `original`, with `markdown` written by the user. */
function answer(original: MessageDetail, mode: ReplyMode, markdown: string): Draft {
  return {
    ...newDraft(),
    ...replyFields(original, 'info@acme.example', mode, GB),
    to: ['ayse@client.example'],
    markdown,
    replySource: `info@acme.example/INBOX/9/${mode}`,
  };
}

/** Every element and attribute of a built HTML part: what a mail client would render or fetch. */
function markupOf(html: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const elements = [...doc.querySelectorAll('*')];
  return {
    doc,
    tags: new Set(elements.map((e) => e.localName)),
    attributes: elements.flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)),
  };
}

// A newsletter-like hostile original: remote images, script, a hidden preheader (also in the platform's own text
// conversion, as mailparser makes it), Markdown and HTML written as text, and a phishing link.
const hostileHtml =
  '<html><head><title>TITLE-LEAK</title><style>.pre{display:none!important}</style></head><body>' +
  '<span class="pre">PREHEADER-LEAK</span><div style="max-height:0;overflow:hidden;mso-hide:all">HIDDEN-LEAK</div>' +
  '<img src="https://tracker.evil.example/open.gif" width="1" height="1">' +
  '<script>alert("SCRIPT-LEAK")</script>' +
  '<p>Visible &lt;img src=https://evil.example/x.png onerror=alert(1)&gt; text</p>' +
  '<p>![pixel](https://evil.example/md.png) and [click](javascript:alert(1)) and <b>**bold**</b></p>' +
  '<p style="background:url(https://evil.example/bg.png)"><a href="https://evil.example/phish">Log in</a></p>' +
  '</body></html>';

describe('reply to a hostile original', () => {
  const original = message({
    subject: 'Invoice <img src=https://evil.example/s.png> **due**',
    from: { name: 'Ayşe \u202Egnp.exe Yılmaz</b><img src=https://evil.example/n.png>', address: 'ayse@client.example' },
    htmlBody: hostileHtml,
    textBody: 'PREHEADER-LEAK\nVisible text',
  });
  const { request } = buildSendRequest(answer(original, 'reply', 'Thanks, **paid**.'), ctx);

  it('builds a request whose HTML holds no tag, attribute or URL of the original', () => {
    expect(request).toBeDefined();
    const { doc, tags, attributes } = markupOf(request!.html!);
    // The user's own Markdown (<strong>) and the quote's frame are the only markup.
    expect([...tags].sort()).toEqual(['blockquote', 'body', 'br', 'div', 'head', 'html', 'meta', 'p', 'strong']);
    expect(attributes.filter((a) => /evil|javascript|src=|href=/i.test(a))).toEqual([]);
    const text = doc.body.textContent ?? '';
    expect(text).toContain('Visible <img src=https://evil.example/x.png onerror=alert(1)> text');
    expect(text).toContain('![pixel](https://evil.example/md.png) and [click](javascript:alert(1)) and **bold**');
    expect(text).toContain('Log in (https://evil.example/phish)');
    expect(doc.querySelector('strong')?.textContent).toBe('paid');
    for (const leak of ['PREHEADER', 'HIDDEN', 'TITLE', 'SCRIPT', 'tracker', 'bg.png']) {
      expect(request!.html).not.toContain(leak);
    }
  });

  it('quotes the visible text as > lines under a readable header, in the text part too', () => {
    expect(request!.text).toBe(
      [
        'Thanks, **paid**.',
        '',
        'On Thu, 3 Dec 2026 at 15:34, Ayşe ⟨U+202E⟩gnp.exe Yılmaz</b><img src=https://evil.example/n.png> <ayse@client.example> wrote:',
        '> Visible <img src=https://evil.example/x.png onerror=alert(1)> text',
        '> ![pixel](https://evil.example/md.png) and [click](javascript:alert(1)) and **bold**',
        '> Log in (https://evil.example/phish)',
      ].join('\n'),
    );
  });

  it('keeps a hostile subject as text with one Re:', () => {
    expect(request!.subject).toBe('Re: Invoice <img src=https://evil.example/s.png> **due**');
  });

  it('quotes a text-only original literally: HTML and Markdown in it stay characters', () => {
    const textOnly = message({
      textBody:
        '<img src="https://evil.example/a.png">\r\n![x](https://evil.example/b.png)\n\n<script>alert(1)</script>',
    });
    const built = buildSendRequest(answer(textOnly, 'reply', 'Hi'), ctx).request!;
    const { tags, attributes, doc } = markupOf(built.html!);
    expect(tags.has('img') || tags.has('script') || tags.has('a')).toBe(false);
    expect(attributes.filter((a) => /evil/.test(a))).toEqual([]);
    expect(doc.body.textContent).toContain('<img src="https://evil.example/a.png">');
    expect(built.text).toContain(
      '> <img src="https://evil.example/a.png">\n> ![x](https://evil.example/b.png)\n>\n> <script>alert(1)</script>',
    );
  });
});

describe('the quote header', () => {
  const original = message({ textBody: 'Hello' });
  it('is in the reader’s locale and time zone', () => {
    expect(replyFields(original, 'info@acme.example', 'reply', GB).quote).toBe(
      'On Thu, 3 Dec 2026 at 15:34, Ayşe Yılmaz <ayse@client.example> wrote:\n> Hello',
    );
    expect(
      replyFields(original, 'info@acme.example', 'reply', { locale: 'en-US', timeZone: 'America/Los_Angeles' }).quote,
    ).toBe('On Thu, Dec 3, 2026 at 4:34 AM, Ayşe Yılmaz <ayse@client.example> wrote:\n> Hello');
    expect(replyFields(original, 'info@acme.example', 'reply', { locale: 'de-DE', timeZone: 'Asia/Tokyo' }).quote).toBe(
      'On Do., 3. Dez. 2026 at 21:34, Ayşe Yılmaz <ayse@client.example> wrote:\n> Hello',
    );
  });
  it('leaves out a date that is not one, and shows a bare address once', () => {
    const odd = message({ date: 'yesterday', from: { name: 'ann@x.example', address: 'ann@x.example' }, textBody: '' });
    expect(replyFields(odd, 'info@acme.example', 'reply').quote).toBe('ann@x.example wrote:');
  });
});

describe('forward', () => {
  const original = message({
    subject: 'Fwd: Plans',
    to: [
      { name: 'Acme Info', address: 'info@acme.example' },
      { name: '', address: 'bob@client.example' },
    ],
    cc: [{ name: 'Cat', address: 'cat@client.example' }],
    htmlBody: '<p>The plan</p><p>Step <b>two</b></p>',
  });
  it('is a readable Forwarded message block of text', () => {
    expect(replyFields(original, 'info@acme.example', 'forward', GB)).toMatchObject({
      to: [],
      subject: 'Fwd: Plans',
      inReplyTo: '',
      quote: [
        '---------- Forwarded message ----------',
        'From: Ayşe Yılmaz <ayse@client.example>',
        'Date: Thu, 3 Dec 2026 at 15:34',
        'Subject: Fwd: Plans',
        'To: Acme Info <info@acme.example>, bob@client.example',
        'Cc: Cat <cat@client.example>',
        '',
        'The plan',
        'Step two',
      ].join('\n'),
    });
  });
  it('may be sent without a word of its own; a reply may not', () => {
    expect(buildSendRequest(answer(original, 'forward', ''), ctx).errors).toEqual({});
    expect(buildSendRequest(answer(original, 'reply', ' '), ctx).errors).toEqual({ body: 'Write a message' });
  });
});

describe('replySubject', () => {
  it('adds one prefix and never stacks them', () => {
    expect(replySubject('Plans', 'reply')).toBe('Re: Plans');
    for (const s of ['Re: Plans', 'RE : Plans', 're:Plans', 'Re[2]: Plans', 'AW: Plans', 'Ynt: Planlar', 'Re: Re: x']) {
      expect(replySubject(s, 'reply')).toBe(s);
    }
    expect(replySubject('Fwd: Plans', 'reply')).toBe('Re: Fwd: Plans');
    expect(replySubject('Re: Plans', 'forward')).toBe('Fwd: Re: Plans');
    for (const s of ['Fwd: Plans', 'FW: Plans', 'İlt: Planlar']) expect(replySubject(s, 'forward')).toBe(s);
    expect(replySubject('', 'reply')).toBe('Re:');
  });
  it('keeps the platform’s thread key, and a subject on one line', () => {
    for (const s of ['Plans', 'Re: Plans', 'Re: Re: Plans', 'AW: Plans']) {
      expect(threadKey(replySubject(s, 'reply'))).toBe(threadKey(s));
    }
    expect(replySubject('Hi\r\nBcc: all@x.example', 'reply')).toBe('Re: Hi Bcc: all@x.example');
  });
});

describe('quoteToHtml and messageBody', () => {
  it('escapes every character and nests > levels as blockquotes', () => {
    const html = quoteToHtml('Ann wrote:\n> a & b <i>\n> > "older" \'x\'\n> back');
    const { doc, tags } = markupOf(html);
    expect([...tags].sort()).toEqual(['blockquote', 'body', 'div', 'head', 'html']);
    expect(doc.querySelectorAll('blockquote blockquote')).toHaveLength(1);
    expect(doc.querySelector('blockquote blockquote')?.textContent).toBe('"older" \'x\'');
    expect(doc.body.textContent).toContain('a & b <i>');
  });
  it('puts the quote after the user’s text in both parts, and nothing when there is none', () => {
    expect(messageBody('Hi', '> q').text).toBe('Hi\n\n> q');
    expect(messageBody('Hi', '  ').text).toBe('Hi');
    expect(messageBody('Hi').html).not.toContain('sentroy-quote');
  });
});
