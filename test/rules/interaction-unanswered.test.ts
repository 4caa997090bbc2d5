// interaction-unanswered at 2026-12-01: the 12-month window starts 2025-12-01; a letter asked on D must be
// answered by the same day three calendar months later (clamped to the month's end).
import { describe, expect, it } from 'vitest';
import { interactionUnanswered } from '../../src/rules/interaction-unanswered.js';
import type { ChannelArtifact, MessageArtifact } from '../../src/model/artifacts.js';
import type { Finding } from '../../src/model/finding.js';
import type { RuleContext } from '../../src/rules/rule.js';
import { calendarOverridesSchema } from '../../src/rules/utils/working-days.js';
import { board, column, ctx, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

function msg(
  title: string,
  askedOn: string | null,
  repliedOn: string | null,
  status: string | null = repliedOn ? '已回复' : '办理中',
): MessageArtifact {
  return { title, url: `http://x.gov.cn/hdjl/${encodeURIComponent(title)}-${askedOn}.html`, askedOn, repliedOn, status, detailRead: false };
}

function channel(name: string, messages: MessageArtifact[] = [], extra: Partial<ChannelArtifact> = {}): ChannelArtifact {
  return board(`http://x.gov.cn/hdjl/${encodeURIComponent(name)}/`, messages, { name, ...extra });
}

const news = column('工作动态', { items: [1] });
const withChannels = (...channels: ChannelArtifact[]) => site({ lists: [news], channels });
/** Answered within days, well inside the window. */
const fine = [msg('咨询社保卡补办', '2026-11-02', '2026-11-04'), msg('咨询公积金提取', '2026-10-12', '2026-10-14')];

ruleTable(interactionUnanswered, {
  valid: [
    { name: 'a board that says it has no letters (暂无信息)', artifacts: withChannels(channel('在线咨询')) },
    {
      name: 'open exactly 3 months: asked 09-01, at 12-01 is its last allowed day',
      artifacts: withChannels(channel('市长信箱', [msg('路灯不亮', '2026-09-01', null)])),
    },
    {
      name: 'open and old, but asked before the 12-month window (2025-11-30)',
      artifacts: withChannels(channel('市长信箱', [msg('路灯不亮', '2025-11-30', null)])),
    },
    {
      name: 'a test letter is not valid',
      artifacts: withChannels(channel('在线咨询', [msg('测试', '2026-05-01', null), msg('test留言', '2026-04-01', null)])),
    },
    {
      name: 'an empty title is not valid',
      artifacts: withChannels(channel('在线咨询', [msg('？？', '2026-05-01', null), msg('无标题', '2026-05-02', null)])),
    },
    {
      name: 'an unanswered 信访 or 访谈 board is not judged',
      artifacts: withChannels(
        channel('在线咨询'),
        channel('网上信访', [msg('反映拖欠工资', '2026-03-01', null)]),
        channel('在线访谈', [msg('访谈提问', '2026-03-01', null)]),
      ),
    },
    {
      name: 'a letter asked after at does not exist yet',
      artifacts: withChannels(channel('在线咨询', [msg('时钟错误', '2026-12-05', null)])),
    },
  ],
  invalid: [
    {
      name: 'answered well in time: only the reply-time notice',
      artifacts: withChannels(channel('在线咨询', fine)),
      codes: ['reply-times'],
    },
    {
      name: 'open 3 months and 1 day: asked 08-31, its last allowed day was 11-30',
      artifacts: withChannels(channel('市长信箱', [msg('路灯不亮', '2026-08-31', null)])),
      codes: ['unanswered'],
    },
    {
      name: 'answered on the last allowed day (06-15 → 09-15) is in time',
      artifacts: withChannels(channel('在线咨询', [msg('咨询落户', '2026-06-15', '2026-09-15')])),
      codes: ['reply-times'],
    },
    {
      name: 'answered the day after it (06-15 → 09-16) is late',
      artifacts: withChannels(channel('在线咨询', [msg('咨询落户', '2026-06-15', '2026-09-16')])),
      codes: ['unanswered', 'reply-times'],
    },
    {
      name: 'month ends clamp: 01-31 is due by 04-30, answered 05-01',
      artifacts: withChannels(channel('在线咨询', [msg('咨询医保', '2026-01-31', '2026-05-01')])),
      codes: ['unanswered', 'reply-times'],
    },
    {
      name: 'month ends clamp: 01-31 answered 04-30 is in time',
      artifacts: withChannels(channel('在线咨询', [msg('咨询医保', '2026-01-31', '2026-04-30')])),
      codes: ['reply-times'],
    },
    {
      name: '已受理 is not an answer',
      artifacts: withChannels(channel('在线咨询', [msg('咨询低保', '2026-03-01', null, '已受理')])),
      codes: ['unanswered'],
    },
    {
      name: 'a resubmission answered answers its first submission',
      artifacts: withChannels(
        channel('在线咨询', [msg('咨询社保转移', '2026-05-01', null), msg('咨询社保转移', '2026-05-03', '2026-05-06')]),
      ),
      codes: ['reply-times'],
    },
    {
      name: 'a 建言献策 board is judged too (2019)',
      artifacts: withChannels(channel('建言献策', [msg('建议增加公交线路', '2026-04-01', null)])),
      codes: ['unanswered'],
    },
    {
      name: 'what was found stands although another board could not be read',
      artifacts: withChannels(
        channel('市长信箱', [msg('路灯不亮', '2026-03-01', null)]),
        channel('在线咨询', [], { state: 'unreadable', reason: '列表由脚本加载' }),
      ),
      codes: ['unanswered'],
    },
    { name: 'no channel at all', artifacts: withChannels(), codes: ['no-channel'] },
    {
      name: 'only 信访, 纪检 and 调查征集 channels',
      artifacts: withChannels(
        channel('网上信访', [], { state: 'not-read' }),
        channel('纪检信箱', [], { state: 'not-read' }),
        channel('调查征集', [], { state: 'not-read' }),
      ),
      codes: ['no-channel'],
    },
    {
      name: 'the only consultation channel is gone (404)',
      artifacts: withChannels(channel('在线咨询', [], { state: 'unreadable', httpStatus: 404, reason: '页面无法获取：HTTP 404' })),
      codes: ['no-channel'],
    },
    {
      name: 'a local limit of 3 working days lists the slower replies',
      artifacts: withChannels(channel('在线咨询', [msg('咨询社保卡补办', '2026-11-02', '2026-11-09'), ...fine])),
      options: { localWorkdays: 3 },
      codes: ['reply-times', 'over-local-limit'],
    },
    {
      name: 'a board that publishes only answered letters is noted',
      artifacts: withChannels(channel('在线咨询', fine, { answeredOnly: '来信选登' })),
      codes: ['answered-only', 'reply-times'],
    },
    {
      name: 'a channel on another host counts as a channel; the own board is judged',
      artifacts: withChannels(
        channel('12345热线', [], { state: 'offsite', offsite: true, url: 'http://12345.hunan.gov.cn/' }),
        channel('在线咨询', fine),
      ),
      codes: ['reply-times'],
    },
  ],
  notChecked: [
    { name: 'homepage not read', artifacts: site({ lists: [news], channels: [channel('在线咨询', fine)], homepage: null }) },
    {
      name: 'the only consultation channel is on another host (a provincial platform)',
      artifacts: withChannels(channel('政民互动', [], { state: 'offsite', offsite: true, url: 'http://www.hunan.gov.cn/hdjl/' })),
    },
    {
      name: 'the board is built by script and was not rendered',
      artifacts: withChannels(channel('在线咨询', [], { state: 'unreadable', reason: '列表由脚本加载（$.ajax(），未渲染时无法读取' })),
    },
    {
      name: 'the board was not read back to the window start, and nothing found so far',
      artifacts: withChannels(channel('在线咨询', fine, { covered: false, reason: '超过 30 页，更早的留言未读取' })),
    },
    {
      name: 'answered, but the reply day is unknown and it is past 3 months',
      artifacts: withChannels(channel('在线咨询', [msg('咨询落户', '2026-03-01', null, '已回复')])),
    },
    {
      name: 'no status and no reply day past 3 months',
      artifacts: withChannels(channel('在线咨询', [msg('咨询落户', '2026-03-01', null, null)])),
    },
    {
      name: 'a partial crawl found no channel: absence is not proven',
      artifacts: site({ lists: [news], channels: [], crawl: { state: 'partial', reason: '达到每站页面上限', pagesFetched: 600 } }),
    },
    {
      name: 'the 互动交流 section could not be read',
      artifacts: site({
        lists: [news, column('互动交流', { state: 'unreadable' })],
        channels: [channel('互动交流', [], { state: 'not-read', url: 'http://x.gov.cn/%E4%BA%92%E5%8A%A8%E4%BA%A4%E6%B5%81/' })],
      }),
    },
    { name: 'only a 我要写信 entry, no published letters', artifacts: withChannels(channel('我要写信', [], { state: 'entry' })) },
    {
      name: 'a consultation page that timed out is still a channel, but unread',
      artifacts: withChannels(channel('在线咨询', [], { state: 'unreadable', httpStatus: null, reason: '页面无法获取：timeout' })),
    },
    { name: 'no column page was read at all', artifacts: site({ lists: [column('x', { state: 'unreadable' })], channels: [] }) },
  ],
});

const run = (channels: ChannelArtifact[], options: Record<string, unknown> = {}, c: RuleContext = ctx) => {
  const r = interactionUnanswered.run(withChannels(...channels), interactionUnanswered.meta.options.parse(options), c);
  if (r.status !== 'checked') throw new Error(`not checked: ${r.reason}`);
  return r.findings;
};
const one = (fs: Finding[], code: string) => fs.find((f) => f.code === code)!;

describe('interaction-unanswered evidence', () => {
  it('lists each overdue letter with its asked, answered and last allowed days', () => {
    const f = one(
      run([channel('市长信箱', [msg('路灯不亮', '2026-08-31', null), msg('咨询落户', '2026-06-15', '2026-09-16'), ...fine])]),
      'unanswered',
    );
    expect(f.url).toBe('http://x.gov.cn/hdjl/%E5%B8%82%E9%95%BF%E4%BF%A1%E7%AE%B1/');
    expect(f.evidence.messages).toEqual([
      {
        title: '咨询落户',
        url: expect.any(String),
        askedOn: '2026-06-15',
        repliedOn: '2026-09-16',
        status: '已回复',
        deadline: '2026-09-15',
      },
      { title: '路灯不亮', url: expect.any(String), askedOn: '2026-08-31', repliedOn: null, status: '办理中', deadline: '2026-11-30' },
    ]);
    expect(f.message).toMatch(/2 条有效留言超过3个月未回应（1 条至今未答复）/);
  });

  it('a run of resubmissions none answered is one letter, the others counted as duplicates', () => {
    const f = one(
      run([
        channel('在线咨询', [
          msg('咨询社保转移', '2026-05-01', null),
          msg('咨询社保转移', '2026-05-03', null),
          msg('咨询 社保转移！', '2026-05-08', null),
        ]),
      ]),
      'unanswered',
    );
    expect((f.evidence.messages as unknown[]).length).toBe(1);
    expect(f.evidence.notValid).toEqual({ empty: 0, test: 0, duplicate: 2 });
  });

  it('counts reply times on the official calendar: across the 2026 Spring Festival and its 调休 Saturdays', () => {
    // 02-13 (Fri) → 02-25 (Wed) is 3 working days (02-14 Sat worked, 02-24, 02-25); Mon–Fri would say 8.
    // 02-27 (Fri) → 03-02 (Mon) is 2 (02-28 Sat worked); Mon–Fri would say 1.
    const letters = [msg('春节前咨询', '2026-02-13', '2026-02-25'), msg('调休周六前咨询', '2026-02-27', '2026-03-02')];
    const f = one(run([channel('在线咨询', letters)], { localWorkdays: 7 }), 'reply-times');
    expect(f.evidence).toMatchObject({
      answered: 2,
      medianWorkdays: 2.5,
      maxWorkdays: 3,
      withinWorkdays: { 7: 1, 15: 1 },
      calendarWarning: null,
    });
    expect(run([channel('在线咨询', letters)], { localWorkdays: 2 }).map((x) => x.code)).toEqual(['reply-times', 'over-local-limit']);
    expect(f.message).toMatch(/中位数 2.5 个工作日，最长 3 个工作日；7 个工作日内答复 100%，15 个工作日内答复 100%/);
  });

  it('shares within 7 and 15 working days', () => {
    const letters = [
      msg('a咨询一', '2026-11-02', '2026-11-03'),
      msg('a咨询二', '2026-10-08', '2026-10-16'),
      msg('a咨询三', '2026-09-01', '2026-09-30'),
      msg('a咨询四', '2026-08-03', '2026-08-04'),
    ];
    const f = one(run([channel('在线咨询', letters)]), 'reply-times');
    // 1; 7 (10-10 is a 调休 Saturday); 21 (09-20 is a 调休 Sunday, 09-25 is 中秋); 1.
    expect(f.evidence).toMatchObject({ answered: 4, maxWorkdays: 21, withinWorkdays: { 7: 0.75, 15: 0.75 } });
    expect((f.evidence.slowest as { workdays: number }[])[0]!.workdays).toBe(21);
  });

  it('a count over a year with no official calendar says so in the message and the evidence', () => {
    const at2099: RuleContext = { ...ctx, at: '2099-06-01T10:00:00+08:00', atDay: '2099-06-01' };
    const f = one(run([channel('在线咨询', [msg('咨询一', '2099-05-04', '2099-05-08')])], {}, at2099), 'reply-times');
    expect(f.evidence.calendarWarning).toMatch(/2099年.*周一至周五/);
    expect(f.message).toMatch(/注意：2099年/);
  });

  it('the override file closes the gap for a year the package lacks', () => {
    const cal = calendarOverridesSchema.parse({
      years: { '2099': { source: 'test', holidays: ['2099-05-05', '2099-05-06'], workdays: [] } },
    });
    const at2099: RuleContext = {
      ...ctx,
      at: '2099-06-01T10:00:00+08:00',
      atDay: '2099-06-01',
      lexicons: { ...ctx.lexicons, calendar: cal },
    };
    const f = one(run([channel('在线咨询', [msg('咨询一', '2099-05-04', '2099-05-08')])], {}, at2099), 'reply-times');
    expect(f.evidence).toMatchObject({ maxWorkdays: 2, calendarWarning: null });
  });

  it('names what was found when there is no valid channel', () => {
    const f = one(
      run([channel('网上信访', [], { state: 'not-read' }), channel('在线咨询', [], { state: 'unreadable', httpStatus: 404 })]),
      'no-channel',
    );
    expect(f.evidence.found).toEqual([
      { name: '网上信访', url: expect.any(String), kind: 'petition', state: 'not-read', reason: null },
      { name: '在线咨询', url: expect.any(String), kind: 'consultation', state: 'unreadable', reason: null },
    ]);
    expect(f.message).toMatch(/只有：网上信访（信访）、在线咨询（咨询，页面无法访问）/);
  });
});

describe('interaction-unanswered under the 2015 edition’s options', () => {
  const o2015 = { requireChannel: false, channelKinds: ['consultation', 'suggestion'], boardKinds: ['consultation', 'suggestion'] };
  it('has no "no channel" item', () => {
    const r = interactionUnanswered.run(withChannels(), interactionUnanswered.meta.options.parse(o2015), ctx);
    expect(r.status).toBe('not-checked');
  });
  it('sets 投诉 boards apart', () => {
    const r = interactionUnanswered.run(
      withChannels(channel('在线投诉', [msg('投诉噪音', '2026-03-01', null)]), channel('在线咨询', fine)),
      interactionUnanswered.meta.options.parse(o2015),
      ctx,
    );
    expect(r).toMatchObject({ status: 'checked', findings: [{ code: 'reply-times' }] });
  });
});
