// Interaction channels (互动渠道) by their names: which name a consultation board, and which the
// channels the indicators set apart (网上信访, 纪检举报, 在线访谈, 调查征集). The crawl uses this to decide
// which pages to read as boards; the rule uses it to decide which channels count.

export const CHANNEL_KINDS = [
  'consultation',
  'suggestion',
  'complaint',
  'report',
  'petition',
  'discipline',
  'interview',
  'survey',
  'hub',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  consultation: '咨询',
  suggestion: '建言',
  complaint: '投诉',
  report: '举报',
  petition: '信访',
  discipline: '纪检',
  interview: '访谈',
  survey: '调查征集',
  hub: '互动栏目',
};

// First match wins: the channels set apart are tested before the words they share (纪检信箱 is a 信箱,
// 信访留言 a 留言). Names of things that are not channels at all (人大代表建议办理, 依申请公开, 政策问答)
// are rejected first.
const NOT_A_CHANNEL =
  /提案|代表建议|委员建议|建议办理|建议复文|答复函|依申请|信息公开申请|政策问答|常见问题|问答库|知识库|热点问答|纠错|找错|电话|地址|联系我们|办事指南|工作动态|动态|通知|公告|公示|结果|情况|统计|分析|报告|制度|办法|规定|须知|指南/;
const KINDS: [ChannelKind, RegExp][] = [
  ['discipline', /纪检|纪委|监委|监察|违纪|廉政/],
  ['petition', /信访/],
  ['report', /举报/],
  ['interview', /访谈|直播|在线交流会/],
  ['survey', /调查|征集|征求|问卷|投票|民意测[评验]/],
  ['consultation', /咨询|信箱|留言|问政|写信|来信|诉求|有问必答|民声|民意直通|12345|网上问|我要问|政务问|百姓问|问计/],
  ['suggestion', /建言|献策|献计|意见建议|我要建议|建议/],
  ['complaint', /投诉/],
  ['hub', /互动|政民|公众参与|网上参与|民生通道/],
];

/** A name that says it is something else than a channel (人大代表建议办理, 依申请公开), whatever its page lists. */
export function namesNoChannel(name: string): boolean {
  return NOT_A_CHANNEL.test(name.replace(/\s+/g, ''));
}

/** The kind of channel a link or column name names, or null when it names none. */
export function channelKind(name: string): ChannelKind | null {
  const n = name.replace(/\s+/g, '');
  // Channel names are short (市长信箱, 12345政务服务热线); a longer link text is a letter's or an article's title.
  if (n.length < 2 || n.length > 12 || NOT_A_CHANNEL.test(n)) return null;
  for (const [kind, re] of KINDS) if (re.test(n)) return kind;
  return null;
}

const ENTRY = /我要|写信|提问|提交|查询|须知|登录|注册|注意事项/;

/** A way into a channel (我要写信, 信件查询, 写信须知) rather than the list of its letters: not read as a board. */
export function isEntry(name: string): boolean {
  return ENTRY.test(name);
}
