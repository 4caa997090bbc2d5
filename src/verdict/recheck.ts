// 复核: which of last check's findings are fixed, from a fresh fetch of only their evidence URLs.
// Pure: the fetching is src/gather/recheck.ts. A URL that could not be fetched leaves its finding
// "not rechecked" with the reason, never "fixed"; a rule judged over the whole site or over time
// (stale columns, unanswered letters, availability) cannot be settled by one fetch and says so.
import type { ReportFinding } from '../model/report.js';
import type { Fetched } from '../model/recheck.js';
import { daysBefore, daysBetween } from '../model/day.js';

export type RecheckStatus = 'fixed' | 'not-fixed' | 'not-rechecked';

/** The days re-checks are measured on: the check's reference day, and the day of the re-check. */
export interface RecheckDays {
  atDay: string;
  today: string;
}

export interface RecheckOutcome {
  siteId: string;
  rule: string;
  code: string;
  fingerprint: string;
  url: string | null;
  status: RecheckStatus;
  reason: string;
  /** The URLs fetched, with what each gave. */
  fetched: { url: string; status: number | null; error: string | null }[];
}

const str = (x: unknown) => (typeof x === 'string' ? x : null);
const strs = (x: unknown) => (Array.isArray(x) ? x.filter((u): u is string => typeof u === 'string') : []);

/** The evidence URLs a finding is re-checked against; empty when one fetch cannot settle it. */
export function evidenceUrls(f: ReportFinding): string[] {
  const e = f.evidence;
  // A person's finding has none of the evidence fields a fetch is compared with: a person re-checks it.
  if (f.source === 'manual') return [];
  if (f.rule === 'link-broken') return [str(e.target)].filter((u): u is string => !!u);
  if (f.rule === 'typo' || f.rule === 'serious-error') return [...new Set([...strs(e.urls), ...(f.url ? [f.url] : [])])];
  if (f.rule === 'site-identity' && f.code !== 'domain-not-gov' && f.url) return [f.url];
  // A homepage judged on its own blocks can be read again; one judged on its columns (navigation only) cannot.
  if (f.rule === 'homepage-stale' && e.judgedOn === 'homepage-blocks' && typeof e.windowStart === 'string' && f.url) return [f.url];
  return [];
}

const unsettled: Record<string, string> = {
  'site-unreachable': '可用性需连续监测一周，不能由一次访问复核；请重新运行 probe',
  'homepage-stale': '更新情况按监测时间点和全部首页栏目判断；请重新 crawl 与 check',
  'column-stale': '栏目更新按全站栏目计数；请重新 crawl 与 check',
  'column-empty': '空白栏目按全站栏目计数；请重新 crawl 与 check',
  'interaction-unanswered': '留言答复需读取整个留言板；请重新 crawl 与 check',
  'state-council-missing': '转载情况需读取全站栏目；请重新 crawl 与 check',
  'site-identity': '域名问题需修改登记信息或网站域名，不能由一次访问复核',
};

const NOT_READ = (x: Fetched) => (x.status === null ? `无法访问：${x.error ?? '未知错误'}` : `返回状态 ${x.status}`);

export function decide(siteId: string, f: ReportFinding, fingerprint: string, fetched: Fetched[], days: RecheckDays): RecheckOutcome {
  const base = {
    siteId,
    rule: f.rule,
    code: f.code,
    fingerprint,
    url: f.url,
    fetched: fetched.map((x) => ({ url: x.url, status: x.status, error: x.error })),
  };
  const out = (status: RecheckStatus, reason: string): RecheckOutcome => ({ ...base, status, reason });
  if (fetched.length === 0)
    return out(
      'not-rechecked',
      f.source === 'manual' ? '人工检查发现的问题，需由检查人复核' : (unsettled[f.rule] ?? '该问题不能由重新访问证据网址复核'),
    );
  if (f.rule === 'link-broken') {
    const x = fetched[0]!;
    if (x.status !== null && x.status < 400) return out('fixed', `链接现返回状态 ${x.status}`);
    if (x.status === 404 || x.status === 410 || x.status === 403) return out('not-fixed', `链接仍返回状态 ${x.status}`);
    return out('not-rechecked', `链接${NOT_READ(x)}，不能确定是否已修复`);
  }
  const read = fetched.filter((x) => x.text !== null);
  const unread = fetched.filter((x) => x.text === null);
  if (f.rule === 'typo' || f.rule === 'serious-error') {
    const wrong = str(f.evidence.wrong);
    if (!wrong) return out('not-rechecked', '证据中没有错误用词');
    const still = read.filter((x) => x.text!.includes(wrong));
    if (still.length > 0) return out('not-fixed', `“${wrong}”仍出现在 ${still.map((x) => x.url).join('、')}`);
    if (unread.length > 0) return out('not-rechecked', `${unread.map((x) => `${x.url} ${NOT_READ(x)}`).join('；')}`);
    return out('fixed', `“${wrong}”已不在 ${read.length} 个证据页面上`);
  }
  if (f.rule === 'homepage-stale') {
    // The same window as the check (e.g. 2 weeks), now ending on the re-check day.
    const since = daysBefore(days.today, daysBetween(String(f.evidence.windowStart), days.atDay));
    const home = read[0];
    if (!home) return out('not-rechecked', `首页${NOT_READ(fetched[0]!)}`);
    if (!home.newestDate) return out('not-rechecked', '首页未读到带日期的信息，需完整检查判断');
    if (home.newestDate >= since) return out('fixed', `首页最新信息发布于 ${home.newestDate}（${since} 起的同样时长内）`);
    return out('not-fixed', `首页最新信息仍为 ${home.newestDate}，${since} 起没有更新`);
  }
  // site-identity: the homepage's footer again.
  const page = read[0];
  if (!page?.identity) return out('not-rechecked', `首页${NOT_READ(fetched[0]!)}`);
  const id = page.identity;
  const shownOk = !!id.siteCode && id.siteCode.toLowerCase() === siteId.toLowerCase();
  const ok: Record<string, boolean | null> = {
    'site-code-missing': shownOk,
    'site-code-invalid': shownOk,
    'site-code-mismatch': shownOk,
    'icp-missing': !!id.icp,
    // A badge linked as an image is read by the full check only: absent text is not proof it is still missing.
    'police-missing': id.police ? true : null,
  };
  const v = ok[f.code];
  if (v === true) return out('fixed', '首页页脚现已显示');
  if (v === false) return out('not-fixed', '首页页脚仍未显示或仍不正确');
  return out('not-rechecked', '首页页脚未见文字备案号；图标链接需完整检查判断');
}
