import { MARK, type HostileMailSpec } from './hostile-types';

/**
 * Hostile text, names, subjects and file names: markup and Markdown that must stay text (in the reader, and in a
 * reply or forward), bidi overrides that reverse what is read, and display names posing as addresses.
 */
export function hostileTextMails(r: (name: string) => string): HostileMailSpec[] {
  const img = (name: string) => `<img src="${r(`text/${name}`)}" onerror="${MARK}">`;
  return [
    { title: `markup in the subject ${img('subject.png')}`, text: 'The subject carries an image tag.' },
    { title: 'markdown in the subject ![x](' + r('text/md-subject.png') + ')', text: 'Markdown image in the subject.' },
    { title: 'markup in the name', fromName: `Mallory ${img('name.png')}`, text: 'The name carries an image tag.' },
    {
      title: 'markdown in the name',
      fromName: `![logo](${r('text/md-name.png')}) [Bank](javascript:alert(1))`,
      text: 'x',
    },
    { title: 'markup in plain text', text: `Hello ${img('body.png')}<script>${MARK}</script><b>bold?</b>` },
    {
      title: 'markdown in plain text',
      text: `![tracker](${r('text/md-body.png')})\n[click](javascript:${MARK})\n<img src="${r('text/md-html.png')}">`,
    },
    { title: 'bidi override in the subject \u202Egnp.exe', text: 'RLO in the subject.' },
    { title: 'bidi override in the name', fromName: 'Support \u202Eeludom\u202C Team', text: 'RLO in the name.' },
    {
      title: 'bidi isolates and marks \u2067\u200F\u2066x\u2069',
      fromName: '\u2067evil\u2069',
      text: 'LRI/RLI/PDI.\u202E reversed tail',
    },
    {
      title: 'name that is an address',
      fromName: 'support@acme.example',
      text: 'The display name poses as an address.',
    },
    { title: 'name with an address in brackets', fromName: 'support@acme.example <it@acme.example>', text: 'x' },
    {
      title: 'zero-width characters in the\u200B\u200C\u200D\uFEFF subject',
      fromName: 'pay\u200Bpal',
      text: 'zero width',
    },
    { title: 'control characters \u0007\u001b[31m', text: 'Bell and ANSI escape: \u0007\u001b[31mred\u001b[0m' },
    { title: 'long subject ' + 'x'.repeat(900), text: 'A 900-character subject.' },
    {
      title: 'combining marks Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319',
      text: 'Z\u0351\u036b\u0343\u036a\u0302'.repeat(50),
    },
    { title: 'template placeholders {name} {{name}} ${name}', text: 'Hello {name} {{name}} ${name} %s %n' },
    {
      title: 'textarea breakout',
      text: `</textarea><img src="${r('text/textarea.png')}"></pre><script>${MARK}</script>`,
    },
    {
      title: 'reversed attachment name',
      text: 'See the attachment.',
      attachments: [{ filename: 'invoice\u202Efdp.exe', contentType: 'application/octet-stream', content: 'MZ' }],
    },
    {
      title: 'markup in an attachment name',
      text: 'See the attachment.',
      attachments: [{ filename: `<img src=x onerror=${MARK}>.txt`, contentType: 'text/plain', content: 'hello' }],
    },
    {
      title: 'html mail with a hidden preheader and markdown',
      html: `<div style="display:none">Preheader ![x](${r('text/pre.png')})</div><p>Body with [a link](javascript:alert(1)) and &lt;img src=${r('text/escaped.png')}&gt;</p>`,
    },
  ];
}
