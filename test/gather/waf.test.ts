// Which answers are a firewall stopping the checker (blocked), and which are the site's own failure.
import { describe, expect, it } from 'vitest';
import { blockedByWaf } from '../../src/gather/http/waf.js';

describe('blockedByWaf', () => {
  it('412 and 429 are always a firewall or a rate limit', () => {
    expect(blockedByWaf(412, {})).toBe(true);
    expect(blockedByWaf(429, {})).toBe(true);
  });

  it('403, 503 and 加速乐’s 521 only with a firewall’s mark', () => {
    expect(blockedByWaf(403, { server: 'Safedog' })).toBe(true);
    expect(blockedByWaf(503, { 'set-cookie': ['__jsluid_h=abc; path=/'] })).toBe(true);
    expect(blockedByWaf(521, { 'set-cookie': '__jsl_clearance_s=1700000000.1|0|abc; path=/' })).toBe(true);
    expect(blockedByWaf(521, { server: 'jiasule-WAF' })).toBe(true);
  });

  it('near misses: a plain 403, a plain 503 and a CDN’s 521 (the site’s own server down) are the site’s', () => {
    expect(blockedByWaf(403, { server: 'nginx' })).toBe(false);
    expect(blockedByWaf(503, {})).toBe(false);
    expect(blockedByWaf(521, { server: 'cloudflare' })).toBe(false);
    expect(blockedByWaf(404, { server: 'Safedog' })).toBe(false);
  });
});
