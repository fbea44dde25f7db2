import { describe, expect, test } from 'vitest';
import { normaliseHost, parseAllowedHosts, webhookAddressRefusal } from './webhook-address';

describe('webhookAddressRefusal', () => {
  test.each([
    ['127.0.0.1', '127.0.0.1 is a loopback address'],
    ['127.1.2.3', '127.1.2.3 is a loopback address'],
    ['::1', '::1 is a loopback address'],
    ['10.1.2.3', '10.1.2.3 is a private network address'],
    ['172.16.0.9', '172.16.0.9 is a private network address'],
    ['192.168.1.10', '192.168.1.10 is a private network address'],
    ['169.254.169.254', '169.254.169.254 is a link-local address (e.g. cloud metadata at 169.254.169.254)'],
    ['fe80::1', 'fe80::1 is a link-local address (e.g. cloud metadata at 169.254.169.254)'],
    ['fd00::5', 'fd00::5 is a private (unique-local) IPv6 address'],
    ['224.0.0.1', '224.0.0.1 is a multicast address'],
    ['ff02::1', 'ff02::1 is a multicast address'],
    ['0.0.0.0', '0.0.0.0 is the unspecified address'],
    ['::', ':: is the unspecified address'],
    ['::ffff:127.0.0.1', '127.0.0.1 is a loopback address'],
    ['::ffff:a9fe:a9fe', '169.254.169.254 is a link-local address (e.g. cloud metadata at 169.254.169.254)'],
    ['100.64.0.1', '100.64.0.1 is a carrier-grade NAT address'],
    ['64:ff9b::7f00:1', '64:ff9b::7f00:1 is a reserved address (rfc6052)'],
  ])('%s is refused', (address, reason) => {
    expect(webhookAddressRefusal(address)).toBe(reason);
  });

  test('global unicast IPv4 and IPv6 are allowed', () => {
    expect(webhookAddressRefusal('93.184.215.34')).toBeNull();
    expect(webhookAddressRefusal('2606:4700::1111')).toBeNull();
  });
});

describe('allow-list hosts', () => {
  test('lower case, IPv6 without brackets, IPv4-mapped as IPv4, blanks dropped', () => {
    expect(parseAllowedHosts(' Hooks.Internal , [::1],::ffff:127.0.0.1,, ')).toEqual([
      'hooks.internal',
      '::1',
      '127.0.0.1',
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(normaliseHost('[::FFFF:7F00:1]')).toBe('127.0.0.1');
  });
});
