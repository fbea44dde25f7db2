import { describe, expect, test } from 'vitest';
import { crossSiteRefusal } from './csrf';

const TRUSTED = ['https://footprint.example.com'];
const h = (init: Record<string, string>) => new Headers(init);

describe('crossSiteRefusal', () => {
  test('safe methods are never refused, whatever the origin', () => {
    for (const method of ['GET', 'head', 'OPTIONS']) {
      expect(crossSiteRefusal(method, h({ origin: 'https://evil.example' }), TRUSTED)).toBeNull();
    }
  });

  test('state-changing methods need a trusted Origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(crossSiteRefusal(method, h({ origin: TRUSTED[0] ?? '' }), TRUSTED)).toBeNull();
      expect(crossSiteRefusal(method, h({ origin: 'https://evil.example' }), TRUSTED)).toMatch(
        /origin https:\/\/evil\.example may not change data/,
      );
      // A sandboxed iframe or a redirect chain sends the literal "null".
      expect(crossSiteRefusal(method, h({ origin: 'null' }), TRUSTED)).toMatch(/refused/);
    }
  });

  test('without Origin, only Sec-Fetch-Site same-origin / none passes; a bare request is refused', () => {
    expect(crossSiteRefusal('POST', h({ 'sec-fetch-site': 'same-origin' }), TRUSTED)).toBeNull();
    expect(crossSiteRefusal('POST', h({ 'sec-fetch-site': 'none' }), TRUSTED)).toBeNull();
    expect(crossSiteRefusal('POST', h({ 'sec-fetch-site': 'cross-site' }), TRUSTED)).toMatch(
      /must send its Origin/,
    );
    expect(crossSiteRefusal('DELETE', h({}), TRUSTED)).toMatch(/Use an API token/);
  });

  test('an Origin that only shares a prefix with a trusted one is refused', () => {
    expect(
      crossSiteRefusal('POST', h({ origin: 'https://footprint.example.com.evil.example' }), TRUSTED),
    ).not.toBeNull();
  });
});
