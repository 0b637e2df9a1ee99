// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeEmailDocument, sanitizeHtmlFragment } from './sanitize-html';

describe('sanitizeEmailDocument (template previews)', () => {
  it('removes scripts, handlers, forms and embedded objects; keeps styles and links', () => {
    const out = sanitizeEmailDocument(
      '<html><head><style>p{color:red}</style></head><body><script>alert(1)</script><p onclick="x">Hi</p>' +
        '<form><input></form><iframe srcdoc="x"></iframe><object></object><a href="https://acme.example/">a</a></body></html>',
    );
    expect(out).not.toMatch(/<script|onclick|<form|<input|<iframe|<object/);
    expect(out).toContain('<style>p{color:red}</style>');
    expect(out).toContain('<a href="https://acme.example/">a</a>');
  });
});

describe('sanitizeHtmlFragment (written messages)', () => {
  it('keeps formatting and drops active content', () => {
    expect(sanitizeHtmlFragment('<p><strong>x</strong><img src=x onerror=alert(1)></p>')).toBe(
      '<p><strong>x</strong><img src="x"></p>',
    );
  });
});
