import { describe, expect, test } from 'vitest';
import { clientIp, DIRECT_CLIENT } from './client-ip';

const xff = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientIp', () => {
  test('no trusted proxy: X-Forwarded-For and X-Real-IP are ignored, one shared key', () => {
    expect(clientIp(xff('203.0.113.9'), 0)).toBe(DIRECT_CLIENT);
    expect(clientIp(new Headers({ 'x-real-ip': '192.0.2.1' }), 0)).toBe(DIRECT_CLIENT);
    expect(clientIp(new Headers(), 0)).toBe('direct');
  });

  test('no trusted proxy, socket peer known (production server): the peer, normalised; the header ignored', () => {
    expect(clientIp(xff('203.0.113.9'), 0, '198.51.100.20')).toBe('198.51.100.20');
    expect(clientIp(new Headers(), 0, '::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientIp(new Headers(), 0, 'not-an-address')).toBe(DIRECT_CLIENT);
  });

  test('trusted proxies configured but too few entries: the socket peer rather than the shared key', () => {
    expect(clientIp(xff('10.0.0.2'), 2, '10.0.0.2')).toBe('10.0.0.2');
  });

  test('one proxy: the last entry (the one it appended); entries the client wrote are ignored', () => {
    expect(clientIp(xff(' 203.0.113.9 , 10.0.0.1'), 1)).toBe('10.0.0.1');
    expect(clientIp(xff('198.51.100.4'), 1)).toBe('198.51.100.4');
  });

  test('two proxies: the second entry from the right', () => {
    expect(clientIp(xff('6.6.6.6, 203.0.113.50, 10.0.0.2'), 2)).toBe('203.0.113.50');
  });

  test('fewer entries than proxies, garbage, or an X-Real-IP only: the shared key', () => {
    expect(clientIp(xff('10.0.0.2'), 2)).toBe(DIRECT_CLIENT);
    expect(clientIp(xff('not-an-ip'), 1)).toBe(DIRECT_CLIENT);
    expect(clientIp(new Headers({ 'x-real-ip': '192.0.2.1' }), 1)).toBe(DIRECT_CLIENT);
  });

  test('one key per address: IPv4-mapped IPv6 as IPv4, IPv6 compressed', () => {
    expect(clientIp(xff('::ffff:192.0.2.7'), 1)).toBe('192.0.2.7');
    expect(clientIp(xff('2001:db8:0:0:0:0:0:1'), 1)).toBe('2001:db8::1');
  });
});
