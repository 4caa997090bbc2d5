// Whether the checker (the vantage) can reach the IPv6 Internet at all. Without that, every IPv6 fetch
// fails the same way whatever the site does, and even a missing AAAA answer is not the site's word (a
// resolver on an IPv4-only network may drop AAAA answers: BIND's filter-aaaa-on-v4). The IPv6 check
// then measures nothing and the rule says not-checked. Two signs, both needed: a global unicast IPv6
// address on one of this machine's interfaces, and a TCP connection opened over IPv6 to a well-known
// public resolver (opened and closed: nothing is sent).
import { connect } from 'node:net';
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

export interface Ipv6Route {
  ok: boolean;
  /** Why not, in a sentence for the report; null when there is a route. */
  reason: string | null;
  /** The address the connection went out from, when one was opened. */
  source: string | null;
}

/** How the IPv6 job learns the vantage's route: the real one below, or a test's. */
export type RouteCheck = () => Promise<Ipv6Route>;

/** Public resolvers reachable over IPv6 from any Chinese network with IPv6: AliDNS, and the CFIEC public DNS (240c::6666). */
const ROUTE_TARGETS: readonly { address: string; port: number }[] = [
  { address: '2400:3200::1', port: 53 },
  { address: '240c::6666', port: 53 },
];

/** 2000::/3, less the documentation prefix 2001:db8::/32: what can be reached from the Internet. */
export function isGlobalUnicast(ip: string): boolean {
  const bare = ip.replace(/%.*$/, '').toLowerCase();
  if (isIP(bare) !== 6 || bare.startsWith('2001:db8:')) return false;
  const first = parseInt(bare.split(':')[0] || '0', 16);
  return (first & 0xe000) === 0x2000;
}

export async function ipv6Route(
  opts: {
    interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
    targets?: readonly { address: string; port: number }[];
    timeoutMs?: number;
  } = {},
): Promise<Ipv6Route> {
  const own = Object.values(opts.interfaces ?? networkInterfaces())
    .flat()
    .filter((i): i is NetworkInterfaceInfo => i !== undefined && i.family === 'IPv6' && !i.internal)
    .map((i) => i.address);
  if (!own.some(isGlobalUnicast)) {
    const seen = own.length > 0 ? `（仅有 ${own.join('、')}）` : '';
    return { ok: false, reason: `检查机没有全球单播 IPv6 地址${seen}`, source: null };
  }
  const tried: string[] = [];
  for (const t of opts.targets ?? ROUTE_TARGETS) {
    const r = await reach(t.address, t.port, opts.timeoutMs ?? 3_000);
    if (r.ok) return { ok: true, reason: null, source: r.source };
    tried.push(`[${t.address}]:${t.port} ${r.error}`);
  }
  return { ok: false, reason: `检查机无法经 IPv6 连接公共服务器（${tried.join('；')}）`, source: null };
}

/** A TCP connection over IPv6; a refusal is an answer too, so the route works. */
function reach(
  address: string,
  port: number,
  timeoutMs: number,
): Promise<{ ok: true; source: string | null } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, family: 6, timeout: timeoutMs });
    const done = (r: { ok: true; source: string | null } | { ok: false; error: string }) => {
      socket.destroy();
      resolve(r);
    };
    socket.once('connect', () => done({ ok: true, source: socket.localAddress ?? null }));
    socket.once('timeout', () => done({ ok: false, error: `${timeoutMs} ms 内无应答` }));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      done(e.code === 'ECONNREFUSED' ? { ok: true, source: null } : { ok: false, error: e.code ?? e.message }),
    );
  });
}
