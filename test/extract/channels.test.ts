// Interaction channels by name: what counts as a consultation channel, what the indicators set apart,
// and what is no channel at all.
import { describe, expect, it } from 'vitest';
import { channelKind } from '../../src/model/channel-kinds.js';
import { channelLinks } from '../../src/extract/channels.js';

describe('channelKind', () => {
  it.each([
    ['市长信箱', 'consultation'],
    ['在线咨询', 'consultation'],
    ['网上问政', 'consultation'],
    ['咨询投诉', 'consultation'],
    ['来信选登', 'consultation'],
    ['12345政务服务热线', 'consultation'],
    ['建言献策', 'suggestion'],
    ['在线投诉', 'complaint'],
    ['网上信访', 'petition'],
    ['信访留言', 'petition'], // a 留言 board of the 信访 channel is still 信访
    ['纪检信箱', 'discipline'],
    ['廉政监督', 'discipline'],
    ['违法举报', 'report'],
    ['在线访谈', 'interview'],
    ['征集调查', 'survey'],
    ['意见征集', 'survey'],
    ['网上调查', 'survey'],
    ['互动交流', 'hub'],
    ['政民互动', 'hub'],
    ['公众参与', 'hub'],
  ] as const)('%s → %s', (name, kind) => {
    expect(channelKind(name)).toBe(kind);
  });

  it.each([
    '人大代表建议办理',
    '政策问答',
    '依申请公开',
    '咨询电话',
    '我为政府网站找错',
    '市长信箱办理情况统计',
    '工作动态',
    '关于开展建言献策活动的通知',
  ])('%s is no channel', (name) => {
    expect(channelKind(name)).toBeNull();
  });
});

describe('channelLinks', () => {
  it('keeps named menu links once, not letters or articles, nor images without a name', () => {
    const links = [
      { target: 'http://x.gov.cn/hdjl/szxx/', tag: 'a' as const, text: '市长信箱' },
      { target: 'http://x.gov.cn/hdjl/szxx/', tag: 'a' as const, text: '市 长 信 箱' },
      { target: 'http://x.gov.cn/hdjl/szxx/202611/t20261102_5350.html', tag: 'a' as const, text: '关于咨询' },
      { target: 'http://x.gov.cn/img/a.png', tag: 'img' as const, text: '在线咨询' },
      { target: 'http://12345.hunan.gov.cn/', tag: 'a' as const, text: '12345热线' },
    ];
    expect(channelLinks(links)).toEqual([
      { name: '市长信箱', url: 'http://x.gov.cn/hdjl/szxx/', kind: 'consultation' },
      { name: '12345热线', url: 'http://12345.hunan.gov.cn/', kind: 'consultation' },
    ]);
  });
});

describe('isEntry', async () => {
  const { isEntry } = await import('../../src/model/channel-kinds.js');
  it.each([
    ['我要写信', true],
    ['信件查询', true],
    ['我要咨询', true],
    ['市长信箱', false],
    ['来信选登', false],
  ] as const)('%s → %s', (name, entry) => {
    expect(isEntry(name)).toBe(entry);
  });
});
