import { describe, expect, it } from 'vitest';
import type { AttachmentArtifact, SiteArtifacts } from '../../src/model/artifacts.js';
import { privacyLeak } from '../../src/rules/privacy-leak.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx, site, withText } from '../helpers/artifacts.js';
import { cardNumber, idNumber } from '../helpers/personal-numbers.js';
import { ruleTable } from '../helpers/rule-table.js';

const id = (n: number) => idNumber(`4301021985030712${n}`);
const card = cardNumber('622202100112345678');
/** A site whose pages are clean and whose attachments hold these rows (one sheet each). */
function withFiles(files: Record<string, string[][] | { unread: string }>, omitted = 0): SiteArtifacts {
  const list: AttachmentArtifact[] = Object.entries(files).map(([name, rows]) => ({
    url: `http://x.gov.cn/u/${name}`,
    foundOn: 'http://x.gov.cn/gs.html',
    linkText: name,
    format: 'xlsx',
    ...('unread' in rows
      ? { state: 'not-read' as const, reason: rows.unread, bytes: null, rows: [] }
      : { state: 'read' as const, reason: null, bytes: 1000, rows: rows.map((cells, i) => ({ part: '名单', row: i + 1, cells })) }),
  }));
  return { ...withText({ 'gs.html': ['公示附件见下'] }), attachments: { found: list.length + omitted, omitted, files: list } };
}
const header = ['序号', '姓名', '身份证号', '银行卡号', '联系电话'];
const person = (n: number, idn = id(n), cardNo = '', mobile = '') => [`${n}`, '张某某', idn, cardNo, mobile];

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
    {
      name: 'an attachment with every number masked',
      artifacts: withFiles({
        'a.xlsx': [
          header,
          ['1', '张某某', '430102********1234', '6222 **** **** 5678', '139****5670'],
          ['2', '李某某', '430102********5678', '', ''],
        ],
      }),
    },
    {
      name: 'an attachment of 统一社会信用代码 and order numbers (an 18-digit one failing its check digit)',
      artifacts: withFiles({
        'b.xlsx': [
          ['单位名称', '统一社会信用代码', '订单号'],
          ['某某公司', '91430100MA4L0ABC1X', `${id(1).slice(0, 17)}${id(1).endsWith('0') ? '1' : '0'}`],
          ['某某合作社', '93430102MA4L1DEF2Y', '202612010000012345'],
        ],
      }),
    },
    {
      name: 'a card column with numbers failing Luhn, and an official’s one contact mobile',
      artifacts: withFiles({
        'c.xlsx': [header, person(1, '', `${card.slice(0, -1)}${(Number(card.slice(-1)) + 1) % 10}`, '')],
        'd.csv': [['联系人 王某 13812345678']],
      }),
    },
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
    {
      name: 'an attachment with ID numbers: one finding for the file',
      artifacts: withFiles({ 'gs.xlsx': [header, person(1), person(2)] }),
      codes: ['id-number'],
    },
    {
      name: 'a mobile in the row of an ID number, a card under its column’s header',
      artifacts: withFiles({ 'gs.xlsx': [header, person(3, id(3), card, '13912345670')] }),
      codes: ['id-number', 'bank-card', 'mobile'],
    },
    {
      name: 'a roster of mobiles in an attachment',
      artifacts: withFiles({ 'r.csv': roster.map((r) => r.split(' ')) }),
      codes: ['mobile'],
    },
    {
      name: 'attachments not read, and more than the cap: a notice, never silence',
      artifacts: withFiles({ 'z.docx': { unread: '解压后超过 100 MB 的上限，未解压（疑似压缩炸弹）' } }, 3),
      codes: ['attachments-unchecked'],
    },
  ],
  notChecked: [{ name: 'no page text read', artifacts: site({ homepage: null }) }],
});

describe('privacy-leak in attachments', () => {
  it('names the attachment, the page linking it, the sheet and rows, and the count; never a number whole', () => {
    const r = runRule(
      privacyLeak,
      withFiles({ 'gs.xlsx': [header, person(6, id(6), card, '13912345670'), person(7)] }),
      privacyLeak.meta.options.parse({}),
      ctx,
    );
    expect(r.status).toBe('checked');
    const text = JSON.stringify(r);
    for (const n of [id(6), id(7), card, '13912345670']) expect(text).not.toContain(n);
    const f = r.status === 'checked' ? r.findings.find((x) => x.code === 'id-number')! : null;
    expect(f?.url).toBe('http://x.gov.cn/u/gs.xlsx');
    expect(f?.message).toBe(`附件公开了 2 个完整的居民身份证号码（如 ${id(6).slice(0, 6)}********${id(6).slice(-4)}），应隐去部分数字`);
    expect(f?.evidence).toMatchObject({
      count: 2,
      rows: ['名单 第2行', '名单 第3行'],
      attachment: { format: 'xlsx', foundOn: 'http://x.gov.cn/gs.html', linkText: 'gs.xlsx' },
    });
  });

  it('says what it did not read, with why', () => {
    const r = runRule(
      privacyLeak,
      withFiles({ 'z.docx': { unread: '文件超过 20 MB 的上限，未下载' } }, 2),
      privacyLeak.meta.options.parse({}),
      ctx,
    );
    const f = r.status === 'checked' ? r.findings[0]! : null;
    expect(f?.message).toBe(
      '1 个附件未能读取（如 文件超过 20 MB 的上限，未下载）；另有 2 个附件超出每站检查数量上限，未下载，其中的个人信息未检查',
    );
    expect(f?.evidence).toMatchObject({
      found: 3,
      read: 0,
      omitted: 2,
      unread: [{ url: 'http://x.gov.cn/u/z.docx', reason: '文件超过 20 MB 的上限，未下载' }],
    });
  });
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
