import { describe, expect, it } from 'vitest';
import { paths, safeNextPath } from './paths';

describe('paths', () => {
  it('builds hrefs with encoded parameters', () => {
    expect(paths.domain.getHref('a b/c')).toBe('/domains/a%20b%2Fc');
    expect(paths.login.getHref('/domains/d1?x=1')).toBe('/login?next=%2Fdomains%2Fd1%3Fx%3D1');
    expect(paths.login.getHref('/domains')).toBe('/login');
  });
});

describe('safeNextPath', () => {
  it.each([
    [null, '/domains'],
    ['/inbox', '/inbox'],
    ['/domains/d1?tab=dns', '/domains/d1?tab=dns'],
    ['https://evil.example/', '/domains'],
    ['//evil.example/x', '/domains'],
    ['/\\evil.example', '/domains'],
    ['/login?next=/x', '/domains'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
