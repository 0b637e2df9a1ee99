import type { ComposeAttachment, ComposeInput } from '../store/mime';
import { DEMO_MAILBOXES, DEMO_MESSAGE_COUNT } from './demo-data';
import type { Random } from './prng';

/**
 * The demo mailbox content: deterministic (seeded PRNG), realistic enough to exercise the webmail — threads across
 * INBOX and Sent (with renamed subjects), HTML newsletters with remote images, attachments, unread mail, and some
 * mail in Archive, Junk, Trash and Drafts, spread over the last ~60 days.
 */

export interface DemoMessage {
  mailbox: string;
  folder: string;
  input: ComposeInput;
  seen: boolean;
  flagged: boolean;
  flags?: string[];
}

interface Person {
  name: string;
  address: string;
}

const CUSTOMERS: Person[] = [
  { name: 'Maria Garcia', address: 'maria.garcia@globex.example' },
  { name: 'Jonas Becker', address: 'jonas@initech.example' },
  { name: 'Aylin Yılmaz', address: 'aylin.yilmaz@umbrella.example' },
  { name: 'Chen Wei', address: 'chen.wei@hooli.example' },
  { name: 'Fatima Zahra', address: 'fatima@soylent.example' },
  { name: 'Liam O’Connor', address: 'liam.oconnor@vandelay.example' },
  { name: 'Sofia Rossi', address: 'sofia.rossi@stark.example' },
  { name: 'Mehmet Demir', address: 'mehmet.demir@wayne.example' },
  { name: 'Emma Johansson', address: 'emma.j@cyberdyne.example' },
  { name: 'Noah Smith', address: 'noah.smith@tyrell.example' },
];

const THREAD_SUBJECTS = [
  'Question about our subscription',
  'Invoice 2026-0142 looks wrong',
  'Cannot log in since yesterday',
  'Partnership proposal',
  'Request for a product demo',
  'Bulk pricing for 50 seats',
  'DNS records for our domain',
  'Feature request: export to CSV',
  'Meeting next Tuesday',
  'Contract renewal',
  'Emails landing in spam',
  'API rate limits',
  'Data processing agreement',
  'Onboarding call follow-up',
  'Refund for duplicate charge',
  'Webhook deliveries failing',
  'Siparişim hakkında',
  'Welcome pack never arrived',
];

const CUSTOMER_LINES = [
  'Could you take a look at this when you have a moment?',
  'We noticed this after the last update and it affects several people on our team.',
  'Happy to jump on a call if that is easier.',
  'Let me know if you need anything else from our side.',
  'I have attached what we have so far.',
  'Thanks again for the quick help last time.',
  'Our finance team is asking about this before the end of the month.',
];

const REPLY_LINES = [
  'Thanks for reaching out — we are looking into it now.',
  'Good news: this is fixed on our side. Could you try again?',
  'I have forwarded this to our billing team; you will hear back within one business day.',
  'Here is a short summary of the options we discussed.',
  'Could you send us a screenshot of the error message?',
];

const NEWSLETTERS: { from: Person; subjects: string[] }[] = [
  {
    from: { name: 'Globex Weekly', address: 'newsletter@globex.example' },
    subjects: ['This week at Globex', 'Globex digest: 5 things to read', 'Spring sale: 30% off'],
  },
  {
    from: { name: 'DevTools Digest', address: 'news@devtools.example' },
    subjects: ['New releases this month', 'The state of email deliverability', 'Webinar: scaling your inbox'],
  },
  {
    from: { name: 'Travel Deals', address: 'deals@travel.example' },
    subjects: ['Last-minute deals to Lisbon', 'Weekend offers just for you', 'Flash sale ends tonight'],
  },
];

const NOTIFICATIONS: { from: Person; subject: string; attachment?: 'pdf' | 'csv' | 'png' }[] = [
  {
    from: { name: 'Hooli Billing', address: 'billing@hooli.example' },
    subject: 'Your receipt for order #{n}',
    attachment: 'pdf',
  },
  {
    from: { name: 'Cloud Monitor', address: 'alerts@monitor.example' },
    subject: 'Weekly uptime report',
    attachment: 'csv',
  },
  {
    from: { name: 'Design Team', address: 'design@acme.example' },
    subject: 'New landing page mockup',
    attachment: 'png',
  },
  {
    from: { name: 'GitHub', address: 'notifications@github.example' },
    subject: '[acme/console] Pull request #{n} merged',
  },
  {
    from: { name: 'Initech Accounts', address: 'invoice@initech.example' },
    subject: 'Invoice {n} from Initech',
    attachment: 'pdf',
  },
  {
    from: { name: 'Analytics', address: 'reports@analytics.example' },
    subject: 'Monthly traffic export',
    attachment: 'csv',
  },
];

const SPAM_SUBJECTS = [
  'You have WON a $1000 gift card!!!',
  'Urgent: verify your account now',
  'Cheap watches, best prices',
  'Re: your invoice (unpaid)',
  'Earn $$$ from home today',
  'Final notice: package held at customs',
];

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function attachmentOf(kind: 'pdf' | 'csv' | 'png', rnd: Random, n: number): ComposeAttachment {
  if (kind === 'pdf') return { filename: `invoice-${n}.pdf`, content: PDF, contentType: 'application/pdf' };
  if (kind === 'png') return { filename: `mockup-${n}.png`, content: PNG, contentType: 'image/png' };
  const rows = Array.from(
    { length: 6 },
    (_, i) => `2026-0${(i % 9) + 1}-1${i},${rnd.int(100, 9999)},${rnd.int(90, 100)}.${rnd.int(0, 9)}%`,
  );
  return {
    filename: `report-${n}.csv`,
    content: Buffer.from(['date,visits,uptime', ...rows].join('\n') + '\n'),
    contentType: 'text/csv',
  };
}

const paragraphs = (lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('\n');

export function generateDemoMessages(now: Date, rnd: Random): DemoMessage[] {
  const out: DemoMessage[] = [];
  const daysAgo = (d: number, jitterHours = 0) => new Date(now.getTime() - d * 86_400_000 - jitterHours * 3_600_000);
  const id = (domain: string) => `<${rnd.hex(20)}@${domain}>`;
  const domainOf = (address: string) => address.split('@')[1] ?? 'example';
  const self = (address: string): Person => ({
    name: address.startsWith('support') ? 'Acme Support' : address.startsWith('news') ? 'Acme News' : 'Acme Info',
    address,
  });

  // 1. Customer threads: inbound to INBOX, our replies in Sent; every 5th thread renames its subject midway.
  THREAD_SUBJECTS.forEach((subject, t) => {
    const mailbox = t % 3 === 0 ? DEMO_MAILBOXES.support : DEMO_MAILBOXES.info;
    const customer = CUSTOMERS[t % CUSTOMERS.length]!;
    const archived = t % 7 === 6;
    const length = rnd.int(2, 5);
    let date = daysAgo(rnd.int(6, 58), rnd.int(0, 12));
    const refs: string[] = [];
    let currentSubject = subject;
    for (let i = 0; i < length; i++) {
      const inbound = i % 2 === 0;
      const from = inbound ? customer : self(mailbox);
      const to = inbound ? self(mailbox) : customer;
      const messageId = id(domainOf(from.address));
      if (i > 0)
        currentSubject =
          t % 5 === 4 && i === 2 ? `${subject} — updated proposal` : `Re: ${currentSubject.replace(/^Re:\s*/i, '')}`;
      const lines = inbound ? [rnd.pick(CUSTOMER_LINES), rnd.pick(CUSTOMER_LINES)] : [rnd.pick(REPLY_LINES)];
      const body = `Hi ${to.name.split(' ')[0]},\n\n${lines.join(' ')}\n\nBest,\n${from.name}`;
      const isLast = i === length - 1;
      const attachments =
        inbound && rnd.chance(0.2)
          ? [attachmentOf(rnd.pick(['pdf', 'png', 'csv'] as const), rnd, t * 10 + i)]
          : undefined;
      out.push({
        mailbox,
        folder: inbound ? (archived ? 'Archive' : 'INBOX') : 'Sent',
        input: {
          from,
          to: [`${to.name} <${to.address}>`],
          subject: currentSubject,
          text: body,
          html: i % 2 === 1 ? paragraphs(body.split('\n\n')) : undefined,
          messageId,
          inReplyTo: refs.at(-1),
          references: refs.length > 0 ? [...refs] : undefined,
          date,
          attachments,
        },
        // The newest inbound message of a thread is often still unread.
        seen: !inbound || !isLast || archived || rnd.chance(0.4),
        flagged: inbound && rnd.chance(0.1),
        flags: !inbound ? ['\\Answered'] : undefined,
      });
      refs.push(messageId);
      date = new Date(date.getTime() + rnd.int(1, 20) * 3_600_000);
    }
  });

  // 2. Internal threads info ↔ support: one copy in the sender's Sent, one in the recipient's INBOX (same Message-ID).
  for (let t = 0; t < 4; t++) {
    const subject = [
      'Handover for the weekend',
      'Customer escalation: Globex',
      'Q3 support metrics',
      'Shared inbox rules',
    ][t]!;
    let date = daysAgo(rnd.int(2, 40));
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const from = i % 2 === 0 ? DEMO_MAILBOXES.info : DEMO_MAILBOXES.support;
      const to = i % 2 === 0 ? DEMO_MAILBOXES.support : DEMO_MAILBOXES.info;
      const input: ComposeInput = {
        from: self(from),
        to: [to],
        subject: i === 0 ? subject : `Re: ${subject}`,
        text: `${rnd.pick(CUSTOMER_LINES)}\n\n— ${self(from).name}`,
        messageId: id('acme.example'),
        inReplyTo: refs.at(-1),
        references: refs.length > 0 ? [...refs] : undefined,
        date,
      };
      out.push({ mailbox: from, folder: 'Sent', input, seen: true, flagged: false });
      out.push({ mailbox: to, folder: 'INBOX', input, seen: i < 2 || rnd.chance(0.5), flagged: false });
      refs.push(input.messageId);
      date = new Date(date.getTime() + rnd.int(1, 6) * 3_600_000);
    }
  }

  // 3. Newsletters: HTML with remote images (the console blocks them until allowed).
  for (let i = 0; i < 24; i++) {
    const source = NEWSLETTERS[i % NEWSLETTERS.length]!;
    const subject = source.subjects[Math.floor(i / NEWSLETTERS.length) % source.subjects.length]!;
    const slug = source.from.address.split('@')[1]!.split('.')[0]!;
    const html =
      `<table width="100%" style="font-family:Arial"><tr><td><img src="http://images.example/${slug}/header-${i}.jpg" width="600" alt="${source.from.name}"></td></tr>` +
      `<tr><td><h1>${subject}</h1><p>${rnd.pick(CUSTOMER_LINES)}</p><p><a href="https://${slug}.example/read/${i}">Read more</a></p>` +
      `<img src="http://images.example/track/${rnd.hex(12)}.gif" width="1" height="1" alt=""></td></tr></table>`;
    out.push({
      mailbox: i % 4 === 3 ? DEMO_MAILBOXES.support : DEMO_MAILBOXES.info,
      folder: i % 8 === 7 ? 'Trash' : 'INBOX',
      input: {
        from: source.from,
        to: [DEMO_MAILBOXES.info],
        subject,
        html,
        messageId: id(domainOf(source.from.address)),
        date: daysAgo(rnd.int(0, 59), rnd.int(0, 23)),
        headers: { 'List-Unsubscribe': `<https://${slug}.example/unsubscribe>` },
      },
      seen: rnd.chance(0.6),
      flagged: false,
    });
  }

  // 4. Notifications and receipts, many with attachments.
  for (let i = 0; i < 30; i++) {
    const n = NOTIFICATIONS[i % NOTIFICATIONS.length]!;
    const number = 1000 + i * 7;
    out.push({
      mailbox: i % 3 === 2 ? DEMO_MAILBOXES.support : DEMO_MAILBOXES.info,
      folder: i % 10 === 9 ? 'Archive' : 'INBOX',
      input: {
        from: n.from,
        to: [i % 3 === 2 ? DEMO_MAILBOXES.support : DEMO_MAILBOXES.info],
        subject: n.subject.replace('{n}', String(number)),
        text: `Hello,\n\n${n.subject.replace('{n}', String(number))}.\nDetails are ${n.attachment ? 'attached' : 'available online'}.\n`,
        html: `<p>Hello,</p><p>${n.subject.replace('{n}', String(number))}.</p><p><img src="http://images.example/${n.from.address.split('@')[1]}/logo.png" alt=""></p>`,
        messageId: id(domainOf(n.from.address)),
        date: daysAgo(rnd.int(0, 59), rnd.int(0, 23)),
        attachments: n.attachment ? [attachmentOf(n.attachment, rnd, number)] : undefined,
      },
      seen: rnd.chance(0.7),
      flagged: rnd.chance(0.1),
    });
  }

  // 5. Junk.
  for (let i = 0; i < 14; i++) {
    const mailbox = i < 10 ? DEMO_MAILBOXES.info : DEMO_MAILBOXES.support;
    out.push({
      mailbox,
      folder: 'Junk',
      input: {
        from: { name: 'Prize Center', address: `winner${i}@spam${i % 3}.example` },
        to: [mailbox],
        subject: SPAM_SUBJECTS[i % SPAM_SUBJECTS.length]!,
        html: `<p>Click <a href="http://spam.example/${i}">here</a> now!</p><img src="http://images.example/spam/${i}.png">`,
        messageId: id(`spam${i % 3}.example`),
        date: daysAgo(rnd.int(0, 59)),
      },
      seen: rnd.chance(0.3),
      flagged: false,
    });
  }

  // 6. Drafts (\Draft \Seen, as the platform's drafts endpoint stores them).
  for (let i = 0; i < 6; i++) {
    const mailbox = i % 2 === 0 ? DEMO_MAILBOXES.info : DEMO_MAILBOXES.support;
    const customer = CUSTOMERS[(i + 3) % CUSTOMERS.length]!;
    out.push({
      mailbox,
      folder: 'Drafts',
      input: {
        from: self(mailbox),
        to: [`${customer.name} <${customer.address}>`],
        subject: [
          'Follow-up on our call',
          'Draft: pricing update',
          'Quick question',
          'Re: Contract renewal',
          'Notes for the team',
          'Holiday schedule',
        ][i]!,
        text: `Hi ${customer.name.split(' ')[0]},\n\n${rnd.pick(REPLY_LINES)}\n`,
        messageId: id('acme.example'),
        date: daysAgo(rnd.int(0, 10)),
      },
      seen: true,
      flagged: false,
      flags: ['\\Draft'],
    });
  }

  // 7. news@acme-mail.example: campaign copies in Sent, replies and bounces in INBOX.
  for (let i = 0; i < 22; i++) {
    const customer = CUSTOMERS[i % CUSTOMERS.length]!;
    const campaign = [
      'March product update',
      'Acme webinar invitation',
      'Your April newsletter',
      'Bizden haberler: Nisan',
    ][i % 4]!;
    const inbound = i % 2 === 1;
    out.push({
      mailbox: DEMO_MAILBOXES.news,
      folder: inbound ? 'INBOX' : 'Sent',
      input: inbound
        ? {
            from: customer,
            to: [DEMO_MAILBOXES.news],
            subject: `Re: ${campaign}`,
            text: `${rnd.pick(CUSTOMER_LINES)}\n\n${customer.name}`,
            messageId: id(domainOf(customer.address)),
            date: daysAgo(rnd.int(0, 50)),
          }
        : {
            from: self(DEMO_MAILBOXES.news),
            to: [customer.address],
            subject: campaign,
            html: `<h1>${campaign}</h1><img src="http://images.example/acme/campaign-${i % 4}.jpg" width="600"><p>${rnd.pick(CUSTOMER_LINES)}</p>`,
            messageId: id('acme-mail.example'),
            date: daysAgo(rnd.int(0, 50)),
            headers: { 'List-Unsubscribe': '<mailto:unsubscribe@acme-mail.example>' },
          },
      seen: !inbound || rnd.chance(0.5),
      flagged: false,
    });
  }

  // 8. Single customer messages fill the rest, so the total is exactly DEMO_MESSAGE_COUNT.
  let i = 0;
  while (out.length < DEMO_MESSAGE_COUNT) {
    const customer = CUSTOMERS[(i * 3) % CUSTOMERS.length]!;
    const mailbox = i % 2 === 0 ? DEMO_MAILBOXES.info : DEMO_MAILBOXES.support;
    out.push({
      mailbox,
      folder: i % 9 === 8 ? 'Trash' : 'INBOX',
      input: {
        from: customer,
        to: [mailbox],
        subject: `${rnd.pick(['Quick question', 'Hello from', 'Following up', 'Feedback', 'Idea'])} ${rnd.pick(['about pricing', 'on the new release', 'for the team', 'regarding access', 'on our account'])}`,
        text: `Hi,\n\n${rnd.pick(CUSTOMER_LINES)} ${rnd.pick(CUSTOMER_LINES)}\n\n${customer.name}`,
        messageId: id(domainOf(customer.address)),
        date: daysAgo(rnd.int(0, 59), rnd.int(0, 23)),
      },
      seen: rnd.chance(0.65),
      flagged: rnd.chance(0.05),
    });
    i++;
  }
  return out.slice(0, DEMO_MESSAGE_COUNT);
}
