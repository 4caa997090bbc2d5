// A digest as the mail an office reads: a subject that says what happened, and a plain-text body with
// the sites to act on, grouped as the 通报 groups them. Times are Beijing time, as in every report.
import { quarterLabel, tierLabel } from '../report/labels.js';
import { percent } from '../report/rates.js';
import { cstText, cstTextIn } from '../report/time.js';
import type { Digest, DigestFinding, DigestSite } from './digest.js';

const NUMERALS = ['一', '二', '三', '四', '五'];

export function mailSubject(d: Digest): string {
  const s = d.summary;
  const parts: string[] = [];
  if (s.unqualified > 0) parts.push(`${s.unqualified} 个网站不合格${s.vetoed > 0 ? `（单项否决 ${s.vetoed} 个）` : ''}`);
  if (s.warned > 0) parts.push(`${s.warned} 个网站预警`);
  if (parts.length === 0) parts.push(s.checked > 0 && s.qualified === s.checked ? '抽查网站全部合格' : '抽查完成');
  return `【政府网站抽查】${quarterLabel(d.check.quarter)}${tierLabel(d.check.tier)}抽查 · ${d.recipient.name}：${parts.join('，')}`;
}

function scopeLine(d: Digest): string {
  const scope = d.recipient.scope;
  if (scope.kind === 'region') return `以下为地区代码以 ${scope.prefixes.join('、')} 开头的网站的结果。`;
  if (scope.kind === 'sponsor') return `以下为主办单位为${scope.names.map((n) => `“${n}”`).join('、')}的网站的结果。`;
  return '';
}

const siteLine = (s: DigestSite, n: number) =>
  `${n}. ${s.name}（网站标识码 ${s.id}${s.regionName ? `，${s.regionName}` : ''}）${s.verdict === 'unqualified' && !s.vetoed && s.score !== null ? ` 得分 ${s.score.toFixed(1)}` : ''}\n   ${s.url}`;

const findingLine = (f: DigestFinding) =>
  `   · ${f.title}：${f.manual ? '【人工】' : ''}${cstTextIn(f.message)}${f.url ? `\n     ${f.url}` : ''}`;

function section(title: string, sites: DigestSite[], lines: (s: DigestSite) => string[]): { title: string; body: string } | null {
  if (sites.length === 0) return null;
  return { title: `${title}：${sites.length} 个`, body: sites.map((s, i) => [siteLine(s, i + 1), ...lines(s)].join('\n')).join('\n') };
}

export function mailText(d: Digest): string {
  const s = d.summary;
  const sections = [
    section(
      '单项否决',
      d.sites.filter((x) => x.vetoed),
      (x) => x.problems.map(findingLine),
    ),
    section(
      '不合格（扣分后未达合格线）',
      d.sites.filter((x) => x.verdict === 'unqualified' && !x.vetoed),
      (x) => x.problems.map(findingLine),
    ),
    section(
      '未检查',
      d.sites.filter((x) => x.verdict === 'not-checked'),
      (x) => (x.notCheckedReason ? [`   · ${cstTextIn(x.notCheckedReason)}`] : []),
    ),
    section(
      '预警（期限前不整改将被单项否决或扣分）',
      d.sites.filter((x) => x.warnings.length > 0),
      (x) => x.warnings.map(findingLine),
    ),
  ].filter((x) => x !== null);
  return [
    `${d.recipient.name}：`,
    '',
    `${quarterLabel(d.check.quarter)}${tierLabel(d.check.tier)}政府网站抽查已完成（监测时间点：${cstText(d.check.at)}，北京时间）。${scopeLine(d)}`,
    '',
    `抽查 ${s.sites} 个网站：已判定 ${s.checked} 个，合格 ${s.qualified} 个，不合格 ${s.unqualified} 个（其中单项否决 ${s.vetoed} 个），未检查 ${s.notChecked} 个，合格率 ${percent(s.qualifiedRate)}；预警 ${s.warned} 个。`,
    ...sections.flatMap((x, i) => ['', `${NUMERALS[i]}、${x.title}`, x.body]),
    '',
    '每项问题的证据（截图、网址、日期）见本次检查报告。',
    `本邮件由 choucha 于 ${cstText(d.check.generatedAt)}（北京时间）生成的检查报告自动发送，请勿直接回复。`,
    '',
  ].join('\n');
}
