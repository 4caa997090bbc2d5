// What a 通报 on the quarter's check says, worked out apart from the Word file that lays it out:
// 总体情况 with 合格率, 存在的主要问题 by kind with examples, 下一步工作要求 and the 不合格网站名单.
// Placeholders a person has to fill (the issuing office, the deadline) are left as blanks to fill,
// never guessed: this is a draft for an office to edit and sign.
import { stripXmlInvalid } from './html-escape.js';
import { byRegionThenId, findingText, isVetoed, problemMessages, vetoTitles } from './facts.js';
import { quarterLabel, regionLabel } from './labels.js';
import type { Report, ReportFinding, ReportSite } from '../model/report.js';
import { percent, ratesByLevel, ratesByRegion } from './rates.js';
import { cstDateText, cstTextIn } from './time.js';

/** Sites named as examples under each kind of problem. */
export const EXAMPLES_PER_KIND = 3;
export const OVER_DEDUCTION = '扣分超过合格线';

export interface ProblemKind {
  title: string;
  veto: boolean;
  /** Sites with at least one such finding. */
  sites: number;
  examples: { site: string; url: string; date: string; message: string }[];
  /** The paragraph under the kind's heading: how many sites, then the examples. */
  text: string;
}

export interface Tongbao {
  title: string;
  /** The title broken where a 通报's title breaks, so no line ends on a lone character. */
  titleLines: string[];
  addressee: string;
  opening: string;
  overall: string[];
  problems: ProblemKind[];
  requirements: { heading: string; text: string }[];
  attachmentLine: string;
  signature: string;
  date: string;
  attachment: { title: string; header: string[]; rows: string[][]; empty: string };
}

const ATTACHMENT_TITLE = '不合格网站名单';
const ATTACHMENT_HEADER = ['序号', '地区', '网站名称', '网址', '网站标识码', '主办单位', '问题'];

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings and 第…季度 run below 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}

/** XML 1.0 cannot carry most control characters; a site's title with one must not break the file. */
export const clean = stripXmlInvalid;

/** A finding that counted against its site: a veto or points, not a notice and not one a reviewer set aside. */
function counted(f: ReportFinding): boolean {
  return f.kind !== 'notice' && !f.ignored;
}

/** When the problem was seen: the day a person found it, its evidence picture's time, else the check's reference time. */
function seenOn(f: ReportFinding, report: Report): string {
  if (f.provenance) return cstDateText(f.provenance.date);
  const shots = f.evidence.screenshots as { capturedAt?: unknown }[] | undefined;
  const taken = shots?.find((s) => typeof s.capturedAt === 'string')?.capturedAt as string | undefined;
  return cstDateText(taken ?? report.at);
}

function problemKinds(report: Report): ProblemKind[] {
  const byTitle = new Map<string, { veto: boolean; sites: Map<string, { site: ReportSite; finding: ReportFinding }> }>();
  for (const site of report.sites) {
    for (const f of site.findings.filter(counted)) {
      let kind = byTitle.get(f.title);
      if (!kind) byTitle.set(f.title, (kind = { veto: false, sites: new Map() }));
      kind.veto ||= f.kind === 'veto';
      // One example per site: the first of its findings of this kind, a veto before points.
      const had = kind.sites.get(site.id);
      if (!had || (had.finding.kind !== 'veto' && f.kind === 'veto')) kind.sites.set(site.id, { site, finding: f });
    }
  }
  return [...byTitle]
    .map(([title, k]) => {
      const examples = [...k.sites.values()]
        .sort((a, b) => byRegionThenId(a.site, b.site))
        .slice(0, EXAMPLES_PER_KIND)
        .map(({ site, finding }) => ({
          site: clean(site.name),
          url: clean(finding.url ?? site.url),
          date: seenOn(finding, report),
          message: clean(cstTextIn(findingText(finding))),
        }));
      const named = examples.map((e) => `${e.site}（${e.url}）：${e.message}（检查日期：${e.date}）`).join('；');
      // Only unqualified sites are in the attachment: the others are counted here, not pointed to.
      const more = k.sites.size > examples.length ? `等${k.sites.size}个网站` : '';
      const text = `${k.sites.size}个网站存在此类问题${k.veto ? '（单项否决）' : ''}。如${named}${more}。`;
      return { title, veto: k.veto, sites: k.sites.size, examples, text };
    })
    .sort((a, b) => Number(b.veto) - Number(a.veto) || b.sites - a.sites || a.title.localeCompare(b.title, 'zh-CN'));
}

function overall(report: Report): string[] {
  const s = report.summary;
  const first = [
    s.qualifiedRate === null
      ? `本次共抽查政府网站${report.sites.length}个，均未完成检查，未计算合格率。`
      : `本次共抽查政府网站${report.sites.length}个，完成检查${s.checked}个，其中合格${s.qualified}个、不合格${s.unqualified}个，合格率为${percent(s.qualifiedRate)}。`,
    s.qualifiedRate !== null && s.notChecked > 0 ? `另有${s.notChecked}个网站未能完成检查，未计入合格率。` : '',
    s.warned > 0 ? `${s.warned}个网站接近单项否决标准，已予预警。` : '',
  ].join('');
  const spread = (label: string, rows: ReturnType<typeof ratesByLevel>) => {
    const judged = rows.filter((r) => r.checked > 0);
    if (judged.length < 2) return '';
    return `${label}，${judged.map((r) => `${r.label}抽查${r.checked}个、合格率${percent(r.rate)}`).join('；')}。`;
  };
  const h = report.history;
  const repeat = h?.sites.filter((x) => x.consecutiveUnqualified >= 2) ?? [];
  const named = repeat.map((x) => report.sites.find((site) => site.id === x.id)?.name ?? x.id);
  return [
    first,
    spread('分层级看', ratesByLevel(report)),
    spread('分地区看', ratesByRegion(report)),
    repeat.length > 0
      ? `与${quarterLabel(h!.previousQuarter)}相比，${repeat.length}个网站连续两个季度以上不合格：${named.map(clean).join('、')}。`
      : '',
  ].filter(Boolean);
}

function attachmentRows(report: Report): string[][] {
  return report.sites
    .filter((s) => s.verdict === 'unqualified')
    .sort(byRegionThenId)
    .map((s, i) => {
      const kinds = isVetoed(s) ? vetoTitles(s).join('、') : OVER_DEDUCTION;
      const messages = problemMessages(s).map(cstTextIn);
      return [
        String(i + 1),
        regionLabel(s.region),
        s.name,
        s.url,
        s.id,
        s.sponsor ?? '',
        `${kinds}${messages.length > 0 ? `：${messages.join('；')}` : ''}`,
      ].map(clean);
    });
}

export function tongbao(report: Report): Tongbao {
  const quarter = quarterLabel(report.quarter);
  const unqualified = report.summary.unqualified;
  return {
    title: `关于${quarter}政府网站抽查情况的通报`,
    titleLines: [`关于${quarter}政府网站`, '抽查情况的通报'],
    addressee: '各有关单位：',
    opening: `根据政府网站抽查工作安排，以${cstDateText(report.at)}为监测时间点，对${report.sites.length}个政府网站开展了${quarter}抽查。现将有关情况通报如下：`,
    overall: overall(report),
    problems: problemKinds(report),
    requirements: [
      {
        heading: '抓紧整改到位。',
        text:
          unqualified > 0
            ? `请附件所列${unqualified}个不合格网站的主办单位对照问题逐项整改，于____年__月__日前将整改情况报送。对存在扣分问题的网站，请一并整改。`
            : '对本次抽查发现的扣分问题，请各网站主办单位对照问题逐项整改，于____年__月__日前将整改情况报送。',
      },
      {
        heading: '举一反三自查。',
        text: '各地区、各部门要对照政府网站检查指标，对所辖政府网站开展全面自查，重点检查信息更新、互动回应、链接可用和内容准确等情况，发现问题及时整改。',
      },
      {
        heading: '健全常态监管。',
        text: '各地区、各部门要落实政府网站监管责任，完善日常监测、内容审核和问题整改机制，对连续不合格的网站严肃问责，切实提升政府网站建设管理水平。',
      },
    ],
    attachmentLine: `附件：${ATTACHMENT_TITLE}`,
    signature: '（发文机关署名）',
    date: cstDateText(report.generatedAt),
    attachment: { title: ATTACHMENT_TITLE, header: ATTACHMENT_HEADER, rows: attachmentRows(report), empty: '本季度无不合格网站' },
  };
}
