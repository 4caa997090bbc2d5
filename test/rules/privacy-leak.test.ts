import { describe, expect, it } from 'vitest';
import { privacyLeak } from '../../src/rules/privacy-leak.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx, site, withText } from '../helpers/artifacts.js';
import { cardNumber, idNumber } from '../helpers/personal-numbers.js';
import { ruleTable } from '../helpers/rule-table.js';

const id = (n: number) => idNumber(`4301021985030712${n}`);
const card = cardNumber('622202100112345678');
const roster = Array.from({ length: 6 }, (_, i) => `${'张李王赵刘陈'[i]}某某 1391234567${i} 已发放`);

ruleTable(privacyLeak, {
  valid: [
    {
      name: 'a 公示 list with ID numbers masked',
      artifacts: withText({ 'gs.html': ['姓名 身份证号', '张三 430102********1234', '李四 430102********5678'] }),
    },
    { name: 'a mobile list masked', artifacts: withText({ 'gs.html': roster.map((r) => r.replace(/(1\d{2})\d{4}(\d{4})/, '$1****$2')) }) },
    { name: 'one contact mobile for a service', artifacts: withText({ 'bs.html': ['咨询电话：0731-88888888，联系人手机：13812345678'] }) },
    {
      name: 'an invalid 18-digit number (wrong check digit)',
      artifacts: withText({ 'a.html': [`编号 ${id(1).slice(0, 17)}${id(1).endsWith('0') ? '1' : '0'}`] }),
    },
    { name: 'a long number without a word about cards', artifacts: withText({ 'a.html': [`项目编号 ${card}`] }) },
  ],
  invalid: [
    {
      name: 'ID numbers in a 公示 list: one finding for the page',
      artifacts: withText({ 'gs.html': [`张三 ${id(1)}`, `李四 ${id(2)}`] }),
      codes: ['id-number'],
    },
    { name: 'a roster of citizens’ mobiles', artifacts: withText({ 'gs.html': roster }), codes: ['mobile'] },
    {
      name: 'an ID number and the same person’s mobile and bank card',
      artifacts: withText({ 'gs.html': ['王五', id(3), '13812345678', `银行卡号 ${card}`] }),
      codes: ['id-number', 'mobile', 'bank-card'],
    },
    { name: 'two pages, a finding each', artifacts: withText({ 'a.html': [id(4)], 'b.html': [id(5)] }), codes: ['id-number', 'id-number'] },
  ],
  notChecked: [{ name: 'no page text read', artifacts: site({ homepage: null }) }],
});

describe('privacy-leak never reprints the data', () => {
  it('carries only masked forms, the page, where on it and how many', () => {
    const numbers = [id(6), id(7), card, '13812345678'];
    const r = runRule(
      privacyLeak,
      withText({ 'gs.html': ['王五', id(6), '13812345678', `银行卡号 ${card}`, `赵六 ${id(7)}`] }),
      privacyLeak.meta.options.parse({}),
      ctx,
    );
    expect(r.status).toBe('checked');
    const text = JSON.stringify(r);
    for (const n of numbers) expect(text).not.toContain(n);
    const idFinding = r.status === 'checked' ? r.findings.find((f) => f.code === 'id-number')! : null;
    expect(idFinding?.evidence).toMatchObject({
      count: 2,
      masked: [`${id(6).slice(0, 6)}********${id(6).slice(-4)}`, `${id(7).slice(0, 6)}********${id(7).slice(-4)}`],
      blocks: [1, 4],
    });
    expect(idFinding?.url).toBe('http://x.gov.cn/gs.html');
  });
});
