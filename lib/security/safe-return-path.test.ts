import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPathFor } from './safe-return-path';

describe('safeReturnPath (issue #23: sign-in returns to the requested URL, same-origin only)', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeReturnPath('/records?range=all&team=t1')).toBe('/records?range=all&team=t1');
    expect(safeReturnPath('/reports')).toBe('/reports');
  });

  it.each([
    ['protocol-relative', '//evil.example/x'],
    ['backslash that browsers read as //', '/\\evil.example'],
    ['absolute https', 'https://evil.example/'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['relative without slash', 'records'],
    ['embedded tab', '/\t/evil.example'],
    ['embedded newline', '/records\nLocation: x'],
    ['empty', ''],
    ['not a string', 42],
    ['sign-in loop', '/sign-in?next=/'],
    ['one-time invitation link', '/invite/abc'],
  ])('refuses %s', (_label, value) => {
    expect(safeReturnPath(value)).toBe('/');
  });

  it('builds the sign-in URL, plain for the overview', () => {
    expect(signInPathFor('/')).toBe('/sign-in');
    expect(signInPathFor('/records?team=a%20b')).toBe('/sign-in?next=%2Frecords%3Fteam%3Da%2520b');
    expect(signInPathFor('//evil.example')).toBe('/sign-in');
  });
});
