import type { HostileMailSpec } from './hostile-types';

/**
 * CSS parser differentials: ways to spell a remote fetch that a regular-expression filter reads differently from a
 * browser. None may reach the remote listener before "Show images" (and @import / fonts never do).
 */
export function hostileCssMails(r: (name: string) => string): HostileMailSpec[] {
  const u = (name: string) => r(`css/${name}`);
  const styled = (title: string, css: string, html = '<div class="x">styled</div>') => ({
    title,
    html: `<style>${css}</style>${html}`,
  });
  const inline = (title: string, style: string) => ({ title, html: `<div style="${style}">inline</div>` });
  return [
    styled('image-set with ) in a double-quoted string', `.x{background-image:image-set("${u('a).png')}" 1x)}`),
    styled('image-set with ) in a single-quoted string', `.x{background-image:image-set('${u('b).png')}' 1x)}`),
    styled(
      'webkit image-set with two strings',
      `.x{background:-webkit-image-set("${u('c1.png')}" 1x,"${u('c2).png')}" 2x)}`,
    ),
    styled('image-set with url() and type()', `.x{background:image-set(url("${u('d.avif')}") type("image/avif") 1x)}`),
    styled('gradient before the remote url', `.x{background:linear-gradient(red,blue),url(${u('e.png')})}`),
    styled(
      'data url before the remote url',
      `.x{background:url(data:image/png;base64,iVBORw0KGgo=),url("${u('f.png')}")}`,
    ),
    styled(
      'gradient with ) in a string before image-set',
      `.x{background:linear-gradient(red,blue),image-set("${u('g).png')}" 1x)}`,
    ),
    styled('escaped url function', `.x{background:\\75 rl(${u('h.png')})}`),
    styled('escaped letter inside url', `.x{background:u\\72l("${u('i.png')}")}`),
    styled('six-digit escape', `.x{background:\\000075rl(${u('j.png')})}`),
    styled(
      'escaped scheme inside the string',
      `.x{background:url("\\68ttp://${u('k.png').replace(/^http:\/\//, '')}")}`,
    ),
    styled('comment inside url()', `.x{background:url(/*c*/${u('l.png')})}`),
    styled('comment inside image-set', `.x{background:image-set(/*c*/"${u('m.png')}"/*d*/ 1x)}`),
    styled('comment between url and bracket', `.x{background:url/**/(${u('n.png')})}`),
    styled('uppercase URL()', `.x{background:URL(${u('o.png')})}`),
    styled('url left open at the end', `.x{background:url(${u('p.png')}`),
    styled('string left open in url', `.x{background:url("${u('q.png')}`),
    styled('import url', `@import url(${u('import-a.css')});.x{color:red}`),
    styled('import string with media', `@import "${u('import-b.css')}" screen;.x{color:red}`),
    styled('escaped import', `@\\69mport "${u('import-c.css')}";.x{color:red}`),
    styled('import after a comment and CDO', `<!-- /*x*/ @import '${u('import-d.css')}'; -->.x{color:red}`),
    styled('font-face', `@font-face{font-family:f;src:url(${u('font.woff2')}) format("woff2")}.x{font-family:f}`),
    styled(
      'font-face inside media',
      `@media all{@font-face{font-family:g;src:local(x),url(${u('font2.woff')})}}.x{font-family:g}`,
    ),
    styled('custom property holding a url', `.x{--bg:url(${u('var-a.png')});background:var(--bg)}`),
    styled('custom property string into image-set', `.x{--u:"${u('var-b.png')}";background:image-set(var(--u) 1x)}`),
    styled('var fallback with a url', `.x{background:var(--missing,url(${u('var-c.png')}))}`),
    styled('custom property on :root', `:root{--logo:url("${u('var-d.png')}")}.x{background-image:var(--logo)}`),
    styled(
      'content and cursor urls',
      `.x::after{content:url(${u('content.png')})}.x{cursor:url(${u('cursor.cur')}),auto}`,
    ),
    styled(
      'list, border and mask images',
      `.x{list-style:url(${u('list.png')});border-image:url(${u('border.png')}) 30;-webkit-mask-image:url(${u('mask.png')})}`,
    ),
    styled(
      'filter and clip-path urls',
      `.x{filter:url(${u('f.svg')}#f);clip-path:url(${u('c.svg')}#c);shape-outside:url(${u('s.png')})}`,
    ),
    styled(
      'supports, keyframes and layer',
      `@supports (display:grid){.x{background:url(${u('sup.png')})}}@keyframes k{from{background:url(${u('kf.png')})}}@layer l{.x{background:url(${u('layer.png')})}}`,
    ),
    styled(
      'namespace, page and property',
      `@namespace url(${u('ns')});@page{background:url(${u('page.png')})}@property --p{syntax:"<image>";inherits:false;initial-value:url(${u('prop.png')})}`,
    ),
    styled(
      'image, cross-fade, element, src, attr',
      `.x{background:image("${u('image.png')}")}.y{background:cross-fade(url(${u('xf.png')}),red 50%)}.z{background:src("${u('src.png')}")}.w{background:attr(data-u url)}`,
      '<div class="x y z w" data-u="' + u('attr.png') + '">fn</div>',
    ),
    styled('nesting', `.x{color:red;& b{background:url(${u('nest.png')})}}`, '<div class="x"><b>nested</b></div>'),
    inline('entity-encoded url in a style attribute', `background:&#x75;rl(${u('entity.png')})`),
    inline('escaped url in a style attribute', `background:\\75 rl(${u('inline-esc.png')})`),
    inline('image-set in a style attribute', `background-image:image-set('${u('inline-set).png')}' 1x)`),
    inline('url left open in a style attribute', `color:red;background:url(${u('inline-open.png')}`),
    styled('important image-set', `.x{background-image:image-set("${u('imp.png')}" 1x)!important}`),
    styled('behavior and binding', `.x{behavior:url(${u('b.htc')});-moz-binding:url(${u('b.xml')}#x)}`),
  ];
}
