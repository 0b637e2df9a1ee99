import { describe, expect, it } from 'vitest';
import {
  extractTemplateVariables,
  findMissingVariables,
  isFilled,
  renderTemplate,
  wrapHtmlDocument,
  type RenderableTemplate,
} from './render-template';
import { htmlToText } from './html-to-text';
import { normalizeThreadSubject, threadKey } from './thread-subject';

const plain = (body: string, subject = 'Hello {name}', variables = ['name']): RenderableTemplate => ({
  subject,
  mjmlBody: body,
  variables,
});

describe('renderTemplate: language choice', () => {
  const t: RenderableTemplate = {
    subject: { tr: 'Merhaba', en: 'Hello', de: 'Hallo' },
    mjmlBody: { tr: '<p>tr</p>', en: '<p>en</p>', de: '<p>de</p>' },
    variables: [],
  };
  it('uses the requested language', async () => {
    const r = await renderTemplate(t, { lang: 'tr' });
    expect(r.lang).toBe('tr');
    expect(r.subject).toBe('Merhaba');
    expect(r.html).toContain('<p>tr</p>');
    expect(r.warnings).toEqual([]);
  });
  it('falls back to en, with a warning', async () => {
    const r = await renderTemplate(t, { lang: 'fr' });
    expect(r.lang).toBe('en');
    expect(r.subject).toBe('Hello');
    expect(r.warnings.map((w) => w.code)).toEqual(['language-fallback']);
  });
  it('falls back to the first language when there is no en', async () => {
    const r = await renderTemplate(
      { subject: { tr: 'a', de: 'b' }, mjmlBody: { tr: 'x', de: 'y' }, variables: [] },
      { lang: 'fr' },
    );
    expect(r.lang).toBe('tr');
    expect(r.subject).toBe('a');
  });
  it('uses en when no language is requested, and plain strings as they are', async () => {
    expect((await renderTemplate(t)).lang).toBe('en');
    const r = await renderTemplate(plain('<p>x</p>', 'S', []), { lang: 'tr' });
    expect(r.lang).toBeNull();
    expect(r.subject).toBe('S');
    expect(r.warnings).toEqual([]);
  });
});

describe('renderTemplate: substitution', () => {
  it('replaces {key} and {{key}} with the value, numbers and booleans as text', async () => {
    const r = await renderTemplate(plain('<p>{name} / {{name}} / {n} / {b}</p>', 'Hi {{name}}', ['name', 'n', 'b']), {
      variables: { name: 'Ada', n: 3, b: false },
    });
    expect(r.subject).toBe('Hi Ada');
    expect(r.html).toContain('<p>Ada / Ada / 3 / false</p>');
  });
  it('skips empty and missing values: the placeholder stays literal, with a warning', async () => {
    const r = await renderTemplate(plain('<p>{name} {city}</p>', 'Hi {name}', ['name', 'city']), {
      variables: { name: '' },
    });
    expect(r.subject).toBe('Hi {name}');
    expect(r.html).toContain('<p>{name} {city}</p>');
    expect(r.warnings.filter((w) => w.code === 'empty-variable').map((w) => w.variable)).toEqual(['name', 'city']);
  });
  it('does not HTML-escape values and inserts "$" sequences literally', async () => {
    const r = await renderTemplate(plain('<p>{name}</p>', 'S', ['name']), { variables: { name: '<b>$& $1</b>' } });
    expect(r.html).toContain('<p><b>$& $1</b></p>');
  });
  it('leaves unknown placeholders literal and warns about undeclared and unused variables', async () => {
    const r = await renderTemplate(plain('<p>{name} {mystery}</p>', 'S', ['name']), {
      variables: { name: 'A', extra: 'x' },
    });
    expect(r.html).toContain('<p>A {mystery}</p>');
    const codes = r.warnings.map((w) => `${w.code}:${w.variable}`);
    expect(codes).toContain('unused-variable:extra');
    expect(codes).toContain('undeclared-variable:mystery');
    expect(codes).toContain('empty-variable:mystery');
  });
  it('renders sections per row with row fields over outer scalars', async () => {
    const r = await renderTemplate(
      plain('<ul>{#items}<li>{name}: {qty} {currency}</li>{/items}</ul><p>{name}</p>', 'Order for {name}', [
        'name',
        'items',
        'currency',
      ]),
      {
        variables: {
          name: 'Ada',
          currency: 'EUR',
          items: [
            { name: 'Pen', qty: 2 },
            { name: 'Ink', qty: 1 },
          ],
        },
      },
    );
    expect(r.html).toContain('<ul><li>Pen: 2 EUR</li><li>Ink: 1 EUR</li></ul><p>Ada</p>');
    expect(r.subject).toBe('Order for Ada');
    // Row fields are not "unused" just because they are not top-level.
    expect(r.warnings).toEqual([]);
  });
  it('renders an empty array as nothing and leaves a section without rows literal', async () => {
    const t = plain('<p>a{#items}[{x}]{/items}b</p>', 'S', ['items']);
    expect((await renderTemplate(t, { variables: { items: [] } })).html).toContain('<p>ab</p>');
    expect((await renderTemplate(t, {})).html).toContain('<p>a{#items}[{x}]{/items}b</p>');
  });
  it('does not expand sections in the subject (scalars only)', async () => {
    const r = await renderTemplate(plain('<p>x</p>', 'S {#items}{x}{/items}', ['items']), {
      variables: { items: [{ x: '1' }] },
    });
    expect(r.subject).toBe('S {#items}{x}{/items}');
  });
});

describe('renderTemplate: HTML', () => {
  it('compiles MJML only when the source contains <mjml', async () => {
    const r = await renderTemplate(
      plain(
        '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {name}</mj-text></mj-column></mj-section></mj-body></mjml>',
      ),
      { variables: { name: 'Ada' } },
    );
    expect(r.html).toMatch(/<!doctype html>/i);
    expect(r.html).toContain('Hi Ada');
    expect(r.html).not.toContain('<mj-');
    expect(r.text).toBe('Hi Ada');
    expect(r.warnings).toEqual([]);
  });
  it('turns MJML validation errors into warnings (soft validation still renders)', async () => {
    const r = await renderTemplate(plain('<mjml><mj-body><mj-text>Hi</mj-text></mj-body></mjml>', 'S', []));
    expect(r.warnings.map((w) => w.code)).toEqual(['mjml-validation']);
    expect(r.html).toContain('Hi');
  });
  it('wraps plain HTML in a minimal document, but not a full document', async () => {
    const r = await renderTemplate(plain('<p>Hello</p>', 'S', []));
    expect(r.html).toMatch(/^<!DOCTYPE html>[\s\S]*<body>\n<p>Hello<\/p>\n<\/body>/);
    expect(r.text).toBe('Hello');
    const doc = '<html><body><p>x</p></body></html>';
    expect(wrapHtmlDocument(doc)).toBe(doc);
  });
});

describe('extractTemplateVariables / findMissingVariables', () => {
  const t = {
    subject: { en: 'Invoice {number} for {{name}}', tr: 'Fatura {number} {name}' },
    mjmlBody: { en: '<p>{name}</p>{#items}<li>{label} {price}</li>{/items}<p>{total}</p>', tr: '<p>{iban}</p>' },
  };
  it('lists scalars and section names across all languages, without row fields', () => {
    expect(extractTemplateVariables(t)).toEqual(['number', 'name', 'items', 'total', 'iban']);
  });
  it('reports variables that are not filled (empty string, empty array, missing)', () => {
    expect(findMissingVariables(t, { number: 7, name: 'Ada', items: [], total: '' })).toEqual([
      'items',
      'total',
      'iban',
    ]);
    expect(
      findMissingVariables(t, { number: 7, name: 'Ada', items: [{ label: 'a' }], total: false, iban: 'TR1' }),
    ).toEqual([]);
    expect(findMissingVariables(t, undefined)).toHaveLength(5);
  });
  it('treats non-empty strings, numbers, booleans and non-empty arrays as filled', () => {
    expect([isFilled('a'), isFilled(0), isFilled(false), isFilled([{}])]).toEqual([true, true, true, true]);
    expect([isFilled(''), isFilled([]), isFilled(undefined), isFilled(null)]).toEqual([false, false, false, false]);
  });
});

describe('htmlToText', () => {
  it('drops head, style and tags, keeps link targets, breaks blocks and decodes entities', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><p>Hello&nbsp;&amp; welcome</p>' +
      '<p><a href="https://x.example/r">Reset</a><br>Line &#8364;</p></body></html>';
    expect(htmlToText(html)).toBe('Hello & welcome\nReset (https://x.example/r)\nLine €');
  });
});

describe('thread subject', () => {
  it('strips exactly one known prefix, case-insensitively', () => {
    expect(normalizeThreadSubject('Re: Hello')).toBe('Hello');
    expect(normalizeThreadSubject('FWD:Hello ')).toBe('Hello');
    expect(normalizeThreadSubject('Ynt: Merhaba')).toBe('Merhaba');
    expect(normalizeThreadSubject('İlt: Merhaba')).toBe('Merhaba');
    expect(normalizeThreadSubject('Yanit:Merhaba')).toBe('Merhaba');
    expect(normalizeThreadSubject('Re: Re: Hello')).toBe('Re: Hello');
    expect(normalizeThreadSubject('AW: Hello')).toBe('AW: Hello');
    expect(threadKey('re: HELLO')).toBe('hello');
  });
});
