// typo: wrong forms from the lexicon at word boundaries; near misses (the same characters belonging to
// other words, quotations, cited titles, addresses) stay silent.
import { describe, expect, it } from 'vitest';
import { typo } from '../../src/rules/typo.js';
import { ctx, site, withText } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(typo, {
  valid: [
    {
      name: 'clean official text',
      artifacts: withText({ 'a.html': ['会议对下一阶段工作进行了部署，要求各单位认真安排、狠抓落实。', '双方签订了合作协议。'] }),
    },
    { name: '按 + 排名: the characters of 按排 belong to other words', artifacts: withText({ 'a.html': ['请按排名先后顺序依次入场。'] }) },
    { name: '既 + 使得', artifacts: withText({ 'a.html': ['这一举措既使得企业减负，又方便了群众。'] }) },
    { name: '竟 + 争相', artifacts: withText({ 'a.html': ['各地竟争相出台扶持政策。'] }) },
    { name: '加倍 + 受到', artifacts: withText({ 'a.html': ['这一经验加倍受到基层欢迎。'] }) },
    { name: 'a quotation', artifacts: withText({ 'a.html': ['有群众来信说“布署”二字写错了，已转有关单位核实。'] }) },
    { name: 'a given name beside a form of address', artifacts: withText({ 'a.html': ['王按排同志参加会议。'] }) },
    { name: 'a given name after a contact label', artifacts: withText({ 'a.html': ['联系人：陈座落，联系电话：0731-88880000。'] }) },
    { name: 'a web address', artifacts: withText({ 'a.html': ['详见 http://www.x.gov.cn/bushu/anpai.html 。'] }) },
  ],
  invalid: [
    { name: 'an ordinary sentence around the same word', artifacts: withText({ 'a.html': ['工作人员按排会议。'] }), codes: ['typo'] },
    {
      name: 'inside a document title in 《》',
      artifacts: withText({ 'a.html': ['县医保局印发《城乡居民大病保险实施细责》。'] }),
      codes: ['typo'],
    },
    { name: '布署', artifacts: withText({ 'a.html': ['会议对下一阶段工作进行了布署。'] }), codes: ['typo'] },
    { name: '签定 inside a sentence', artifacts: withText({ 'a.html': ['双方签定了合作协议。'] }), codes: ['typo'] },
    {
      name: 'the wrong form inside a longer word (座落在)',
      artifacts: withText({ 'a.html': ['该项目座落在城区东部。'] }),
      codes: ['typo'],
    },
    {
      name: 'two different typos are two findings',
      artifacts: withText({ 'a.html': ['认真布署，精心按排会议。'] }),
      codes: ['typo', 'typo'],
    },
    {
      name: 'the same typo on three pages is one finding',
      artifacts: withText({ 'a.html': ['工作布署会。'], 'b.html': ['全面布署。'], 'c.html': ['再次布署。'] }),
      codes: ['typo'],
    },
    {
      name: 'a typo in the template (footer)',
      artifacts: withText({ 'a.html': ['正文'] }, ['本网站由办公室负责布署维护']),
      codes: ['typo'],
    },
  ],
  notChecked: [{ name: 'no homepage', artifacts: { ...withText({ 'a.html': ['布署'] }), homepage: null } }],
});

describe('typo evidence', () => {
  it('counts pages and occurrences, shows the sentence and the suggestion', () => {
    const r = typo.run(withText({ 'a.html': ['工作布署会。布署到位。'], 'b.html': ['全面布署。'] }), typo.meta.options.parse({}), ctx);
    expect(r.status).toBe('checked');
    if (r.status !== 'checked') return;
    const f = r.findings[0]!;
    expect(f.evidence).toMatchObject({ wrong: '布署', suggestion: '部署', count: 3, pageCount: 2, source: 'xh7' });
    expect(f.message).toContain('“布署”应为“部署”');
    expect((f.evidence.examples as { sentence: string }[])[0]!.sentence).toBe('工作布署会。');
  });

  it('is silent on a site without any text only when it could read the homepage', () => {
    expect(typo.run(site(), typo.meta.options.parse({}), ctx).status).toBe('not-checked');
  });
});
