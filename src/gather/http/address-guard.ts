// Without --allow-private no request reaches loopback, private, link-local (cloud metadata) or unique-local
// addresses: a registry row or a page link must not become a way into the machine running choucha.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { BlockedAddressError } from '../../errors.js';

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const w = ipv6Words(ip.replace(/^\[|\]$/g, ''));
  if (!w) return false;
  const zeros = (n: number) => w.slice(0, n).every((x) => x === 0);
  if (zeros(8) || (zeros(7) && w[7] === 1)) return true; // :: and ::1
  // An IPv4 address carried inside an IPv6 one reaches that IPv4 host: ::ffff:a.b.c.d (mapped),
  // ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64), 2002:AABB:CCDD:: (6to4). URLs print them in hex
  // ([::ffff:7f00:1]), so they are read from the words, not the text.
  const v4 = (hi: number, lo: number) => isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  if ((zeros(5) && w[5] === 0xffff) || zeros(6)) return v4(w[6]!, w[7]!);
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) return v4(w[6]!, w[7]!);
  if (w[0] === 0x2002) return v4(w[1]!, w[2]!);
  // fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 the old site-local.
  return (w[0]! & 0xfe00) === 0xfc00 || (w[0]! & 0xffc0) === 0xfe80 || (w[0]! & 0xffc0) === 0xfec0;
}

/** The eight 16-bit words of an IPv6 address (a dotted IPv4 tail allowed, a zone id ignored), or null. */
function ipv6Words(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let text = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const part = (t: string | undefined | null) => (t ? t.split(':').map((x) => parseInt(x, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const words = tail === null ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
  return words.length === 8 ? words : null;
}

export class AddressGuard {
  private cache = new Map<string, Promise<string | null>>();
  constructor(
    readonly allowPrivate: boolean,
    /** How names are looked up; vantage canaries ask the same resolver the connections use. */
    readonly resolver: Resolver = systemResolver,
    /** Which addresses are refused. Tests narrow it so that a second loopback address can stand in for a public host. */
    private refused: (ip: string) => boolean = isPrivateAddress,
  ) {}

  /**
   * The addresses a connection to `host` may use, resolved now and refused when any is private. The
   * connection itself looks names up through this (see pinned-lookup), so what was checked is what is
   * connected to: a name that answers public to the check and loopback to the fetch (DNS rebinding)
   * is refused at the second answer. `resolver` replaces the guard's own for one caller (probes inject one).
   */
  async addresses(host: string, resolver: Resolver = this.resolver): Promise<string[]> {
    const bare = host.replace(/^\[|\]$/g, '');
    const addrs = isIP(bare) ? [bare] : await resolver(bare);
    if (this.allowPrivate) return addrs;
    const bad = addrs.find(this.refused);
    if (bad) throw blocked(`${bare}`, bare === bad ? `${bare} is a private address` : `${bare} resolves to the private address ${bad}`);
    return addrs;
  }

  /** Throws BlockedAddressError when the URL's host is, or resolves to, a private address. */
  async check(url: string): Promise<void> {
    if (this.allowPrivate) return;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    let verdict = this.cache.get(host);
    if (!verdict) {
      verdict = this.decide(host);
      this.cache.set(host, verdict);
    }
    const why = await verdict;
    if (why) throw blocked(url, why);
  }

  private async decide(host: string): Promise<string | null> {
    if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is loopback`;
    if (isIP(host)) return this.refused(host) ? `${host} is a private address` : null;
    let addrs: string[];
    try {
      addrs = await this.resolver(host);
    } catch {
      return null; // unresolvable: the fetch itself will fail and say so
    }
    const bad = addrs.find(this.refused);
    return bad ? `${host} resolves to the private address ${bad}` : null;
  }
}

function blocked(what: string, why: string): BlockedAddressError {
  return new BlockedAddressError(
    `Refused ${what}: ${why}`,
    'choucha does not fetch loopback, private or link-local addresses.',
    'Pass --allow-private to crawl such addresses (the bundled fixtures need it).',
  );
}
