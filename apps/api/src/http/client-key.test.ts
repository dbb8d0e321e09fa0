import { describe, expect, it } from 'vitest';
import { clientNetwork, createClientKeyer } from './client-key';

describe('clientNetwork: what one client is, for throttling', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7');
  });

  it('folds an IPv4-mapped IPv6 address into the IPv4 address it carries', () => {
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('::ffff:c633:6407')).toBe('198.51.100.7');
  });

  it('keys IPv6 by its /64, however the address is written', () => {
    const forms = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0:0:0:abcd', '[2001:db8:1:2::9]', 'fe80::1%eth0'];
    expect(clientNetwork(forms[0]!)).toBe('2001:db8:1:2::/64');
    expect(clientNetwork(forms[1]!)).toBe('2001:db8:1:2::/64');
    expect(clientNetwork(forms[2]!)).toBe('2001:db8:1:2::/64');
    expect(clientNetwork(forms[3]!)).toBe('2001:db8:1:2::/64');
    expect(clientNetwork(forms[4]!)).toBe('fe80:0:0:0::/64');
  });

  it('tells neighbouring /64s apart', () => {
    expect(clientNetwork('2001:db8:1:2::1')).not.toBe(clientNetwork('2001:db8:1:3::1'));
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps what is not an address as it is', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
    expect(clientNetwork('')).toBe('');
  });
});

describe('createClientKeyer', () => {
  it('gives one key to every address of one /64 and different keys to different clients', () => {
    const key = createClientKeyer(new Uint8Array(32).fill(7));
    expect(key('2001:db8:1:2::1')).toBe(key('2001:db8:1:2:abcd::99'));
    expect(key('2001:db8:1:2::1')).not.toBe(key('2001:db8:1:3::1'));
    expect(key('198.51.100.7')).toBe(key('::ffff:198.51.100.7'));
    expect(key('198.51.100.7')).not.toBe(key('198.51.100.8'));
  });

  it('never returns the address itself', () => {
    const key = createClientKeyer();
    expect(key('198.51.100.7')).not.toContain('198.51');
    expect(key('198.51.100.7')).toHaveLength(32);
  });
});
