// 不可用链接: links that lead nowhere. 404, 410 and 403 are certain; a suspected failure (timeout, 5xx,
// connection error) counts only when it failed again later in the run. One finding per dead target
// per site, however many pages carry it: a homepage link where the homepage carries it, else a page link.
// Links the checker could not judge (its own network failed, or a firewall stopped it) are never
// deducted: they are counted in a notice, and a site with no link judged at all is not-checked.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import type { LinkArtifact } from '../model/artifacts.js';
import { defineRule } from './rule.js';

const TEXT = { title: '不可用链接', homepage: '首页不可用链接', page: '其他页面不可用链接', unchecked: '链接未能判定（非网站原因）' };

/** Statuses that say nothing about the site. */
const NOT_JUDGED = new Set(['vantage', 'blocked']);

const options = z.object({ maxPagesListed: z.number().int().positive().default(5) });

export const linkBroken = defineRule({
  meta: {
    id: 'link-broken',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 信息发布 链接可用性（扣分项）',
    codes: { 'homepage-link': TEXT.homepage, 'page-link': TEXT.page, unchecked: TEXT.unchecked },
    requiredArtifacts: ['links', 'homepage'],
    options,
  },
  run(a, opts) {
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能获取' };
    if (a.links.length > 0 && a.links.every((l) => l.status === null))
      return { status: 'not-checked', reason: '链接尚未检查（运行 choucha links 或 run）' };
    const unjudged = new Map<string, LinkArtifact>();
    for (const l of a.links) if (l.status && NOT_JUDGED.has(l.status)) unjudged.set(l.target, l);
    const judged = a.links.some((l) => l.status === 'ok' || l.status === 'broken');
    if (unjudged.size > 0 && !judged) return { status: 'not-checked', reason: `链接均未能判定：${reasonOf([...unjudged.values()])}` };
    const byTarget = Map.groupBy(
      a.links.filter((l) => l.status === 'broken'),
      (l) => l.target,
    );
    const findings: Finding[] = [...byTarget.values()].map((seen) => {
      const home = seen.find((l) => l.onHomepage);
      const first = home ?? seen[0]!;
      const what = first.http ? `HTTP ${first.http}` : (first.error ?? '无法访问');
      return {
        rule: 'link-broken',
        code: home ? 'homepage-link' : 'page-link',
        siteId: a.site.id,
        url: first.pageUrl,
        message: `${home ? '首页' : '页面'}链接“${first.text ?? first.target}”不可用（${what}）${seen.length > 1 ? `，出现在 ${seen.length} 个页面` : ''}`,
        evidence: {
          target: first.target,
          tag: first.tag,
          text: first.text,
          http: first.http,
          error: first.error,
          attempts: first.attempts,
          pages: seen.slice(0, opts.maxPagesListed).map((l) => l.pageUrl),
          occurrences: seen.length,
        },
      };
    });
    if (unjudged.size > 0) findings.push(uncheckedNotice(a.site.id, [...unjudged.values()]));
    return { status: 'checked', findings };
  },
});

function reasonOf(links: LinkArtifact[]): string {
  const vantage = links.filter((l) => l.status === 'vantage');
  const blocked = links.length - vantage.length;
  return [
    vantage.length ? `${vantage.length} 个因检查机网络原因未检查（${vantage[0]!.error ?? ''}）` : '',
    blocked ? `${blocked} 个被网站防护或地址限制拦截` : '',
  ]
    .filter(Boolean)
    .join('；');
}

function uncheckedNotice(siteId: string, links: LinkArtifact[]): Finding {
  return {
    rule: 'link-broken',
    code: 'unchecked',
    siteId,
    url: null,
    message: `${links.length} 个链接未能判定，不计扣分：${reasonOf(links)}`,
    evidence: {
      vantage: links.filter((l) => l.status === 'vantage').length,
      blocked: links.filter((l) => l.status === 'blocked').length,
      examples: links.slice(0, 5).map((l) => ({ target: l.target, status: l.status, error: l.error })),
    },
  };
}
