import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BLOCKED_META_NAME, emailDocumentCsp, sanitizeEmailDocument, textEmailDocument } from './sanitize-email';

const R = 'http://remote.test';
const SELF = 'https://console.test';

function clean(html: string, allowRemote = false, resolveCid?: (id: string) => string | undefined) {
  const out = sanitizeEmailDocument(html, { allowRemote, selfOrigin: SELF, resolveCid });
  const doc = new JSDOM(out.html).window.document;
  return { ...out, doc };
}

describe('sanitizeEmailDocument', () => {
  it('removes scripts, handlers, forms, frames, objects, svg, meta, base and link', () => {
    const { html } = clean(
      `<script>alert(1)</script><img src=x onerror=alert(1)><body onload=alert(1)><form action=${R}><input></form>` +
        `<iframe src=${R}></iframe><object data=${R}></object><embed src=${R}><svg onload=alert(1)></svg>` +
        `<meta http-equiv=refresh content="0;url=${R}"><base href=${R}/><link rel=stylesheet href=${R}/s.css>` +
        `<math><mi>x</mi></math><video poster=${R}/p.jpg></video><dialog open>x</dialog>`,
    );
    expect(html).not.toMatch(
      /<script|onerror|onload|<form|<input|<iframe|<object|<embed|<svg|<base|<link|<math|<video|<dialog|remote\.test/i,
    );
    expect(html.match(/<meta/g)).toHaveLength(3);
  });

  it('blocks remote images until consent and counts them; keeps them after', () => {
    const mail =
      `<img src="${R}/a.png"><img srcset="${R}/b.png 1x, ${R}/c.png 2x"><table background="${R}/t.png"><tr>` +
      `<td style="background:url(${R}/d.png)">x</td></tr></table><style>p{background:image-set("${R}/e)" 1x)}</style>`;
    const blocked = clean(mail);
    expect(blocked.html).not.toContain('remote.test');
    expect(blocked.blockedRemote).toBe(6);
    expect(blocked.doc.querySelector(`meta[name="${BLOCKED_META_NAME}"]`)?.getAttribute('content')).toBe('6');
    const allowed = clean(mail, true);
    expect(allowed.blockedRemote).toBe(0);
    expect(allowed.doc.querySelector('img')?.getAttribute('src')).toBe(`${R}/a.png`);
    expect(allowed.doc.querySelectorAll('img')[1]?.getAttribute('srcset')).toBe(`${R}/b.png 1x, ${R}/c.png 2x`);
    expect(allowed.doc.querySelector('table')?.getAttribute('background')).toBe(`${R}/t.png`);
    expect(allowed.html).toContain(`${R}/e)`);
  });

  it('maps cid: images to the console URL of that part, and drops unknown ones', () => {
    const { doc } = clean(`<img src="cid:Logo@X"><img src="cid:missing">`, false, (id) =>
      id === 'logo@x' ? '/api/inbox/7/attachments/2/download?mailbox=a%40b.c' : undefined,
    );
    const [logo, missing] = doc.querySelectorAll('img');
    expect(logo?.getAttribute('src')).toBe('/api/inbox/7/attachments/2/download?mailbox=a%40b.c');
    expect(missing?.hasAttribute('src')).toBe(false);
  });

  it('never loads images from relative urls or the console origin', () => {
    const { html, blockedRemote } = clean(
      `<img src="/auth/logout"><img src="${SELF}/api/x"><img src="pixel.png">`,
      true,
    );
    expect(html).not.toMatch(/logout|console\.test|pixel\.png/);
    expect(blockedRemote).toBe(0);
  });

  it('rewrites links: absolute http(s), mailto, tel and #anchors only; new tab without referrer', () => {
    const { doc } = clean(
      `<a href="${R}/x">a</a><a href="//remote.test/y">b</a><a href="mailto:a@b.c">c</a><a href="tel:+1">d</a>` +
        `<a href="#top">e</a><a href="javascript:alert(1)">f</a><a href="ja&#9;vascript:alert(1)">g</a>` +
        `<a href="relative/path">h</a><a href="/auth/logout">i</a><a href="data:text/html,x">j</a><a target="_top">k</a>` +
        `<area href="${R}/z" target="_top">`,
    );
    const links = [...doc.querySelectorAll('a, area')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('target'),
      a.getAttribute('rel'),
    ]);
    expect(links).toEqual([
      [`${R}/x`, '_blank', 'noopener noreferrer'],
      ['https://remote.test/y', '_blank', 'noopener noreferrer'],
      ['mailto:a@b.c', '_blank', 'noopener noreferrer'],
      ['tel:+1', '_blank', 'noopener noreferrer'],
      ['#top', null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [`${R}/z`, '_blank', 'noopener noreferrer'],
    ]);
  });

  it("keeps the mail's own body attributes and styles, its head styles and its doctype", () => {
    const { html, doc } = clean(
      `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">` +
        `<html lang="en" dir="ltr" onclick="x"><head><title>T</title><style>body{background:#f6f6f6}</style></head>` +
        `<body bgcolor="#f6f6f6" style="margin:0;padding:0;box-sizing:border-box;font-family:Arial" leftmargin="0" class="b" onload="x">` +
        `<p>hi</p></body></html>`,
    );
    expect(html.startsWith('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"')).toBe(true);
    expect(doc.compatMode).toBe('CSS1Compat');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.documentElement.hasAttribute('onclick')).toBe(false);
    expect(doc.querySelector('title')).toBeNull();
    expect([...doc.head.querySelectorAll('style')].map((s) => s.textContent)[1]).toBe('body{background:#f6f6f6}');
    const body = doc.body;
    expect(body.getAttribute('bgcolor')).toBe('#f6f6f6');
    expect(body.getAttribute('leftmargin')).toBe('0');
    expect(body.getAttribute('class')).toBe('b');
    expect(body.getAttribute('style')).toBe('margin:0;padding:0;box-sizing:border-box;font-family:Arial');
    expect(body.hasAttribute('onload')).toBe(false);
  });

  it('a mail without a doctype stays in quirks mode, as it would on its own', () => {
    expect(clean('<p>x</p>').doc.compatMode).toBe('BackCompat');
  });

  it('removes names that would clobber the document the reader reads', () => {
    const { doc } = clean(`<img name="head"><img id="querySelector"><a name="body">x</a>`);
    expect(doc.querySelector('[name="head"], [id="querySelector"], [name="body"]')).toBeNull();
  });

  it('drops overlays from <style> and style attributes', () => {
    const { html } = clean(
      `<style>:host{--p:fixed}.o{position:var(--p)!important;z-index:2147483647;inset:0}</style><div style="position:fixed;inset:0">x</div>`,
    );
    expect(html).not.toMatch(/:host|fixed|var\(/);
  });

  it('escapes plain text', () => {
    expect(textEmailDocument('<b>x</b> & y').html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; y');
  });
});

describe('emailDocumentCsp', () => {
  it('allows no script and, before consent, no remote image', () => {
    expect(emailDocumentCsp(false)).toBe(
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; " +
        "frame-ancestors 'self'; sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox",
    );
    expect(emailDocumentCsp(true)).toContain("img-src 'self' data: http: https:;");
  });
});
