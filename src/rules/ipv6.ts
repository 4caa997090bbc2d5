// IPv6 支持: the homepage host has an AAAA record, the homepage answers over IPv6, and the site's own
// hosts its homepage and column pages link to (二级/三级链接, see gather/ipv6/link-hosts.ts) mostly do
// too. The CAC scores these items; portals at county level and above are expected to support IPv6
// (2022 national plan), so only the levels in `levels` are judged. No inspection text gives points or a
// share: kinds, points and thresholds are the edition's [U]. Measured from a vantage without an IPv6
// route, from a registered address rather than a name, or where the failure is the checker's or the
// whole site's (site-unreachable's business), the rule says not-checked.
import { z } from 'zod';
import type { Ipv6LinkHostArtifact, Ipv6RequestArtifact } from '../model/artifacts.js';
import { isCheckerFailure } from '../model/artifacts.js';
import type { Finding } from '../model/finding.js';
import { SITE_LEVELS } from '../model/site.js';
import { defineRule } from './rule.js';

const TEXT = {
  title: 'IPv6 支持',
  noAaaa: '首页域名无 IPv6 解析（AAAA 记录）',
  noAccess: '首页不能通过 IPv6 访问',
  linksLow: '二、三级链接 IPv6 支持率低',
};

const FAILURE: Record<string, string> = {
  dns: '跳转后的域名没有 IPv6 地址',
  refused: '连接被拒绝',
  reset: '连接被重置',
  timeout: '超时无响应',
  tls: 'TLS 握手失败',
  other: '请求失败',
};

/** Failures that say nothing about the site: the address guard or a firewall, the checker's network. */

const options = z.object({
  /** Levels expected to support IPv6 [U]: portals at county level and above (2022 national plan). Others are not judged. */
  levels: z.array(z.enum(SITE_LEVELS)).default(['province-portal', 'prefecture-portal', 'county-portal']),
  /** Least share of the site's link hosts that answer over IPv6 [U]: 85%, the 2022 target for those portals. */
  minLinkShare: z.number().min(0).max(1).default(0.85),
  /** Fewer link hosts measured than this make no share [U]. */
  minLinkHosts: z.number().int().positive().default(3),
  maxHostsListed: z.number().int().positive().default(10),
});

export const ipv6 = defineRule({
  meta: {
    id: 'ipv6',
    title: TEXT.title,
    indicator: '2021–2025 年网信部门 IPv6 支持度评测（AAAA 记录、IPv6 访问、二三级链接支持率；类型、分值与阈值为版本选项 [U]）',
    codes: { 'no-aaaa': TEXT.noAaaa, 'no-ipv6-access': TEXT.noAccess, 'links-low': TEXT.linksLow },
    requiredArtifacts: ['ipv6', 'homepage'],
    options,
  },
  run(a, opts) {
    if (!a.site.level) return { status: 'not-checked', reason: '登记信息缺少网站层级，无法判断是否须支持 IPv6' };
    if (!opts.levels.includes(a.site.level)) return { status: 'checked', findings: [] };
    const host = new URL(a.site.url).hostname;
    if (/^\[|^\d+\.\d+\.\d+\.\d+$/.test(host))
      return { status: 'not-checked', reason: `登记的首页网址是 IP 地址（${host}），没有域名可查 AAAA 记录` };
    const v6 = a.ipv6;
    if (!v6) return { status: 'not-checked', reason: 'IPv6 尚未检测（运行 choucha ipv6 或 run）' };
    if (v6.noRoute) return { status: 'not-checked', reason: `检查机不具备 IPv6 访问条件：${v6.noRoute}` };
    if (v6.dnsError) return { status: 'not-checked', reason: `首页域名解析失败（${v6.dnsError}），可用性见 site-unreachable` };

    const base = { rule: 'ipv6' as const, siteId: a.site.id };
    const findings: Finding[] = [];
    const h = v6.homepage;
    if (v6.aaaa.length === 0) {
      findings.push({
        ...base,
        code: 'no-aaaa',
        url: a.site.url,
        message: `首页域名 ${v6.host} 没有 AAAA 记录，不能通过 IPv6 访问`,
        evidence: { host: v6.host, aaaa: [], checkedAt: v6.checkedAt },
      });
    } else if (h && !answered(h)) {
      if (isCheckerFailure(h.failure)) return { status: 'not-checked', reason: `IPv6 访问受检查机或地址限制影响：${h.error ?? h.failure}` };
      const v4 = a.homepage;
      if (!v4 || v4.status === null || v4.status >= 400)
        return { status: 'not-checked', reason: '首页经 IPv4 也未正常应答，无法判断是否为 IPv6 故障，可用性见 site-unreachable' };
      findings.push({
        ...base,
        code: 'no-ipv6-access',
        url: h.url,
        message: `首页域名 ${v6.host} 有 AAAA 记录（${v6.aaaa.join('、')}），但首页不能通过 IPv6 访问（${whyNot(h)}；IPv4 访问 HTTP ${v4.status}）`,
        evidence: { host: v6.host, aaaa: v6.aaaa, ipv6: h, ipv4Status: v4.status, checkedAt: v6.checkedAt },
      });
    }

    const share = linkShare(v6.linkHosts);
    if (share.measured.length >= opts.minLinkHosts && share.ratio < opts.minLinkShare) {
      const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
      const without = share.measured.filter((l) => !supports(l));
      findings.push({
        ...base,
        code: 'links-low',
        url: a.site.url,
        message: `首页及栏目页链接的本站 ${share.measured.length} 个子域名中 ${share.supported} 个支持 IPv6（${pct(share.ratio)}，低于 ${pct(opts.minLinkShare)}），如 ${without[0]!.host}`,
        evidence: {
          measured: share.measured.length,
          supported: share.supported,
          share: Math.round(share.ratio * 1000) / 1000,
          minShare: opts.minLinkShare,
          notCounted: share.notCounted.map((l) => ({ host: l.host, why: l.dnsError ?? l.fetch?.error ?? null })),
          omitted: v6.linkHostsOmitted,
          without: without.slice(0, opts.maxHostsListed).map((l) => ({
            host: l.host,
            level: l.level,
            links: l.links,
            why: l.aaaa.length === 0 ? '无 AAAA 记录' : whyNot(l.fetch!),
          })),
        },
      });
    }
    return { status: 'checked', findings };
  },
});

/** An HTTP answer under 400 over IPv6, after redirects. */
function answered(r: Ipv6RequestArtifact): boolean {
  return r.status !== null && r.status < 400;
}

/**
 * A link host supports IPv6 when it has an AAAA record and answers over IPv6 with any status: whether the
 * linked page exists is link-broken's question.
 */
function supports(l: Ipv6LinkHostArtifact): boolean {
  return l.aaaa.length > 0 && l.fetch !== null && l.fetch.status !== null;
}

/**
 * The share over the hosts that say something: a name that does not resolve at all is a broken link
 * (link-broken's), a fetch the checker spoiled is no answer; neither is counted.
 */
function linkShare(hosts: Ipv6LinkHostArtifact[]) {
  const notCounted = hosts.filter((l) => l.dnsError !== null || isCheckerFailure(l.fetch?.failure));
  const measured = hosts.filter((l) => !notCounted.includes(l));
  const supported = measured.filter(supports).length;
  return { measured, notCounted, supported, ratio: measured.length > 0 ? supported / measured.length : 1 };
}

function whyNot(r: Ipv6RequestArtifact): string {
  if (r.status !== null) return `HTTP ${r.status}`;
  return FAILURE[r.failure ?? 'other'] ?? r.error ?? '请求失败';
}
