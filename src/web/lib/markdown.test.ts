// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownToHtml } from './markdown';

describe('markdownToHtml: the user’s own Markdown, never HTML', () => {
  it('formats Markdown and shows raw HTML as the text it is', () => {
    expect(markdownToHtml('Hello **team** <img src=https://e.example/x.png onerror=alert(1)>')).toBe(
      '<p>Hello <strong>team</strong> &lt;img src=<a href="https://e.example/x.png">https://e.example/x.png</a> onerror=alert(1)&gt;</p>\n',
    );
    expect(markdownToHtml('<div style="position:fixed">\n*x*\n</div>')).toBe(
      '<p>&lt;div style="position:fixed"&gt;<br><em>x</em><br>&lt;/div&gt;</p>\n',
    );
    expect(markdownToHtml('<script>alert(1)</script><!-- c --> &lt;b&gt;')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- c --&gt; &lt;b&gt;</p>\n',
    );
  });

  it('links only to http(s) and mailto; any other target keeps just its text', () => {
    const html = markdownToHtml(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) [d](//x.example) [e](/relative) ' +
        '[f](https://ok.example "a \\"title\\"") <https://auto.example> [g](mailto:x@y.example)',
    );
    expect(html).toBe(
      '<p>a b c d e <a href="https://ok.example" title="a &quot;title&quot;">f</a> ' +
        '<a href="https://auto.example">https://auto.example</a> <a href="mailto:x@y.example">g</a></p>\n',
    );
  });

  it('shows http(s) images the writer chose, and only the alt text of any other', () => {
    expect(markdownToHtml('![logo](https://img.example/a.png) ![b](data:image/png;base64,AA) ![c](cid:x)')).toBe(
      '<p><img src="https://img.example/a.png" alt="logo"> b c</p>\n',
    );
  });

  it('escapes what is quoted in attributes and text', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});
