import { describe, expect, it } from 'vitest';
import { isIdNumber, mask, scanPersonalData } from '../../../src/rules/utils/personal-data.js';
import { cardNumber, idNumber } from '../../helpers/personal-numbers.js';

const AT = '2026-12-01';
const o = { atDay: AT, rowBlocks: 4, rosterMobiles: 5 };
const id = idNumber('43010219850307123');

describe('isIdNumber', () => {
  it('takes a number with its check digit, a province code and a birth date', () => {
    expect(isIdNumber(id, AT)).toBe(true);
    expect(isIdNumber(idNumber('11010520000229004'), AT)).toBe(true); // 29 February of a leap year
  });

  it.each([
    ['a wrong check digit', `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`],
    ['no such province', idNumber('99010219850307123')],
    ['a county code of 00', idNumber('43010019850307123')],
    ['no such day', idNumber('43010219850231123')],
    ['born after the check', idNumber('43010220270101123')],
    ['born before 1900', idNumber('43010218991231123')],
    ['seventeen digits', id.slice(0, 17)],
  ])('refuses %s', (_name, s) => {
    expect(isIdNumber(s, AT)).toBe(false);
  });
});

describe('scanPersonalData', () => {
  it('finds an ID number in a list, masked, never whole', () => {
    const hits = scanPersonalData(['序号 姓名 身份证号', `1 张三 ${id}`], o);
    expect(hits).toEqual([{ kind: 'id-number', block: 1, masked: mask('id-number', id) }]);
    expect(JSON.stringify(hits)).not.toContain(id);
  });

  it('masked forms and numbers inside longer codes are silent', () => {
    expect(
      scanPersonalData([`张三 ${id.slice(0, 6)}********${id.slice(14)}`, '李四 138****5678', `统一社会信用代码 91${id}`, `编号${id}A`], o),
    ).toEqual([]);
  });

  it('a mobile beside an ID number is that person’s; the one contact number of a service is not', () => {
    const row = scanPersonalData(['王五', id, '13812345678', '低保户'], o);
    expect(row.map((h) => h.kind).sort()).toEqual(['id-number', 'mobile']);
    expect(scanPersonalData(['办理地点：县政务服务中心', '联系人：赵科长，联系电话：13812345678'], o)).toEqual([]);
  });

  it('five mobiles on one page are a roster; four are not', () => {
    const phones = (n: number) => Array.from({ length: n }, (_, i) => `${['张', '李', '王', '赵', '刘'][i]}某 1391234567${i}`);
    expect(scanPersonalData(phones(5), o).filter((h) => h.kind === 'mobile')).toHaveLength(5);
    expect(scanPersonalData(phones(4), o)).toEqual([]);
  });

  it('a card number needs Luhn and a word about cards or accounts', () => {
    const card = cardNumber('622202100112345678'.slice(0, 18));
    expect(scanPersonalData([`补贴发放银行卡号：${card}`], o)).toEqual([{ kind: 'bank-card', block: 0, masked: mask('bank-card', card) }]);
    expect(scanPersonalData([`项目编号：${card}`], o)).toEqual([]);
    expect(scanPersonalData([`银行卡号：${card.slice(0, -1)}${(Number(card.at(-1)) + 1) % 10}`], o)).toEqual([]);
  });
});
