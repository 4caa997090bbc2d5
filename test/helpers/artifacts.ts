// Small builders for rule tests: artifacts described by what matters (names, levels, days ago), not HTML.
import { fileURLToPath } from 'node:url';
import { daysBefore } from '../../src/model/day.js';
import type {
  ChannelArtifact,
  ItemArtifact,
  ListArtifact,
  MessageArtifact,
  ProbeArtifact,
  SiteArtifacts,
} from '../../src/model/artifacts.js';
import type { RuleContext } from '../../src/rules/rule.js';
import { loadLexicons } from '../../src/verdict/config/lexicons.js';

export const AT = '2026-12-01T10:00:00+08:00';
export const AT_DAY = '2026-12-01';

// The shipped lexicons, loaded the way an edition loads them (compiled on first use).
const lexicons = loadLexicons(fileURLToPath(new URL('../../rules/editions/2019.yaml', import.meta.url)), {
  columnCategories: '../lexicons/column-categories.yaml',
});

export const ctx: RuleContext = { at: AT, atDay: AT_DAY, lexicons, stateCouncil: null };

/** An item `n` days before the reference day, or undated with `null`. */
export function item(daysAgo: number | null, title = '关于做好有关工作的通知'): ItemArtifact {
  if (daysAgo === null) return { title, url: 'http://x.gov.cn/a.html', dateText: null, date: null };
  const date = daysBefore(AT_DAY, daysAgo);
  return { title, url: `http://x.gov.cn/${date}.html`, dateText: date, date };
}

export function column(
  name: string,
  opts: { level?: number | null; items?: (number | null)[]; state?: ListArtifact['state'] } = {},
): ListArtifact {
  const items = (opts.items ?? []).map((d) => item(d));
  return {
    kind: 'column',
    name,
    url: `http://x.gov.cn/${encodeURIComponent(name)}/`,
    level: opts.level === undefined ? 1 : opts.level,
    source: 'nav',
    state: opts.state ?? (items.length > 0 ? 'items' : 'empty'),
    stateReason: opts.state === 'empty' || (!opts.state && items.length === 0) ? '页面显示“暂无信息”' : null,
    items,
    pagesRead: 1,
    moreUrl: null,
  };
}

export function block(name: string, days: (number | null)[]): ListArtifact {
  return { ...column(name, { items: days }), kind: 'homepage-block', url: 'http://x.gov.cn/', level: null, source: 'homepage' };
}

/**
 * The list as judging sees it once its undated items' own pages were read: each page shows the date at
 * the same index of `pageDays` (null: no date on the page either).
 */
export function opened(list: ListArtifact, pageDays: (number | null)[] = []): ListArtifact {
  return {
    ...list,
    items: list.items.map((it, i) => {
      if (it.date) return it;
      const d = pageDays[i] ?? null;
      return d === null
        ? { ...it, articleRead: true }
        : { ...it, date: daysBefore(AT_DAY, d), dateFrom: 'article' as const, articleRead: true };
    }),
  };
}

/** A message board read on its site (found on the site's root): read when it shows letters, empty when it shows none. */
export function board(url: string, messages: MessageArtifact[] = [], extra: Partial<ChannelArtifact> = {}): ChannelArtifact {
  return {
    name: '在线咨询',
    url,
    foundOn: new URL('/', url).href,
    offsite: false,
    state: messages.length > 0 ? 'read' : 'empty',
    reason: null,
    httpStatus: 200,
    pagesRead: 1,
    covered: true,
    answeredOnly: null,
    messages,
    ...extra,
  };
}

export function probes(total: number, failed: number, spanDays = 7): ProbeArtifact[] {
  const end = Date.parse(AT);
  const step = (spanDays * 86_400_000) / total;
  return Array.from({ length: total }, (_, i) => ({
    startedAt: new Date(end - i * step).toISOString(),
    ok: i >= failed,
    status: i >= failed ? 200 : null,
    ms: 300,
    failure: i >= failed ? null : 'timeout',
    error: i >= failed ? null : 'timeout',
  }));
}

export function site(parts: Partial<SiteArtifacts> = {}): SiteArtifacts {
  return {
    site: {
      id: '4301000001',
      name: '测试市人民政府',
      url: 'http://x.gov.cn/',
      sponsor: null,
      level: 'prefecture-portal',
      region: '430100',
      parentId: null,
      status: 'running',
    },
    probes: [],
    crawl: { state: 'complete', reason: null, pagesFetched: 10 },
    homepage: { url: 'http://x.gov.cn/', finalUrl: 'http://x.gov.cn/', status: 200, fetchedAt: AT, readable: true, error: null },
    lists: [],
    links: [],
    texts: { pages: [], shared: { url: 'http://x.gov.cn/', blocks: [] } },
    articles: [],
    identity: null,
    channels: [],
    hiddenLinks: [],
    https: null,
    ipv6: null,
    attachments: null,
    homepageFeatures: null,
    documentValidity: [],
    mobile: null,
    search: null,
    ...parts,
  };
}

/** `n` columns named from a base name, e.g. 5 news columns 工作动态1…5. */
export function many(n: number, name: string, opts: Parameters<typeof column>[1]): ListArtifact[] {
  return Array.from({ length: n }, (_, i) => column(`${name}${i + 1}`, opts));
}

/** A site whose pages say `texts` (one block each), for the content rules. */
export function withText(pages: Record<string, string[]>, shared: string[] = []): SiteArtifacts {
  return site({
    texts: {
      pages: Object.entries(pages).map(([path, blocks]) => ({ url: `http://x.gov.cn/${path}`, kind: 'article' as const, blocks })),
      shared: { url: 'http://x.gov.cn/', blocks: shared },
    },
  });
}
