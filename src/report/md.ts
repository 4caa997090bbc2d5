// A Markdown summary for a 通报 draft, a chat message or a CI job summary: the figures, 合格率 tables,
// the unqualified sites with their problems, and the pre-warnings apart.
import { deductionTitles, problemMessages, vetoTitles } from './facts.js';
import { levelLabel, quarterLabel, regionLabel, tierLabel, VERDICT_LABELS, verdictLabel } from './labels.js';
import type { Report } from '../model/report.js';
import { percent, type RateRow, ratesByLevel, ratesByRegion } from './rates.js';
import { cstText, cstTextIn } from './time.js';

/** Table cells: pipes and line breaks in a site's text would break the table. */
function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function rateTable(head: string, rows: RateRow[]): string[] {
  return [
    `| ${head} | 网站 | 已判定 | 合格 | 不合格 | 合格率 |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${cell(r.label)} | ${r.sites} | ${r.checked} | ${r.qualified} | ${r.unqualified} | ${percent(r.rate)} |`),
  ];
}

function historyLines(report: Report): string[] {
  const h = report.history;
  if (!h) return [];
  const offenders = h.sites.filter((x) => x.consecutiveUnqualified >= 2);
  const name = (id: string) => report.sites.find((x) => x.id === id)?.name ?? id;
  return [
    `## 与上季度（${cell(h.previousQuarter)}）比较`,
    '',
    '| 地区 | 合格率 | 上季度 | 变化（百分点） | 连续不合格网站 |',
    '|---|---:|---:|---:|---:|',
    ...h.regions.map(
      (r) =>
        `| ${cell(regionLabel(r.key.length === 2 ? `${r.key}0000` : r.key) || r.key)} | ${percent(r.rate)} | ${percent(r.previousRate)} | ${r.change === null ? '—' : (r.change * 100).toFixed(1)} | ${r.repeatOffenders} |`,
    ),
    '',
    ...(offenders.length
      ? ['连续不合格：', '', ...offenders.map((x) => `- ${cell(name(x.id))}：连续 ${x.consecutiveUnqualified} 个季度`), '']
      : []),
  ];
}

function disagreementLines(report: Report): string[] {
  const d = report.disagreements;
  if (!d) return [];
  return [
    '## 梯次复核分歧',
    '',
    ...(d.length === 0
      ? ['无。']
      : [
          '| 网站 | 下级结论 | 本级结论 |',
          '|---|---|---|',
          ...d.map(
            (x) =>
              `| ${cell(x.name ?? x.siteId)} | ${cell(tierLabel(x.lowerTier))} ${cell(verdictLabel(x.lowerVerdict))} | ${cell(verdictLabel(x.upperVerdict))} |`,
          ),
        ]),
    '',
  ];
}

function closedLines(report: Report): string[] {
  const c = report.closed;
  if (!c) return [];
  const answering = c.filter((x) => x.findings.length > 0);
  return [
    `## 登记为关停的网站（${c.length} 个）`,
    '',
    ...(answering.length === 0
      ? ['均未发现仍可访问。']
      : answering.flatMap((x) => x.findings.map((f) => `- ${cell(x.name)}（${cell(x.url)}）：${cell(cstTextIn(f.message))}`))),
    '',
  ];
}

export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const unqualified = report.sites.filter((x) => x.verdict === 'unqualified');
  const warned = report.sites.filter((x) => x.warnings.length > 0);
  const notChecked = report.sites.filter((x) => x.verdict === 'not-checked');
  const lines = [
    `# ${quarterLabel(report.quarter)}政府网站抽查结果`,
    '',
    `检查层级 ${cell(tierLabel(report.tier))}，指标版本 ${cell(report.edition)}，监测时间点 ${cell(cstText(report.at))}（北京时间）。`,
    '',
    `抽查 ${report.sites.length} 个网站：已判定 ${s.checked} 个，合格 ${s.qualified} 个，不合格 ${s.unqualified} 个，未检查 ${s.notChecked} 个，合格率 ${percent(s.qualifiedRate)}；预警 ${s.warned} 个。`,
    '',
    '## 各地区合格率',
    '',
    ...rateTable('地区', ratesByRegion(report)),
    '',
    '## 各层级合格率',
    '',
    ...rateTable('层级', ratesByLevel(report)),
    '',
    '## 不合格网站',
    '',
    ...(unqualified.length === 0
      ? ['无。']
      : [
          '| 序号 | 地区 | 网站名称 | 网址 | 问题类型 | 问题描述 |',
          '|---:|---|---|---|---|---|',
          ...unqualified.map(
            (x, i) =>
              `| ${i + 1} | ${cell(regionLabel(x.region))} | ${cell(x.name)} | ${cell(x.url)} | ${cell(vetoTitles(x).join('；') || `得分低于合格线（${deductionTitles(x).join('、')}）`)} | ${cell(cstTextIn(problemMessages(x).join('；')))} |`,
          ),
        ]),
    '',
    ...historyLines(report),
    ...disagreementLines(report),
    ...closedLines(report),
    '## 预警',
    '',
    ...(warned.length === 0
      ? ['无。']
      : warned.flatMap((x) => x.warnings.map((w) => `- ${cell(x.name)}（${cell(levelLabel(x.level))}）：${cell(cstTextIn(w.message))}`))),
    '',
    '## 未检查',
    '',
    ...(notChecked.length === 0
      ? ['无。']
      : notChecked.map((x) => `- ${cell(x.name)}：${cell(x.notCheckedReason ?? x.notChecked.map((n) => n.reason).join('；'))}`)),
    '',
    `<!-- ${VERDICT_LABELS.qualified}/${VERDICT_LABELS.unqualified}: report.json holds every finding with its evidence. -->`,
    '',
  ];
  return lines.join('\n');
}
