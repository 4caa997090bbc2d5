// 登记信息与实际不符 (standards.md, Registry and process): a registered URL that now leads to another
// domain, to a parking or default server page, or that no longer resolves for the whole window; a site
// registered as 关停 that still serves its own pages.
//
// Only changes from the registered URL count. A registered URL that was never .gov.cn is site-identity's
// domain-not-gov finding; this rule compares where the URL leads now with where it was registered, so a
// non-.gov.cn site that still serves itself is silent here. A move within the registered domain
// (www.x.gov.cn → x.gov.cn, http → https, a port) is the office's own business, not a mismatch.
// Precision first: a redirect counts only when every probe that got an answer in the window led away.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import type { ProbeArtifact } from '../model/artifacts.js';
import { defineRule, type RuleInput } from './rule.js';
import { hostOf, isGovCn, registrableDomain } from './utils/registrable.js';
import { probesInWindow } from './utils/probe-window.js';

const TEXT = {
  title: '登记信息与实际不符',
  'redirect-other-domain': '登记的网址跳转到其他域名',
  'redirect-not-gov': '登记的 .gov.cn 网址跳转到非政府网站域名',
  parked: '登记的网址显示域名停放页或服务器默认页',
  unresolvable: '登记的域名在整个监测期内无法解析',
  'closed-but-answers': '登记为关停的网站仍可访问',
};

type Code = Exclude<keyof typeof TEXT, 'title'>;

const options = z.object({
  windowDays: z.number().positive().default(7),
  graceMinutes: z.number().min(0).default(60),
  /** "No longer resolves for the whole window": at least this many probes, every one a DNS failure. */
  minProbesUnresolvable: z.number().int().positive().default(140),
  /** …and the first and last of them within this many hours of the window's ends. */
  edgeHours: z.number().positive().default(12),
  /** A parking or default page is short: a real homepage that mentions nginx is not one. */
  parkedMaxChars: z.number().int().positive().default(600),
});

const DAY_MS = 86_400_000;

/** Words of parking pages (域名停放, 域名出售) and of web servers' default pages. */
const PARKED = [
  /域名(?:正在|已)?(?:出售|转让|停放|到期|过期)/,
  /(?:this|the) domain (?:name )?(?:is|may be) (?:for sale|parked|available)/i,
  /buy this domain/i,
  /welcome to nginx!?/i,
  /apache2? (?:\w+ )?default page/i,
  /^it works!?$/im,
  /test page for the (?:apache|nginx)/i,
  /iis windows server/i,
  /(?:网站|站点)创建成功/,
];

export const registryMismatch = defineRule({
  meta: {
    id: 'registry-mismatch',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 网站开设整合与登记',
    codes: {
      'redirect-other-domain': TEXT['redirect-other-domain'],
      'redirect-not-gov': TEXT['redirect-not-gov'],
      parked: TEXT.parked,
      unresolvable: TEXT.unresolvable,
      'closed-but-answers': TEXT['closed-but-answers'],
    },
    requiredArtifacts: ['probes', 'homepage', 'texts'],
    options,
  },
  run(a, opts, ctx) {
    const inWindow = probesInWindow(a.probes, ctx.at, opts.windowDays, opts.graceMinutes);
    const registered = hostOf(a.site.url);
    if (!registered) return { status: 'not-checked', reason: `登记的网址无法解析：${a.site.url}` };
    const findings: Finding[] = [];
    const add = (code: Code, detail: string, evidence: Record<string, unknown>) =>
      findings.push({
        rule: 'registry-mismatch',
        code,
        siteId: a.site.id,
        url: a.site.url,
        message: `${TEXT[code]}：${detail}`,
        evidence: { registeredUrl: a.site.url, ...evidence },
      });

    // Probes that reached a server (answered, or a redirect was followed) say where the URL leads, and
    // so does the check's own crawl of the homepage (a one-shot run has its probes but no week of them).
    const reached: Array<{ startedAt: string; ok: boolean; finalUrl?: string | null; itemsHash?: string | null }> = inWindow.filter(
      (p) => p.finalUrl,
    );
    if (a.homepage && a.homepage.status !== null && a.homepage.finalUrl)
      reached.push({ startedAt: a.homepage.fetchedAt, ok: a.homepage.readable, finalUrl: a.homepage.finalUrl, itemsHash: null });
    const parked = parkedText(a, opts.parkedMaxChars);

    if (a.site.status === 'closed') {
      // A closed site forwarding to its parent portal is how closing is done, and the portal is usually on
      // the same registrable domain (lyj.x.gov.cn → www.x.gov.cn): only pages on the registered host count.
      const own = reached.filter((p) => p.ok && p.itemsHash && sameHost(p.finalUrl!, registered));
      if (own.length > 0) {
        add(
          'closed-but-answers',
          `${own.length} 次探测打开了登记网址上的网站内容（最近一次 ${own.at(-1)!.startedAt}），请人工确认网站是否已关停`,
          { probes: inWindow.length, answered: own.length, last: own.at(-1)!.startedAt },
        );
      }
      return { status: 'checked', findings };
    }

    const dns = unresolvable(inWindow, ctx.at, opts);
    if (dns) add('unresolvable', `监测期内 ${inWindow.length} 次探测全部无法解析域名 ${registered}`, dns);

    if (reached.length > 0) {
      const away = reached.filter((p) => !sameDomain(p.finalUrl!, registered));
      if (away.length === reached.length) {
        const target = hostOf(away.at(-1)!.finalUrl)!;
        const evidence = {
          probes: inWindow.length,
          crawled: a.homepage?.finalUrl ?? null,
          ledAway: away.length,
          finalUrl: away.at(-1)!.finalUrl,
          targets: [...new Set(away.map((p) => hostOf(p.finalUrl)))],
        };
        if (isGovCn(registered) && !isGovCn(target))
          add('redirect-not-gov', `${registered} → ${target}（${away.length} 次访问均如此）`, evidence);
        else add('redirect-other-domain', `${registered} → ${target}（${away.length} 次访问均如此）`, evidence);
      }
    }
    if (parked) add('parked', `首页内容为“${parked.match}”`, { match: parked.match, url: parked.url });

    if (findings.length === 0 && reached.length === 0 && !parked) {
      // Nothing answered and not enough to say the name is gone: where the URL leads is unknown.
      return {
        status: 'not-checked',
        reason:
          inWindow.length === 0
            ? `监测窗口（${opts.windowDays}天）内没有探测`
            : `监测窗口内 ${inWindow.length} 次探测都没有得到响应，不足以判断登记网址的去向`,
      };
    }
    return { status: 'checked', findings };
  },
});

/** The registered host itself, with or without www. (and whatever scheme or port). */
function sameHost(url: string, registeredHost: string): boolean {
  const bare = (h: string) => h.replace(/^www\./, '');
  const h = hostOf(url);
  return h !== null && bare(h) === bare(registeredHost);
}

function sameDomain(url: string, registeredHost: string): boolean {
  const h = hostOf(url);
  return h !== null && registrableDomain(h) === registrableDomain(registeredHost);
}

/** Every probe a DNS failure, enough of them, and reaching both ends of the window. */
function unresolvable(probes: ProbeArtifact[], at: string, o: z.infer<typeof options>): Record<string, unknown> | null {
  if (probes.length < o.minProbesUnresolvable || probes.some((p) => p.failure !== 'dns')) return null;
  const times = probes.map((p) => Date.parse(p.startedAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const edge = o.edgeHours * 3_600_000;
  if (first - (Date.parse(at) - o.windowDays * DAY_MS) > edge || Date.parse(at) - last > edge) return null;
  return { probes: probes.length, first: new Date(first).toISOString(), last: new Date(last).toISOString(), error: probes[0]!.error };
}

/** The homepage as crawled, when it is short and reads as a parking or default server page. */
function parkedText(a: RuleInput<'texts'>, maxChars: number): { match: string; url: string } | null {
  const home = a.texts.pages.find((p) => p.kind === 'homepage');
  if (!home) return null;
  const text = [...home.blocks, ...a.texts.shared.blocks].join('\n');
  if (text.length > maxChars) return null;
  for (const re of PARKED) {
    const m = re.exec(text);
    if (m) return { match: m[0], url: home.url };
  }
  return null;
}
