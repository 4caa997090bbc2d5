// 政府信息公开工作年度报告 (政府信息公开条例 第四十九条, 第五十条): every office publishes its report of
// the year before by 31 January. From 1 February of a year, `at`'s year before must be there; in January,
// the one before that. Sought among the names the crawl saw: a title such as “2025年政府信息公开工作年度
// 报告”, or a year's entry in a column or page named 年报 / 年度报告. Where the site names no 信息公开
// section, keeps it on another host, or the crawl stopped before reading it, a report not seen is not a
// report missing (not-checked). Kinds and points are the edition's [U].
import { z } from 'zod';
import type { Day } from '../model/day.js';
import { SITE_LEVELS } from '../model/site.js';
import { defineRule } from './rule.js';
import { disclosureSection, SECTION_TEXT, type Named, namesSeen, sectionNotJudgeable } from './utils/disclosure.js';
import { homepageNotJudgeable } from './utils/homepage-read.js';

const TEXT = {
  title: '政府信息公开年报',
  missing: '未按时发布上一年度政府信息公开工作年度报告',
};

const options = z.object({
  /** Levels judged; all by default: every administrative organ publishes a report (条例 第四十九条). */
  levels: z.array(z.enum(SITE_LEVELS)).default([...SITE_LEVELS]),
  /** The last day (MM-DD) of the year after for publishing a year's report [V: 1月31日]. */
  deadline: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .default('01-31'),
  sectionText: z.string().default(SECTION_TEXT),
  /** Words of a report's title. */
  reportText: z.string().default('年度报告|年报'),
});

/** The year whose report must be out at `atDay`: the year before once its deadline has passed. */
export function dueYear(atDay: Day, deadline: string): number {
  const y = Number(atDay.slice(0, 4));
  return atDay.slice(5) > deadline ? y - 1 : y - 2;
}

const YEAR = /((?:19|20)\d{2})\s*年/;

/** The year of the report a name stands for, or null when it is not a report's name. */
function reportYear(n: Named, report: RegExp, sections: Set<string>): number | null {
  const year = YEAR.exec(n.text);
  if (!year) return null;
  // A full title: 2025年政府信息公开工作年度报告, XX局2025年度政务公开年报.
  if (report.test(n.text) && /信息公开|政务公开/.test(n.text)) return Number(year[1]);
  // A year's entry of a 年报 column or page: “2025年度”, “XX县2025年”.
  if ((n.list && report.test(n.list.name)) || sections.has(n.seenOn)) return n.text.length <= 40 ? Number(year[1]) : null;
  return null;
}

export const annualReport = defineRule({
  meta: {
    id: 'annual-report',
    title: TEXT.title,
    indicator: '《中华人民共和国政府信息公开条例》第四十九条、第五十条（每年1月31日前公布上一年度报告）；类型与分值为版本选项 [U]',
    codes: { missing: TEXT.missing },
    requiredArtifacts: ['homepage', 'crawl', 'lists', 'links'],
    options,
  },
  run(a, opts, ctx) {
    if (a.site.level && !opts.levels.includes(a.site.level)) return { status: 'checked', findings: [] };
    const why = homepageNotJudgeable(a.site, a.homepage, '政府信息公开年报');
    if (why) return { status: 'not-checked', reason: why };
    const due = dueYear(ctx.atDay, opts.deadline);
    const report = new RegExp(opts.reportText);
    // Pages of 年报 columns: a link on one that names a year is that year's report.
    const reportPages = new Set(a.lists.filter((l) => l.kind === 'column' && report.test(l.name)).map((l) => l.url));
    const names = namesSeen(a.lists, a.links);
    const years = new Set<number>();
    for (const n of names) {
      const y = reportYear(n, report, reportPages);
      if (y !== null) years.add(y);
    }
    if ([...years].some((y) => y >= due)) return { status: 'checked', findings: [] };
    const section = disclosureSection(names, a.site.url, new RegExp(opts.sectionText));
    const notJudgeable = sectionNotJudgeable(section, a.crawl, `${due}年度报告`);
    if (notJudgeable || !section) return { status: 'not-checked', reason: notJudgeable ?? '' };
    // A 年报 column linked but never read: its entries are unknown.
    const unread = names.find((n) => n.kind === 'link' && report.test(n.text) && !YEAR.test(n.text) && !reportPages.has(n.url ?? ''));
    if (unread) return { status: 'not-checked', reason: `年报栏目“${unread.text}”未读取，无法确认${due}年度报告是否发布` };
    const latest = years.size > 0 ? Math.max(...years) : null;
    const deadline = `${due + 1}年${Number(opts.deadline.slice(0, 2))}月${Number(opts.deadline.slice(3))}日`;
    return {
      status: 'checked',
      findings: [
        {
          rule: 'annual-report',
          code: 'missing',
          siteId: a.site.id,
          url: a.homepage!.url,
          message: `未见${due}年政府信息公开工作年度报告（应于${deadline}前发布）${latest ? `，最近一份为${latest}年度` : ''}`,
          evidence: { dueYear: due, deadline: `${due + 1}-${opts.deadline}`, latestSeen: latest, section: section.names },
        },
      ],
    };
  },
});
