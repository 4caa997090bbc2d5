// 转载国务院重要信息 (国办发〔2014〕57号; 2019 indicators): portals at county level and up and State
// Council department sites carry a State Council information column on the homepage and republish
// each State Council document within 24 hours. The documents come from a reference list handed to the
// check (`--state-council FILE`): a closed network cannot read www.gov.cn.
import { z } from 'zod';
import { daysBefore, daysBetween } from '../model/day.js';
import { SITE_LEVELS } from '../model/site.js';
import type { Day } from '../model/day.js';
import type { Finding } from '../model/finding.js';
import { defineRule, type RuleInput } from './rule.js';
import { normalizeDocNumber, normalizeTitle, type StateCouncilDoc, titleNames } from './utils/state-council-docs.js';

const TEXT = {
  title: '转载国务院重要信息',
  'no-column': '首页未设置国务院信息栏目',
  missing: '未转载国务院文件',
  late: '转载国务院文件超过24小时',
};

const options = z.object({
  levels: z.array(z.enum(SITE_LEVELS)).default(['state-council', 'province-portal', 'prefecture-portal', 'county-portal']),
  /** Words that name the column, in a homepage link, block or first-level column. */
  columnWords: z
    .array(z.string().min(2))
    .default([
      '国务院信息',
      '国务院文件',
      '国务院政策',
      '国务院重要政策',
      '国务院要闻',
      '国务院动态',
      '国务院常务会议',
      '国务院公报',
      '转载国务院',
      '国务院重要信息',
    ]),
  /** Documents published in this many days before `at` are checked [U]: a quarter. */
  windowDays: z.number().int().positive().default(92),
});

interface Seen {
  where: string;
  day: Day | null;
  title: string;
}

function names(text: string, words: string[]): boolean {
  const t = text.replace(/\s+/g, '');
  return words.some((w) => t.includes(w));
}

/** Where the site shows this document: list items and article pages, by 发文字号 or title. */
function sightings(a: RuleInput<'lists' | 'links' | 'articles'>, doc: StateCouncilDoc): Seen[] {
  const num = doc.number ? normalizeDocNumber(doc.number) : null;
  const out: Seen[] = [];
  for (const l of a.lists) {
    for (const it of l.items) {
      const byNumber = num !== null && normalizeTitle(it.title).includes(normalizeTitle(num));
      if (byNumber || titleNames(it.title, doc.title)) out.push({ where: it.url ?? l.url, day: it.date, title: it.title });
    }
  }
  for (const art of a.articles) {
    if ((num !== null && art.docNumbers.includes(num)) || (art.title !== null && titleNames(art.title, doc.title)))
      out.push({ where: art.url, day: art.published, title: art.title ?? '' });
  }
  return out;
}

export const stateCouncilMissing = defineRule({
  meta: {
    id: 'state-council-missing',
    title: TEXT.title,
    indicator: '国办发〔2014〕57号 转载国务院重要信息；国办秘函〔2019〕19号',
    codes: { 'no-column': TEXT['no-column'], missing: TEXT.missing, late: TEXT.late },
    requiredArtifacts: ['lists', 'links', 'articles', 'homepage', 'crawl'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.site.level) return { status: 'not-checked', reason: '登记信息缺少网站层级，无法判断是否须转载国务院信息' };
    if (!opts.levels.includes(a.site.level)) return { status: 'checked', findings: [] };
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能获取，无法检查国务院信息栏目' };
    const out: Finding[] = [];
    const base = { rule: 'state-council-missing' as const, siteId: a.site.id };

    const columns = a.lists.filter(
      (l) => names(l.name, opts.columnWords) && (l.kind === 'homepage-block' || l.level === 1 || l.source === 'nav'),
    );
    const homeLinks = a.links.filter((l) => l.onHomepage && l.text && names(l.text, opts.columnWords));
    if (columns.length === 0 && homeLinks.length === 0) {
      out.push({
        ...base,
        code: 'no-column',
        url: a.homepage.finalUrl,
        message: TEXT['no-column'],
        evidence: { looked: opts.columnWords, homepageLinks: a.links.filter((l) => l.onHomepage).length },
      });
    }
    if (!ctx.stateCouncil) {
      return out.length > 0
        ? { status: 'checked', findings: out }
        : { status: 'not-checked', reason: '已找到国务院信息栏目；未提供国务院文件参考清单（--state-council），未检查逐件转载' };
    }

    const from = daysBefore(ctx.atDay, opts.windowDays);
    // A document is due once its 24 hours have surely passed: published two days before `at` or earlier.
    const due = ctx.stateCouncil.filter((d) => d.published >= from && daysBetween(d.published, ctx.atDay) >= 2);
    // "Not found" is only said when everything the site shows was read: a complete crawl, and a column
    // that was read (not a link to a feed on another host, not a script-built list left unread).
    const unsure =
      a.crawl.state !== 'complete'
        ? `抓取未完成（${a.crawl.reason ?? a.crawl.state}）`
        : columns.some((c) => c.state === 'unreadable')
          ? '国务院信息栏目未能读取'
          : columns.length === 0 && homeLinks.length > 0
            ? '国务院信息栏目链接到本站以外或未能抓取'
            : null;
    const unverified: string[] = [];
    for (const doc of due) {
      const seen = sightings(a, doc);
      const docInfo = { title: doc.title, number: doc.number, published: doc.published, url: doc.url };
      if (seen.length === 0) {
        if (unsure) {
          unverified.push(doc.title);
          continue;
        }
        out.push({
          ...base,
          code: 'missing',
          url: a.homepage.finalUrl,
          message: `${TEXT.missing}《${doc.title}》${doc.number ? `（${doc.number}）` : ''}，国务院 ${doc.published} 发布`,
          evidence: { document: docInfo, windowStart: from },
        });
        continue;
      }
      const dated = seen.filter((s) => s.day !== null).sort((x, y) => (x.day! < y.day! ? -1 : 1));
      const first = dated[0];
      // Dates on these sites are days: two days apart is surely more than 24 hours, one day apart may not be.
      if (first && daysBetween(doc.published, first.day!) >= 2) {
        out.push({
          ...base,
          code: 'late',
          url: first.where,
          message: `${TEXT.late}：《${doc.title}》国务院 ${doc.published} 发布，本站 ${first.day} 转载`,
          evidence: {
            document: docInfo,
            republished: first.day,
            republishedUrl: first.where,
            daysLate: daysBetween(doc.published, first.day!),
          },
        });
      }
    }
    if (out.length === 0 && unverified.length > 0) {
      return { status: 'not-checked', reason: `${unsure}，${unverified.length} 件国务院文件无法确认是否转载` };
    }
    for (const f of out) if (unverified.length > 0) f.evidence.unverified = unverified;
    return { status: 'checked', findings: out };
  },
});
