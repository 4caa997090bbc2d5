// 互动回应差 (2019 单项否决): no valid online consultation channel (网上信访 and 纪检举报 do not count);
// or, on a consultation board (在线访谈, 调查征集, 信访, 纪检举报 excluded), a valid letter asked in the
// 12 months before `at` left unanswered more than 3 calendar months. Reply times in working days
// (国办发〔2014〕57号: 7, complex cases 15) are reported per board as notices.
// A board read only in part, a letter whose reply day is unknown, a channel on another host: the rule
// says not-checked rather than vouch for what it did not read; what it did find still stands.
import { z } from 'zod';
import { replyState } from '../model/reply-state.js';
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, channelKind } from '../model/channel-kinds.js';
import type { ChannelArtifact } from '../model/artifacts.js';
import type { Finding } from '../model/finding.js';
import { defineRule, type RuleInput } from './rule.js';
import { type Letter, replyDeadline, sortValid } from './utils/letters.js';
import { replyTimeFindings } from './utils/reply-times.js';
import { windowStart } from './utils/window.js';

const TEXT = {
  title: '互动回应差',
  noChannel: '未提供有效的网上咨询建言渠道',
  unanswered: '咨询类栏目存在超过3个月未回应的有效留言',
  replyTimes: '留言答复用时（工作日）',
  overLocal: '留言答复超过本地规定的工作日时限',
  answeredOnly: '留言板只公开已答复的留言',
};

const kind = z.enum(CHANNEL_KINDS);
const options = z.object({
  /** Letters asked in this many calendar months before `at` are judged. */
  windowMonths: z.number().int().positive().default(12),
  /** A letter unanswered more than this many calendar months after it was asked fires. */
  replyMonths: z.number().int().positive().default(3),
  /** Whether having no valid channel at all is itself a finding (2019: yes; 2015: no such item). */
  requireChannel: z.boolean().default(true),
  /** Channel kinds that count as a valid consultation channel (an offsite 互动 platform always does). */
  channelKinds: z.array(kind).default(['consultation', 'suggestion', 'complaint']),
  /** Channel kinds whose letters must be answered: their boards are judged. */
  boardKinds: z.array(kind).default(['consultation', 'suggestion', 'complaint']),
  /** The same title again within this many days is a resubmission, not a new letter. */
  duplicateDays: z.number().int().min(0).default(7),
  /** 国办发〔2014〕57号: replies within 7 working days, complex ones within 15. */
  replyWorkdays: z.array(z.number().int().positive()).default([7, 15]),
  /** A local rule (e.g. 2 or 3 working days): replies slower than this are listed as notices. Null: none. */
  localWorkdays: z.number().int().positive().nullable().default(null),
});
export type InteractionOptions = z.infer<typeof options>;

export const interactionUnanswered = defineRule({
  meta: {
    id: 'interaction-unanswered',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 互动回应差',
    codes: {
      'no-channel': TEXT.noChannel,
      unanswered: TEXT.unanswered,
      'reply-times': TEXT.replyTimes,
      'over-local-limit': TEXT.overLocal,
      'answered-only': TEXT.answeredOnly,
    },
    requiredArtifacts: ['homepage', 'lists', 'channels', 'crawl'],
    options,
  },
  run(a, o, ctx) {
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能获取，无法查找互动渠道' };
    // A board whose name says nothing (百姓心声) still takes letters: it is a channel, but not judged.
    const kindOf = (c: ChannelArtifact): string | null => channelKind(c.name) ?? (c.messages.length > 0 ? 'unclassified' : null);
    const countedKinds = new Set<string>(o.channelKinds);
    const boardKinds = new Set<string>(o.boardKinds);
    const seen = a.channels.map((c) => ({ c, kind: kindOf(c) }));
    const evidenceOf = (c: ChannelArtifact) => ({ name: c.name, url: c.url, kind: kindOf(c), state: c.state, reason: c.reason });

    if (o.requireChannel) {
      const counted = seen.filter(
        ({ c, kind }) =>
          (kind === 'unclassified' || (kind !== null && countedKinds.has(kind)) || (kind === 'hub' && c.offsite)) && !gone(c),
      );
      if (counted.length === 0) {
        const doubt = noChannelDoubt(a);
        if (doubt) return { status: 'not-checked', reason: doubt };
        const found = seen.filter((s) => s.kind !== null).map((s) => evidenceOf(s.c));
        const f: Finding = {
          rule: 'interaction-unanswered',
          code: 'no-channel',
          siteId: a.site.id,
          url: a.homepage.finalUrl,
          message:
            found.length > 0
              ? `未发现有效的网上咨询建言渠道，只有：${found.map((x) => `${x.name}（${x.kind ? (CHANNEL_KIND_LABELS[x.kind as keyof typeof CHANNEL_KIND_LABELS] ?? x.kind) : ''}${x.state === 'unreadable' ? '，页面无法访问' : ''}）`).join('、')}`
              : '首页和各栏目页均未发现网上咨询、信箱、留言等互动渠道',
          evidence: { found, pagesScanned: a.crawl.pagesFetched },
        };
        return { status: 'checked', findings: [f] };
      }
    }

    const judged = seen.filter(({ kind }) => kind !== null && boardKinds.has(kind)).map((s) => s.c);
    const boards = judged.filter((c) => c.state === 'read' || c.state === 'empty');
    const since = windowStart(ctx.atDay, { months: o.windowMonths });
    const findings: Finding[] = [];
    const doubts: string[] = [];
    const taken = new Set<string>();
    for (const b of boards) {
      // The same letter listed on two boards (a 全部 list and a 咨询 tab) is judged once.
      const letters: Letter[] = b.messages
        .filter((m) => !m.url || !taken.has(m.url))
        .map((m) => ({ ...m, board: b.name, boardUrl: b.url }));
      letters.forEach((m) => m.url && taken.add(m.url));
      const inWindow = letters.filter((m) => m.askedOn !== null && m.askedOn >= since && m.askedOn <= ctx.atDay);
      const undated = letters.filter((m) => m.askedOn === null).length;
      const v = sortValid(inWindow, o.duplicateDays);
      const overdue: (Letter & { deadline: string })[] = [];
      let unknown = 0;
      for (const m of v.valid) {
        const deadline = replyDeadline(m.askedOn!, o.replyMonths);
        if (m.repliedOn !== null) {
          if (m.repliedOn > deadline) overdue.push({ ...m, deadline });
        } else if (ctx.atDay > deadline) {
          if (replyState(m.status) === 'pending') overdue.push({ ...m, deadline });
          else unknown++; // answered without a day, or no status at all: cannot tell when
        }
      }
      if (overdue.length > 0) findings.push(unansweredFinding(a.site.id, b, overdue, v, since, ctx.atDay, o.replyMonths));
      if (unknown > 0) doubts.push(`“${b.name}”有 ${unknown} 条留言已超过${o.replyMonths}个月，但看不到其答复日期或办理状态`);
      if (undated > 0) doubts.push(`“${b.name}”有 ${undated} 条留言没有留言日期`);
      if (!b.covered) doubts.push(`“${b.name}”未读完近${o.windowMonths}个月的留言（${b.reason ?? '翻页未完成'}）`);
      findings.push(...replyTimeFindings(a.site.id, b, v.valid, since, o, ctx.lexicons.calendar));
    }
    const unread = judged.filter((c) => c.state === 'unreadable' || c.state === 'not-read');
    for (const c of unread) doubts.push(`“${c.name}”无法读取：${c.reason ?? '未知原因'}`);
    if (boards.length === 0) {
      const offsite = seen
        .filter(({ c, kind }) => c.state === 'offsite' && kind !== null && (boardKinds.has(kind) || kind === 'hub'))
        .map((s) => s.c);
      const entries = judged.filter((c) => c.state === 'entry');
      if (offsite.length > 0) doubts.push(`咨询渠道在其他网站上，未抓取：${offsite.map((c) => `${c.name}（${c.url}）`).join('、')}`);
      if (entries.length > 0) doubts.push(`只找到写信入口，没有公开的留言列表：${entries.map((c) => c.name).join('、')}`);
      if (doubts.length === 0) doubts.push('没有找到可读取的咨询类留言板');
    }
    const vetoed = findings.some((f) => f.code === 'unanswered');
    if (!vetoed && doubts.length > 0) return { status: 'not-checked', reason: `互动回应情况无法确认：${doubts.join('；')}` };
    return { status: 'checked', findings };
  },
});

/** A channel whose page is certainly gone (404, 410) is no channel; a timeout or 5xx proves nothing. */
function gone(c: ChannelArtifact): boolean {
  return c.state === 'unreadable' && (c.httpStatus === 404 || c.httpStatus === 410);
}

/** Why "no channel" cannot be said with confidence, or null when it can. */
function noChannelDoubt(a: RuleInput<'lists' | 'channels' | 'homepage' | 'crawl'>): string | null {
  if (a.crawl.state !== 'complete') return `抓取未完成（${a.crawl.reason ?? a.crawl.state}），未发现互动渠道不能确定`;
  const columns = a.lists.filter((l) => l.kind === 'column');
  if (!columns.some((c) => c.state !== 'unreadable')) return '没有读取到任何栏目页，无法确定网站没有互动渠道';
  // A 互动交流 section that could not be read may hold the channels.
  const sections = a.channels.filter((c) => channelKind(c.name) === 'hub' && !c.offsite);
  const unreadSection = sections.find((s) => {
    const col = a.lists.find((l) => l.kind === 'column' && l.url === s.url);
    return !col || col.state === 'unreadable';
  });
  if (unreadSection) return `互动栏目“${unreadSection.name}”未能读取，无法确定其中没有咨询渠道`;
  const unreadChannel = a.channels.find((c) => c.state === 'not-read' && c.reason !== null && /上限/.test(c.reason));
  if (unreadChannel) return `“${unreadChannel.name}”因抓取上限未读取`;
  return null;
}

function unansweredFinding(
  siteId: string,
  b: ChannelArtifact,
  overdue: (Letter & { deadline: string })[],
  v: ReturnType<typeof sortValid>,
  since: string,
  atDay: string,
  months: number,
): Finding {
  const first = overdue[0]!;
  const open = overdue.filter((m) => m.repliedOn === null).length;
  return {
    rule: 'interaction-unanswered',
    code: 'unanswered',
    siteId,
    url: b.url,
    message: `“${b.name}”有 ${overdue.length} 条有效留言超过${months}个月未回应（${open} 条至今未答复）；如“${first.title}”，${first.askedOn} 留言，最迟应于 ${first.deadline} 答复，${first.repliedOn ? `${first.repliedOn} 才答复` : '至今未答复'}`,
    evidence: {
      board: { name: b.name, url: b.url },
      windowStart: since,
      at: atDay,
      replyMonths: months,
      messages: overdue.map((m) => ({
        title: m.title,
        url: m.url,
        askedOn: m.askedOn,
        repliedOn: m.repliedOn,
        status: m.status,
        deadline: m.deadline,
      })),
      notValid: { empty: v.empty.length, test: v.test.length, duplicate: v.duplicate.length },
    },
  };
}
