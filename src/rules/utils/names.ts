// Is a two-character hit someone's given name? 王按排同志, 联系人：陈座落: a surname right before it and a
// form of address or a contact label around it. Names are not the site's to correct.

// The most common surnames (over 85% of the population), single characters only.
export const SURNAMES: ReadonlySet<string> = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);
const ADDRESS =
  /^(同志|先生|女士|主任|副主任|局长|副局长|书记|副书记|县长|副县长|市长|副市长|镇长|乡长|科长|处长|厅长|部长|主席|委员|代表|老师|医生|同学|等同志|家庭)/;
const LABEL = /(联系人|负责人|经办人|申请人|承办人|责任人|记者|作者|通讯员|编辑|审核|校对)[:：]?\s*$/;

export function looksLikeName(text: string, start: number, end: number): boolean {
  if (end - start !== 2 || start === 0 || !SURNAMES.has(text[start - 1]!)) return false;
  return ADDRESS.test(text.slice(end, end + 4)) || LABEL.test(text.slice(Math.max(0, start - 8), start - 1));
}
