// 不可用链接: links that lead nowhere. 404, 410 and 403 are certain; a suspected failure (timeout, 5xx,
// connection error) counts only when it failed again later in the run. One finding per dead target
// per site, however many pages carry it: a homepage link where the homepage carries it, else a page link.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import type { LinkArtifact } from '../model/artifacts.js';
import { defineRule } from './rule.js';

const TEXT = { title: '不可用链接', homepage: '首页不可用链接', page: '其他页面不可用链接' };

const options = z.object({ maxPagesListed: z.number().int().positive().default(5) });

export const linkBroken = defineRule({
  meta: {
    id: 'link-broken',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 信息发布 链接可用性（扣分项）',
    codes: { 'homepage-link': TEXT.homepage, 'page-link': TEXT.page },
    requiredArtifacts: ['links', 'homepage'],
    options,
  },
  run(a, opts) {
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能获取' };
    if (a.links.length > 0 && a.links.every((l) => l.status === null))
      return { status: 'not-checked', reason: '链接尚未检查（运行 choucha links 或 run）' };
    const byTarget = new Map<string, LinkArtifact[]>();
    for (const l of a.links) if (l.status === 'broken') byTarget.set(l.target, [...(byTarget.get(l.target) ?? []), l]);
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
    return { status: 'checked', findings };
  },
});
