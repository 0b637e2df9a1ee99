import { describe, expect, it } from 'vitest';
import { EMAIL_HTML_LIMITS, exceedsEmailHtmlLimits, measureHtml } from './html-complexity';

describe('measureHtml', () => {
  it('measures element nesting as a browser would build it', () => {
    expect(measureHtml('<table><tr><td><div><b>x</b></div></td></tr></table>').depth).toBe(5);
    // Siblings the parser closes implicitly, void elements and stray end tags do not nest.
    expect(measureHtml('<p>a<p>b<p>c<br><img src=x></span>').depth).toBe(1);
    expect(measureHtml('<ul><li>a<li>b<li>c</ul><div></div>').depth).toBe(2);
    // Text inside raw-text elements is not markup.
    expect(measureHtml('<style>div div div div {}</style><div></div>').depth).toBe(1);
  });

  it('turns away deep or huge HTML before any DOM sees it', () => {
    const deep = `${'<div>'.repeat(EMAIL_HTML_LIMITS.maxDepth + 1)}x`;
    expect(measureHtml(deep).depth).toBe(EMAIL_HTML_LIMITS.maxDepth + 1);
    expect(exceedsEmailHtmlLimits(measureHtml(deep))).toBe(true);
    expect(exceedsEmailHtmlLimits(measureHtml(`${'<div>'.repeat(EMAIL_HTML_LIMITS.maxDepth)}x`))).toBe(false);
    const huge = `<p>${'a'.repeat(EMAIL_HTML_LIMITS.maxBytes)}</p>`;
    expect(exceedsEmailHtmlLimits(measureHtml(huge))).toBe(true);
  });
});
