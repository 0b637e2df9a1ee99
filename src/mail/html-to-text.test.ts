import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

const doc = (head: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Newsletter</title>${head}</head><body>${body}</body></html>`;

describe('htmlToText: what the reader sees', () => {
  it('keeps the visible text, block breaks, list items, link targets and entities', () => {
    const text = htmlToText(
      doc(
        '',
        '<h1>Hello&nbsp;&amp; welcome</h1><p>First line<br>second line</p><ul><li>one<li>two</ul>' +
          '<p><a href="https://x.example/r?a=1&amp;b=2">Reset</a> or <a href="mailto:help@x.example">help@x.example</a></p>' +
          '<table><tr><td>Total</td><td>&euro;12</td></tr><tr><td>VAT</td><td>&#8364;2</td></tr></table>',
      ),
    );
    expect(text).toBe(
      'Hello & welcome\nFirst line\nsecond line\n- one\n- two\nReset (https://x.example/r?a=1&b=2) or help@x.example\n' +
        'Total €12\nVAT €2',
    );
  });

  it('drops the hidden preheader, whichever way it is hidden', () => {
    const hidden = [
      '<span style="display:none">PRE-display</span>',
      '<div style="DISPLAY: NONE !important;">PRE-display-important</div>',
      '<span style="visibility:hidden">PRE-visibility</span>',
      '<div style="max-height:0;overflow:hidden">PRE-maxheight</div>',
      '<div style="max-height: 0px; overflow: hidden; mso-hide: all">PRE-outlook</div>',
      '<span style="font-size:0">PRE-fontsize</span>',
      '<span style="font: 0/0 a">PRE-font-shorthand</span>',
      '<span style="opacity:0">PRE-opacity</span>',
      '<span style="opacity: 0.0%">PRE-opacity-percent</span>',
      '<span style="mso-hide:all">PRE-mso</span>',
      '<span style="color:transparent">PRE-transparent</span>',
      '<p hidden>PRE-attribute</p>',
      '<div style="display:none"><p>PRE-<b>nested</b></p><table><tr><td>PRE-cell</td></tr></table></div>',
      '<span class="preheader">PRE-class</span>',
      '<span id="pre">PRE-id</span>',
      '<template><p>PRE-template</p></template>',
      '<noscript>PRE-noscript</noscript>',
      '<script>document.write("PRE-script")</script>',
    ].join('');
    const text = htmlToText(
      doc(
        '<style>/* hide it */ .preheader { display: none !important; mso-hide: all } #pre{visibility:hidden}' +
          '@media (max-width: 600px) { .mobile { display: block } }</style>',
        `${hidden}<p>The visible body.</p>`,
      ),
    );
    expect(text).toBe('The visible body.');
    expect(text).not.toContain('Newsletter');
  });

  it('keeps what a descendant makes visible again, as MJML columns do', () => {
    const mjml =
      '<div style="font-size:0px;text-align:left;direction:ltr;display:inline-block;width:100%">' +
      '<table><tr><td style="font-size:13px;line-height:1">Column text</td></tr></table></div>' +
      '<div style="visibility:hidden"><span style="visibility:visible">Shown again</span> not this</div>' +
      '<div style="color:transparent"><span style="color:#333">Coloured again</span></div>';
    expect(htmlToText(mjml)).toBe('Column text\nShown again\nColoured again');
  });

  it('a later inline style wins over a rule, an !important rule wins over an inline style', () => {
    const html =
      '<style>.a{display:none} .b{display:none!important}</style>' +
      '<p class="a" style="display:block">inline wins</p><p class="b" style="display:block">rule wins</p>';
    expect(htmlToText(html)).toBe('inline wins');
  });

  it('closes what the HTML parser closes implicitly, so a hidden <p> does not hide the rest', () => {
    const html = '<p style="display:none">hidden<p>visible<li>item<div>block</div>';
    expect(htmlToText(html)).toBe('visible\n- item\nblock');
    expect(htmlToText('<table><tr><td style="display:none">x<td>cell 2<tr><td>row 2</table>')).toBe('cell 2\nrow 2');
  });

  it('does not let an unclosed hidden element in <head> hide the body', () => {
    expect(htmlToText('<html><head><title>T</title><div>Body without a body tag</div>')).toBe(
      'Body without a body tag',
    );
  });

  it('skips comments, conditional comments and doctype, but shows the non-Outlook branch', () => {
    const html =
      '<!--[if mso]><p>Outlook only</p><![endif]--><!--[if !mso]><!--><p>Everyone else</p><!--<![endif]-->' +
      '<!-- a comment with <p>markup</p> --><p>after</p><!--->';
    expect(htmlToText(html)).toBe('Everyone else\nafter');
  });

  it('turns quoted HTML into "> " lines, nested ones deeper', () => {
    const html =
      '<p>My answer</p><div>On Monday, Ann wrote:</div><blockquote><p>Her question</p>' +
      '<blockquote>Older text</blockquote></blockquote><p>Signature</p>';
    expect(htmlToText(html)).toBe('My answer\nOn Monday, Ann wrote:\n> Her question\n> > Older text\nSignature');
  });

  it('shows only http(s) and mailto link targets; markup in text stays text', () => {
    const html =
      '<a href="javascript:alert(1)">click</a> <a href="data:text/html,x">data</a> <a href="#top">top</a> ' +
      '<a href="https://x.example"><img src="https://tracker.example/p.gif" alt=""></a>' +
      '<p>&lt;img src=https://evil.example/i.png&gt; and ![x](https://evil.example/md.png)</p>';
    expect(htmlToText(html)).toBe(
      'click data top https://x.example\n<img src=https://evil.example/i.png> and ![x](https://evil.example/md.png)',
    );
  });

  it('keeps the lines of <pre> and lone zero-width characters, drops preheader padding runs', () => {
    expect(htmlToText('<pre>a\n  b\nc</pre>')).toBe('a\nb\nc');
    expect(htmlToText('<p>Hi&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&#847; &#847; there</p><p>می\u200cخواهم</p>')).toBe(
      'Hi there\nمی\u200cخواهم',
    );
  });

  // Quadratic work on these sizes would take minutes; linear work takes well under a second on an idle machine, so
  // the generous bound holds on a busy CI runner and still fails on a regression.
  it('stays linear on hostile input', () => {
    const nested = '<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000);
    const unclosed = '<!--'.repeat(50_000) + '<p>' + '<a href="x'.repeat(10_000);
    const paragraphs = '<p><table><td>' + '<div>'.repeat(50_000) + 'x';
    const started = performance.now();
    expect(htmlToText(nested)).toBe('deep');
    expect(htmlToText(unclosed)).toBe('');
    expect(htmlToText(paragraphs)).toBe('x');
    expect(htmlToText('<style>' + '.a{display:none}'.repeat(20_000) + '</style><p class="a">x</p>')).toBe('');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('htmlToText on real MJML output', () => {
  it('leaves out <mj-preview> and keeps the text of every column (their wrappers set font-size:0)', async () => {
    const { default: mjml2html } = await import('mjml');
    const { html } = await mjml2html(
      `<mjml><mj-head><mj-preview>PREVIEW-LEAK shown only in the inbox list</mj-preview>
        <mj-style>.promo { color: #c00 }</mj-style></mj-head>
        <mj-body><mj-section>
          <mj-column><mj-text>Left column</mj-text></mj-column>
          <mj-column><mj-text css-class="promo">Right column</mj-text>
            <mj-button href="https://acme.example/go">Open</mj-button></mj-column>
        </mj-section>
        <mj-section><mj-column><mj-image src="https://acme.example/logo.png" alt="Acme" /></mj-column></mj-section>
        </mj-body></mjml>`,
      { validationLevel: 'soft' },
    );
    expect(html).toContain('PREVIEW-LEAK');
    expect(htmlToText(html)).toBe('Left column\nRight column\nOpen (https://acme.example/go)');
  });
});
