// pre-warning: each warning fires in the band just short of its veto, and stays silent inside the
// safe band and once the veto itself applies.
import { daysBefore } from '../../src/model/day.js';
import { preWarning } from '../../src/rules/pre-warning.js';
import { homepageStale } from '../../src/rules/homepage-stale.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { describe, expect, it } from 'vitest';
import type { ChannelArtifact, MessageArtifact } from '../../src/model/artifacts.js';
import { AT_DAY, block, board as boardAt, column, ctx, many, probes, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const fresh = block('要闻动态', [1]);
const letter = (askedDaysAgo: number, status: string | null, repliedDaysAgo: number | null = null): MessageArtifact => ({
  title: `关于第${askedDaysAgo}号事项的咨询`,
  url: `http://x.gov.cn/xj/${askedDaysAgo}.html`,
  askedOn: daysBefore(AT_DAY, askedDaysAgo),
  repliedOn: repliedDaysAgo === null ? null : daysBefore(AT_DAY, repliedDaysAgo),
  status,
  detailRead: false,
});
const board = (messages: MessageArtifact[], state: ChannelArtifact['state'] = 'read'): ChannelArtifact =>
  boardAt('http://x.gov.cn/zxzx/', messages, { state });

ruleTable(preWarning, {
  valid: [
    {
      name: 'a homepage updated 10 days ago (inside the 10 days, as homepage-stale counts its 14)',
      artifacts: site({ lists: [block('要闻动态', [10])] }),
    },
    { name: 'a homepage past the veto (homepage-stale reports it)', artifacts: site({ lists: [block('要闻动态', [15])] }) },
    { name: '3 empty columns', artifacts: site({ lists: [fresh, ...many(3, '专栏', { items: [] })] }) },
    { name: '5 empty columns (the veto reports it)', artifacts: site({ lists: [fresh, ...many(5, '专栏', { items: [] })] }) },
    { name: '2% down', artifacts: site({ lists: [fresh], probes: probes(100, 2) }) },
    { name: '5% down (the veto reports it)', artifacts: site({ lists: [fresh], probes: probes(100, 5) }) },
    { name: '1 failure in 10 probes is no rate', artifacts: site({ lists: [fresh], probes: probes(10, 1) }) },
    { name: 'a letter open for 50 days', artifacts: site({ lists: [fresh], channels: [board([letter(50, '办理中')])] }) },
    { name: 'a letter open for 2 months but answered', artifacts: site({ lists: [fresh], channels: [board([letter(70, '已回复', 60)])] }) },
    {
      name: 'a letter past 3 months (the veto reports it)',
      artifacts: site({ lists: [fresh], channels: [board([letter(100, '办理中')])] }),
    },
    {
      name: 'a letter with no status and no reply day is not known to be open',
      artifacts: site({ lists: [fresh], channels: [board([letter(70, null)])] }),
    },
  ],
  invalid: [
    {
      name: 'a homepage last updated 11 days ago',
      artifacts: site({ lists: [block('要闻动态', [11])] }),
      codes: ['homepage-nearly-stale'],
    },
    {
      name: 'a homepage last updated 14 days ago (the last day before the veto)',
      artifacts: site({ lists: [block('要闻动态', [14])] }),
      codes: ['homepage-nearly-stale'],
    },
    {
      name: '4 empty columns',
      artifacts: site({ lists: [fresh, ...many(4, '专栏', { items: [] }), column('工作动态', { items: [1] })] }),
      codes: ['columns-nearly-empty'],
    },
    { name: '3% down over 100 probes', artifacts: site({ lists: [fresh], probes: probes(100, 3) }), codes: ['nearly-unreachable'] },
    {
      name: 'a letter open for 70 days',
      artifacts: site({ lists: [fresh], channels: [board([letter(70, '办理中')])] }),
      codes: ['letter-nearly-overdue'],
    },
    {
      name: 'all four at once',
      artifacts: site({
        lists: [block('要闻动态', [11]), ...many(4, '专栏', { items: [] })],
        probes: probes(100, 4),
        channels: [board([letter(80, '未回复')])],
      }),
      codes: ['homepage-nearly-stale', 'columns-nearly-empty', 'nearly-unreachable', 'letter-nearly-overdue'],
    },
  ],
  notChecked: [{ name: 'homepage not read', artifacts: site({ homepage: null }) }],
});

describe('the homepage pre-warning names the day the veto starts', () => {
  it.each([
    [11, '2026-12-05'],
    [14, '2026-12-02'],
  ])('last updated %i days ago: vetoed from %s on', (daysAgo, day) => {
    const r = runRule(preWarning, site({ lists: [block('要闻动态', [daysAgo])] }), preWarning.meta.options.parse({}), ctx);
    const f = r.status === 'checked' ? r.findings.find((x) => x.code === 'homepage-nearly-stale') : undefined;
    expect(f?.message).toContain(`${day} 起仍未更新将被单项否决`);
    expect(f?.evidence).toMatchObject({ vetoOn: day });
    // homepage-stale agrees: a veto on that day, none the day before.
    const stale = (d: string) => {
      const h = runRule(homepageStale, site({ lists: [block('要闻动态', [daysAgo])] }), homepageStale.meta.options.parse({}), {
        ...ctx,
        atDay: d,
        at: `${d}T10:00:00+08:00`,
      });
      return h.status === 'checked' && h.findings.some((x) => x.code === 'stale');
    };
    expect(stale(day)).toBe(true);
    expect(stale(daysBefore(day, 1))).toBe(false);
  });
});
