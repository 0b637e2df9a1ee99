import { describe, expect, it } from 'vitest';
import { judgeImageUrl, type ImageUrlContext } from './email-urls';
import { sanitizeDeclarations, sanitizeStylesheet, type CssJudge } from './sanitize-css';

const R = 'http://remote.test';

function setup(allowRemote = false) {
  const ctx: ImageUrlContext = { allowRemote, blocked: 0, selfOrigin: 'https://console.test' };
  const judge: CssJudge = { image: (url) => judgeImageUrl(url, ctx) };
  return {
    ctx,
    sheet: (css: string) => sanitizeStylesheet(css, judge),
    decl: (css: string) => sanitizeDeclarations(css, judge),
  };
}

describe('sanitizeStylesheet: remote images are tokens, not text', () => {
  it.each([
    ['image-set with ) in a string', `a{background:image-set("${R}/x).png" 1x)}`],
    ['image-set with single quotes and )', `a{background-image:-webkit-image-set('${R}/a)' 1x, '${R}/b' 2x)}`],
    ['image-set with url()', `a{background:image-set(url("${R}/c.png") 1x)}`],
    ['a gradient before the remote url', `a{background:linear-gradient(red,blue),url(${R}/d.png)}`],
    ['a data: url before the remote url', `a{background:url(data:image/png;base64,AA),url(${R}/e.png)}`],
    ['an escaped url in the string', `a{background:url("\\68ttp://remote.test/f.png")}`],
    ['a protocol-relative url', `a{background:url(//remote.test/g.png)}`],
    ['uppercase URL()', `a{background:URL(${R}/h.png)}`],
    ['a custom property', `a{--bg:url(${R}/i.png);background:var(--bg)}`],
    ['list-style-image', `li{list-style-image:url('${R}/j.png')}`],
    ['in a media query', `@media screen{a{background:url(${R}/k.png)}}`],
    ['a url left open at the end', `a{background:url(${R}/l.png`],
    ['a url left open before a semicolon', `a{background:url(${R}/m.png;color:red}`],
  ])('%s', (_name, css) => {
    const { ctx, sheet } = setup();
    const out = sheet(css);
    expect(out).not.toContain('remote.test');
    expect(ctx.blocked).toBeGreaterThan(0);
  });

  it.each([
    ['an escaped url( function', `a{background:\\75 rl(${R}/a.png)}`],
    ['an escaped function name', `a{background:u\\72l("${R}/b.png")}`],
    ['var() inside image-set', `a{background:image-set(var(--u) 1x)}`],
    ['attr()', `a{background:attr(data-x url)}`],
    ['image()', `a{background:image("${R}/e.png")}`],
    ['cross-fade()', `a{background:cross-fade(url(${R}/f.png), red 50%)}`],
    ['src()', `a{background:src("${R}/g.png")}`],
    ['expression()', `a{width:expression(alert(1))}`],
    ['-moz-binding', `a{-moz-binding:url(${R}/xbl.xml#x)}`],
    ['behavior', `a{behavior:url(${R}/x.htc)}`],
  ])('drops %s', (_name, css) => {
    const { sheet } = setup(true);
    expect(sheet(css)).not.toMatch(/remote\.test|expression|binding|behavior|attr\(/);
  });

  it('comments inside url() are part of the url (relative: dropped), and comments elsewhere go', () => {
    const { sheet } = setup(true);
    expect(sheet(`a{background:url(/*x*/${R}/a.png)}`)).toBe('a{background:none}');
    expect(sheet(`a{color:/* hi */red}`)).toBe('a{color:red}');
    expect(sheet(`a{background:image-set(/*c*/"${R}/b.png" 1x)}`)).toContain(`${R}/b.png`);
  });

  it('keeps data: images, gradients and, with consent, remote images', () => {
    const { ctx, sheet } = setup(true);
    expect(sheet(`a{background:linear-gradient(red,blue),url(data:image/png;base64,AA),url(${R}/d.png)}`)).toBe(
      `a{background:linear-gradient(red,blue),url(data:image/png;base64,AA),url(${R}/d.png)}`,
    );
    expect(sheet(`a{background:image-set("${R}/x).png" 1x)}`)).toContain(`${R}/x).png`);
    expect(ctx.blocked).toBe(0);
  });

  it('a blocked url that is a whole value item becomes none, keeping the rest of the shorthand', () => {
    const { sheet } = setup();
    expect(sheet(`td{background:#ffcc00 url(${R}/a.png) no-repeat}`)).toBe('td{background:#ffcc00 none no-repeat}');
  });

  it('never loads from the console origin or from relative urls, consent or not', () => {
    const { ctx, sheet } = setup(true);
    expect(sheet(`a{background:url(https://console.test/api/x)}b{background:url(/auth/logout)}`)).not.toMatch(
      /console\.test|logout/,
    );
    expect(ctx.blocked).toBe(0);
  });

  it('drops @import, @font-face, @namespace, @property and unknown at-rules, keeps @media and @keyframes', () => {
    const { sheet } = setup(true);
    const out = sheet(
      `@import url(${R}/a.css);@import "${R}/b.css" screen;@font-face{font-family:x;src:url(${R}/f.woff)}` +
        `@namespace x url(${R});@property --x{syntax:"<url>";inherits:false;initial-value:url(${R}/p.png)}` +
        `@media (max-width:600px){.a{width:100%!important}}@keyframes k{from{opacity:0}to{opacity:1}}@\\69mport "${R}/c.css";`,
    );
    expect(out).toBe('@media (max-width:600px){.a{width:100%!important}}@keyframes k{from{opacity:0}to{opacity:1}}');
  });

  it('drops overlays: position fixed/sticky/absolute however spelled, var() in position, :host and friends', () => {
    const { sheet } = setup();
    const out = sheet(
      `.a{position:fixed;top:0}.b{position:var(--p)}.c{--p:fixed;position:sticky!important}.d{po\\73ition:fixed}` +
        `:host{color:red}:host(.x) a{color:red}::part(x){color:red}::slotted(p){color:red}:\\68ost{color:red}` +
        `.e{position:absolute}.f{position:relative;z-index:2}`,
    );
    expect(out).toBe('.a{top:0}.c{--p:fixed}.f{position:relative;z-index:2}');
  });

  it('keeps `</style>` inside the style element', () => {
    const { sheet } = setup();
    expect(sheet(`a::after{content:"</style><script>alert(1)</script>"}`)).not.toContain('</');
  });

  it('keeps what newsletters use', () => {
    const { sheet } = setup();
    const css =
      `body{margin:0;padding:0;-webkit-text-size-adjust:100%;font-family:"Helvetica Neue",Helvetica,sans-serif}` +
      `table td{font-size:14px;vertical-align:top}.btn a:hover{background-color:#34495e!important}` +
      `@media only screen and (max-width:620px){table.body .container{padding:0!important;width:100%!important}}`;
    expect(sheet(css)).toBe(css.replace(/ and \(/, ' and (').replace('vertical-align:top', 'vertical-align:top'));
  });
});

describe('sanitizeDeclarations (style attributes)', () => {
  it('judges each declaration on its own', () => {
    const { ctx, decl } = setup();
    expect(decl(`color:red;background-image:url('${R}/a.png');position:fixed;padding:4px`)).toBe(
      'color:red;background-image:none;padding:4px',
    );
    expect(ctx.blocked).toBe(1);
  });
  it('blocks a url left open', () => {
    const { decl } = setup();
    expect(decl(`background:url(${R}/a.png;color:red`)).not.toContain('remote.test');
  });
});
