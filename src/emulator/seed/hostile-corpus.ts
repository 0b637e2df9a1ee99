import type { SqliteMessageStore } from '../store/sqlite-message-store';

/**
 * A corpus of hostile HTML mails for the webmail's reader: every trick that should never run code, escape the frame
 * or phone home before the user allows remote content. Each script-ish payload leaves a marker the e2e test watches
 * for (`console.log('HOSTILE-EXECUTED')`, `alert`, a navigation of `top`). Remote URLs point at `remoteImageBase`,
 * a listener the test starts, so any request that leaves the browser is seen.
 */
export interface HostileCorpusOptions {
  mailbox: string;
  /** Created when missing. Default "Hostile". */
  folder?: string;
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  remoteImageBase: string;
  now?: Date;
}

export interface HostileMail {
  subject: string;
  html: string;
}

const MARK = "console.log('HOSTILE-EXECUTED')";

export function hostileMails(remote: string): HostileMail[] {
  const r = (name: string) => `${remote}/${name}`;
  return [
    { subject: 'Hostile: script tag', html: `<p>Hello</p><script>${MARK};alert('script')</script>` },
    {
      subject: 'Hostile: event handlers',
      html: `<img src="${r('onerror.png')}" onerror="${MARK}"><body onload="${MARK}"><div onmouseover="${MARK}">hover</div>`,
    },
    {
      subject: 'Hostile: javascript links',
      html: `<a href="javascript:${MARK}">Click me</a> <a href="JaVaScRiPt:alert(1)">and me</a> <a href="data:text/html,<script>${MARK}</script>">data</a>`,
    },
    {
      subject: 'Hostile: iframe',
      html: `<iframe src="${r('frame.html')}"></iframe><iframe srcdoc="<script>${MARK}</script>"></iframe>`,
    },
    {
      subject: 'Hostile: object and embed',
      html: `<object data="${r('object.swf')}"></object><embed src="${r('embed.swf')}"><applet code="x"></applet>`,
    },
    {
      subject: 'Hostile: autosubmit form',
      html: `<form action="${r('steal')}" method="post"><input name="password" autofocus onfocus="this.form.submit()"><button>Sign in</button></form>`,
    },
    {
      subject: 'Hostile: base href',
      html: `<base href="${r('')}"><a href="relative">relative link</a><img src="pixel-relative.png">`,
    },
    {
      subject: 'Hostile: meta refresh',
      html: `<meta http-equiv="refresh" content="0;url=${r('refresh')}"><p>You are being redirected</p>`,
    },
    { subject: 'Hostile: svg onload', html: `<svg onload="${MARK}"><script>${MARK}</script><circle r="4"/></svg>` },
    {
      subject: 'Hostile: style overlay and import',
      html: `<style>@import url(${r('import.css')}); .overlay{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}</style><div class="overlay">Overlay</div><p style="position:absolute;top:-500px">escaped</p>`,
    },
    {
      subject: 'Hostile: CSS backgrounds',
      html: `<div style="background:url(${r('css-bg.png')});height:20px">bg</div><table background="${r('table-bg.png')}"><tr><td style="background-image:url('${r('cell-bg.png')}')">cell</td></tr></table>`,
    },
    {
      subject: 'Hostile: img srcset',
      html: `<img srcset="${r('srcset-1x.png')} 1x, ${r('srcset-2x.png')} 2x" alt="srcset">`,
    },
    { subject: 'Hostile: stylesheet link', html: `<link rel="stylesheet" href="${r('sheet.css')}"><p>Styled</p>` },
    {
      subject: 'Hostile: video poster',
      html: `<video poster="${r('poster.jpg')}" src="${r('video.mp4')}" autoplay></video>`,
    },
    {
      subject: 'Hostile: tracking pixel',
      html: `<p>Our newsletter</p><img src="${r('pixel.gif?id=42')}" width="1" height="1" alt=""><img src="${r('logo.png')}" alt="Logo">`,
    },
    {
      subject: 'Hostile: top navigation',
      html: `<a href="#" onclick="top.location='${r('nav')}'">x</a><script>top.location='${r('nav')}'</script><img src=x onerror="top.location='${r('nav')}'">`,
    },
  ];
}

function rawMessage(mailbox: string, mail: HostileMail, date: Date, i: number): Buffer {
  const html = Buffer.from(mail.html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    `From: Mallory <mallory@hostile.example>\r\nTo: ${mailbox}\r\nSubject: ${mail.subject}\r\n` +
      `Date: ${date.toUTCString()}\r\nMessage-ID: <hostile-${i}@hostile.example>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${html}\r\n`,
  );
}

/** Append the corpus (oldest first, one minute apart) to `folder`; returns the UIDs in corpus order. */
export async function seedHostileCorpus(store: SqliteMessageStore, o: HostileCorpusOptions): Promise<number[]> {
  const folder = o.folder ?? 'Hostile';
  store.createFolderSync(o.mailbox, folder);
  const mails = hostileMails(o.remoteImageBase.replace(/\/+$/, ''));
  const newest = (o.now ?? new Date()).getTime();
  const uids: number[] = [];
  for (const [i, mail] of mails.entries()) {
    const date = new Date(newest - (mails.length - i) * 60_000);
    const { uid } = await store.append(o.mailbox, folder, rawMessage(o.mailbox, mail, date, i), { internalDate: date });
    uids.push(uid);
  }
  return uids;
}
