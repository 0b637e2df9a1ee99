import { describe, expect, it } from 'vitest';
import { JSON_LIMITS } from './abuse-limits';
import { sourceAddress } from './auth/source-address';
import { jsonLimitProblem } from './json-limits';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const limits = { maxDepth: 4, maxObjectKeys: 3, maxArrayItems: 5, maxValues: 40 };

describe('jsonLimitProblem', () => {
  it('accepts real bodies, whatever their strings hold', () => {
    const send = {
      from: 'a@acme.example',
      to: 'b@acme.example',
      subject: 'Quarterly [report] {draft}, "final" \\ v2',
      recipients: [{ to: 'c@acme.example', variables: { rows: [{ a: 1, b: true, c: null }] } }],
      attachments: [{ filename: 'x.pdf', content: 'QUJD'.repeat(100_000) }],
    };
    expect(jsonLimitProblem(JSON.stringify(send))).toBeUndefined();
    expect(jsonLimitProblem(nested(JSON_LIMITS.maxDepth))).toBeUndefined();
  });

  it('refuses nesting beyond the depth limit, in arrays, objects and both', () => {
    expect(jsonLimitProblem(nested(JSON_LIMITS.maxDepth + 1))).toBe(
      'The JSON body is nested too deeply (at most 32 levels)',
    );
    expect(jsonLimitProblem('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))).toMatch(/nested too deeply/);
    expect(jsonLimitProblem(`{"to":${nested(10_000)}}`)).toMatch(/nested too deeply/);
    expect(jsonLimitProblem('[{"a":[{"b":[1]}]}]', limits)).toMatch(/nested too deeply/);
  });

  it('does not count brackets, quotes or backslashes inside strings', () => {
    expect(jsonLimitProblem(JSON.stringify({ a: '[[[[[[[[', b: '{{{{{{{{{' }), limits)).toBeUndefined();
    expect(jsonLimitProblem(JSON.stringify({ a: 'x\\"[[[[[[\\\\' }), limits)).toBeUndefined();
    // An escaped quote does not end the string: the brackets after it are still inside.
    expect(jsonLimitProblem('["\\"[[[[[[[[["]', limits)).toBeUndefined();
    // A string ending in an escaped backslash does end: the brackets after it count.
    expect(jsonLimitProblem('["\\\\",[[[[[]]]]]]', limits)).toMatch(/nested too deeply/);
  });

  it('bounds keys per object, items per array and values in all', () => {
    expect(jsonLimitProblem('{"a":1,"b":2,"c":3}', limits)).toBeUndefined();
    expect(jsonLimitProblem('{"a":1,"b":2,"c":3,"d":4}', limits)).toBe(
      'A JSON object in the body has too many keys (at most 3)',
    );
    expect(jsonLimitProblem('[1,2,3,4,5]', limits)).toBeUndefined();
    expect(jsonLimitProblem('[1,2,3,4,5,6]', limits)).toBe('A JSON array in the body has too many items (at most 5)');
    expect(jsonLimitProblem(JSON.stringify(Array.from({ length: 10 }, () => [1, 2, 3])), limits)).toMatch(
      /array in the body has too many items/,
    );
    const many = JSON.stringify(Array.from({ length: 8 }, () => [1, 2, 3, 4]));
    expect(jsonLimitProblem(many, { ...limits, maxArrayItems: 100 })).toBe(
      'The JSON body has too many values (at most 40)',
    );
    expect(jsonLimitProblem(JSON.stringify(Array.from({ length: 10_001 }, () => 0)))).toMatch(/too many items/);
  });

  it('leaves malformed text to JSON.parse', () => {
    for (const text of ['', '{', '"unterminated', ']]]]', '{"a":}', 'nul']) {
      expect(jsonLimitProblem(text, limits)).toBeUndefined();
    }
  });
});

describe('sourceAddress', () => {
  it('counts IPv4 as itself, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(sourceAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(sourceAddress('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(sourceAddress('::1')).toBe('0:0:0:0::/64');
    expect(sourceAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(sourceAddress(null)).toBeNull();
    expect(sourceAddress('')).toBeNull();
  });
});
