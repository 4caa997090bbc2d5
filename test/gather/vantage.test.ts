// Telling the checker's network from a site: canaries, and failures shared by many hosts at once.
import { describe, expect, it } from 'vitest';
import { dnsHealth, MASS_FAILURE, massFailure } from '../../src/gather/http/vantage.js';
import type { ProbeFailure } from '../../src/model/artifacts.js';

const fail = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
const canaries = ['a.example', 'b.example', 'c.example', 'd.example'];

describe('dnsHealth', () => {
  it('healthy when at least half of the canaries resolve', async () => {
    const r = await dnsHealth(
      async (h) => (h < 'c' ? ['192.0.2.1'] : Promise.reject(Object.assign(new Error(), { code: 'ENOTFOUND' }))),
      canaries,
    );
    expect(r).toMatchObject({ healthy: true, reason: null, resolved: 2, tried: 4 });
  });

  it('no outside names resolve: unhealthy, saying so', async () => {
    const r = await dnsHealth(fail('ENOTFOUND'), canaries);
    expect(r.healthy).toBe(false);
    expect(r.reason).toMatch(/无法解析外部域名/);
  });

  it('a resolver that does not answer is told apart from names that do not exist', async () => {
    const r = await dnsHealth(fail('ECONNREFUSED'), canaries);
    expect(r).toMatchObject({ healthy: false, resolved: 0 });
    expect(r.reason).toMatch(/域名解析服务无响应/);
    const hung = await dnsHealth(() => new Promise(() => undefined), canaries, 20);
    expect(hung.reason).toMatch(/域名解析服务无响应/);
  });

  it('no canaries: nothing measured, nothing excused', async () => {
    expect((await dnsHealth(fail('ENOTFOUND'), [])).healthy).toBe(true);
  });
});

describe('massFailure', () => {
  const hosts = (n: number) => new Set(Array.from({ length: n }, (_, i) => `h${i}.example`));
  const map = (entries: [ProbeFailure, number][]) => new Map(entries.map(([k, n]) => [k, hosts(n)]));
  it.each([
    ['half of the hosts asked failing one way', 10, map([['timeout', 5]]), 'timeout'],
    ['every host asked refusing', 6, map([['refused', 6]]), 'refused'],
    ['one dead site among many', 20, map([['timeout', 1]]), null],
    ['few hosts, however large the share', 4, map([['refused', MASS_FAILURE.minHosts - 1]]), null],
    ['many hosts, but a small share of those asked', 40, map([['timeout', 12]]), null],
    [
      'failing in different ways',
      10,
      map([
        ['timeout', 3],
        ['refused', 3],
      ]),
      null,
    ],
  ] as const)('%s', (_name, asked, failed, kind) => {
    expect(massFailure(asked, failed)).toBe(kind);
  });
});
