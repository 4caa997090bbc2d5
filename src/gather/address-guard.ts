// Without --allow-private no request reaches loopback, private, link-local (cloud metadata) or unique-local
// addresses: a registry row or a page link must not become a way into the machine running choucha.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { BlockedAddressError } from '../errors.js';

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = ip.toLowerCase().replace(/^\[|\]$/g, '');
  if (v6 === '::1' || v6 === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return isPrivateAddress(mapped[1]!);
  return /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

export class AddressGuard {
  private cache = new Map<string, Promise<string | null>>();
  constructor(
    readonly allowPrivate: boolean,
    private resolver: Resolver = systemResolver,
  ) {}

  /** Throws BlockedAddressError when the URL's host is, or resolves to, a private address. */
  async check(url: string): Promise<void> {
    if (this.allowPrivate) return;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    let verdict = this.cache.get(host);
    if (!verdict) {
      verdict = this.decide(host);
      this.cache.set(host, verdict);
    }
    const blocked = await verdict;
    if (blocked) {
      throw new BlockedAddressError(`Refused ${url}: ${blocked}`, 'choucha does not fetch loopback, private or link-local addresses.', 'Pass --allow-private to crawl such addresses (the bundled fixtures need it).');
    }
  }

  private async decide(host: string): Promise<string | null> {
    if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is loopback`;
    if (isIP(host)) return isPrivateAddress(host) ? `${host} is a private address` : null;
    let addrs: string[];
    try {
      addrs = await this.resolver(host);
    } catch {
      return null; // unresolvable: the fetch itself will fail and say so
    }
    const bad = addrs.find(isPrivateAddress);
    return bad ? `${host} resolves to the private address ${bad}` : null;
  }
}
