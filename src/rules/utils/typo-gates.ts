// Where a character that makes no word is a name's, not a slip: the gates both typo detectors share
// (typo-detector.ts for one character, typo-word-detector.ts for a pair written for a homophone word).
import { SURNAMES } from './names.js';

/** A name's suffix: a misspelling right before 村 or 公司 is more often a place or a firm the dictionary lacks. */
export const NAME_SUFFIX =
  /^(?:村|镇|乡|街道|社区|居委会|路|街|巷|屯|寨|嘎查|苏木|公司|集团|合作社|有限|区|县|市|州|盟|旗|经开区|高新区|新区|开发区)/;
/** The one-character suffixes of places' names. */
export const PLACE_SUFFIX = /[村镇乡屯寨庄]/;
/** A firm's or body's name runs on to its kind within the clause: 众诚建筑工程专业合作社, 星辰茶业有限公司. */
export const ORG_AHEAD =
  /^[\u4e00-\u9fa5]{0,10}?(?:专业合作社|合作社|有限公司|股份公司|公司|集团|协会|商会|学会|研究会|联合会|工作室|事务所|厂|店)/;
/** A title right before a surname: 书记田唯主持, 副县长方真指出: the next one or two characters are a given name. */
const TITLE =
  /(?:书记|县长|市长|区长|州长|镇长|乡长|主任|局长|部长|厅长|处长|科长|院长|校长|所长|站长|主席|委员|代表|同志|董事长|总经理|经理|记者|通讯员|老师|医生|教授|专家)$/;
/** Is text[i] one or two characters into a name that follows a title (书记田唯, 副县长方真)? */
export function givenName(text: string, i: number): boolean {
  for (const back of [1, 2]) {
    const s = i - back;
    if (s >= 0 && SURNAMES.has(text[s]!) && TITLE.test(text.slice(Math.max(0, s - 4), s))) return true;
  }
  return false;
}
