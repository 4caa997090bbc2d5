// Is it our network or their site? A failure counts against a site only when the machine that checked
// it (the vantage) could reach the outside world at the time. Two signs say it could not:
// - canaries: well-known names that always resolve did not (no outside DNS on a closed government
//   network or a proxy-only office LAN, or the resolver itself is down);
// - many distinct hosts failed the same way at the same time (a local outage).
// Canaries are asked only when a name failed to resolve, so a check whose lookups all succeed makes
// no extra query, and a check of loopback fixtures none at all.
import type { ProbeFailure } from '../../model/artifacts.js';
import type { Resolver } from './address-guard.js';

/** Names that resolve from any working Chinese network: portals of the state, the press and the largest companies. */
export const DEFAULT_CANARIES = ['www.gov.cn', 'www.people.com.cn', 'www.xinhuanet.com', 'www.baidu.com', 'www.qq.com'];

export interface VantageHealth {
  healthy: boolean;
  /** Why not, in a sentence for the report; null when healthy. */
  reason: string | null;
  resolved: number;
  tried: number;
  checkedAt: string;
}

// Resolver errors that mean no answer came at all, as against a name that does not exist.
const NO_ANSWER = new Set(['ECONNREFUSED', 'ETIMEOUT', 'ETIMEDOUT', 'EAI_AGAIN', 'ESERVFAIL', 'ECANCELLED', 'TimeoutError']);

/** Resolves the canaries; the vantage is healthy when at least half of them resolve. No canaries: healthy, unmeasured. */
export async function dnsHealth(resolve: Resolver, canaries: readonly string[], timeoutMs = 5_000): Promise<VantageHealth> {
  const checkedAt = new Date().toISOString();
  if (canaries.length === 0) return { healthy: true, reason: null, resolved: 0, tried: 0, checkedAt };
  const answers = await Promise.all(
    canaries.map((name) =>
      withTimeout(resolve(name), timeoutMs).then(
        (addrs) => (addrs.length > 0 ? null : 'ENODATA'),
        (e: NodeJS.ErrnoException) => e.code ?? e.name ?? 'error',
      ),
    ),
  );
  const failed = answers.filter((a) => a !== null);
  const resolved = canaries.length - failed.length;
  if (resolved * 2 >= canaries.length) return { healthy: true, reason: null, resolved, tried: canaries.length, checkedAt };
  const silent = failed.every((code) => NO_ANSWER.has(code!));
  const reason = silent
    ? `检查机的域名解析服务无响应（${canaries.length} 个常用域名均无应答）`
    : `检查机无法解析外部域名（${canaries.length} 个常用域名中 ${resolved} 个可解析）`;
  return { healthy: false, reason, resolved, tried: canaries.length, checkedAt };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('canary lookup timed out'), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Least distinct hosts, and least share of the hosts asked, failing the same way at once for the failure to be the vantage's. */
export const MASS_FAILURE = { minHosts: 5, share: 0.5 };

/**
 * The failure kind that struck at least MASS_FAILURE.minHosts distinct hosts and MASS_FAILURE.share of
 * all the hosts asked in one window, or null. A site's own outage strikes its host alone; a failure
 * shared by half of the country's government sites at the same minute is the checker's.
 */
export function massFailure(hostsAsked: number, failedHosts: ReadonlyMap<ProbeFailure, ReadonlySet<string>>): ProbeFailure | null {
  for (const [kind, hosts] of failedHosts) {
    if (hosts.size >= MASS_FAILURE.minHosts && hosts.size >= hostsAsked * MASS_FAILURE.share) return kind;
  }
  return null;
}

/** The canaries asked at most once (until reset), and only when a caller needs them: after a lookup failed. */
export function lazyHealth(resolve: Resolver, canaries: readonly string[]): { get(): Promise<VantageHealth>; reset(): void } {
  let health: Promise<VantageHealth> | null = null;
  return {
    get: () => (health ??= dnsHealth(resolve, canaries)),
    reset: () => {
      health = null;
    },
  };
}

/**
 * The hosts one window (a probe round, a pass of link checks) asked, and how those that failed failed:
 * at the window's end, whether one failure struck enough of them at once to be the checker's.
 */
export class SharedFailures {
  private asked = new Set<string>();
  private failed = new Map<ProbeFailure, Set<string>>();

  ask(host: string): void {
    this.asked.add(host);
  }

  fail(host: string, kind: ProbeFailure): void {
    this.asked.add(host);
    if (!this.failed.has(kind)) this.failed.set(kind, new Set());
    this.failed.get(kind)!.add(host);
  }

  /** The failure kind that was the checker's in this window, with why in a sentence; null when none was. */
  verdict(): { kind: ProbeFailure; reason: string } | null {
    const kind = massFailure(this.asked.size, this.failed);
    if (!kind) return null;
    return {
      kind,
      reason: `${this.failed.get(kind)!.size} 个网站（共 ${this.asked.size} 个）同时以同一方式失败（${kind}），判为检查机的网络问题`,
    };
  }
}
