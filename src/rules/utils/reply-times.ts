// The notices interaction-unanswered gives per board: reply times in working days against 国办发〔2014〕57号
// (7 and 15 working days) and a local limit, and a board's statement that it shows only answered letters.
import type { ChannelArtifact } from '../../model/artifacts.js';
import type { Finding } from '../../model/finding.js';
import { type Letter, replyStats } from './letters.js';
import { type CalendarOverrides, calendarWarning } from './working-days.js';

interface Limits {
  replyWorkdays: number[];
  localWorkdays: number | null;
  windowMonths: number;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function replyTimeFindings(
  siteId: string,
  b: ChannelArtifact,
  valid: Letter[],
  since: string,
  o: Limits,
  cal: CalendarOverrides | undefined,
): Finding[] {
  const out: Finding[] = [];
  const base = { rule: 'interaction-unanswered' as const, siteId, url: b.url };
  const board = { name: b.name, url: b.url };
  if (b.answeredOnly) {
    out.push({
      ...base,
      code: 'answered-only',
      message: `“${b.name}”只公开已答复的留言（页面写明“${b.answeredOnly}”），未答复的留言可能未公开，无法从公开列表核实`,
      evidence: { board, statement: b.answeredOnly },
    });
  }
  const limits = [...new Set([...o.replyWorkdays, ...(o.localWorkdays ? [o.localWorkdays] : [])])].sort((x, y) => x - y);
  const stats = replyStats(valid, limits, cal);
  if (!stats) return out;
  const warning = calendarWarning(stats.unknownYears);
  const pending = valid.filter((m) => m.repliedOn === null).length;
  const slowest = stats.slowest
    .slice(0, 5)
    .map(({ letter: m, workdays }) => ({ title: m.title, url: m.url, askedOn: m.askedOn, repliedOn: m.repliedOn, workdays }));
  out.push({
    ...base,
    code: 'reply-times',
    message:
      `“${b.name}”近${o.windowMonths}个月 ${stats.answered} 条有效留言已答复：用时中位数 ${stats.medianWorkdays} 个工作日，最长 ${stats.maxWorkdays} 个工作日；` +
      `${o.replyWorkdays.map((n) => `${n} 个工作日内答复 ${pct(stats.within[n]!)}`).join('，')}（国办发〔2014〕57号）` +
      `${pending > 0 ? `；另有 ${pending} 条尚未答复` : ''}${warning ? `。注意：${warning}` : ''}`,
    evidence: {
      board,
      windowStart: since,
      answered: stats.answered,
      pending,
      medianWorkdays: stats.medianWorkdays,
      maxWorkdays: stats.maxWorkdays,
      withinWorkdays: stats.within,
      slowest,
      calendarWarning: warning,
    },
  });
  if (o.localWorkdays) {
    const late = stats.slowest.filter((t) => t.workdays > o.localWorkdays!);
    if (late.length > 0) {
      out.push({
        ...base,
        code: 'over-local-limit',
        message: `“${b.name}”有 ${late.length} 条留言超过本地规定的 ${o.localWorkdays} 个工作日才答复（最长 ${late[0]!.workdays} 个工作日）${warning ? `。注意：${warning}` : ''}`,
        evidence: {
          board,
          limitWorkdays: o.localWorkdays,
          messages: late.map(({ letter: m, workdays }) => ({
            title: m.title,
            url: m.url,
            askedOn: m.askedOn,
            repliedOn: m.repliedOn,
            workdays,
          })),
          calendarWarning: warning,
        },
      });
    }
  }
  return out;
}
