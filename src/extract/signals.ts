// Signals that decide how far a page can be trusted: "nothing here" placeholders, lists built by script,
// and the footer identity items.
import type { Element } from 'domhandler';
import { descendants, hintOf, textOf, visibleChars } from './dom.js';
import { isFooterLike } from './structure.js';
import type { Identity } from '../model/artifacts.js';

const PLACEHOLDER =
  /^[\s[【(（]*(暂无(相关)?(信息|数据|内容|记录|文章|资料|公开信息)|没有(相关|找到)?(的)?(信息|数据|记录|内容)|无相关(信息|数据|内容|记录)|(该|本)?栏目(正在)?建设中|正在建设中|(信息|内容|栏目)(正在)?(建设|完善|更新|整理)中)[\s!！。.…\])）】]*$/;

/** The placeholder text a CMS shows in an empty list (暂无信息 …), outside navigation and footer. */
export function placeholderText(root: Element): string | null {
  for (const el of descendants(root)) {
    if (el.name === 'a' || el.name === 'option' || el.name === 'title') continue;
    const n = visibleChars(el);
    if (n === 0 || n > 30) continue; // textOf(el) is empty or longer than 30
    const t = textOf(el);
    if (t.length > 0 && t.length <= 30 && PLACEHOLDER.test(t) && !isFooterLike(el)) return t;
  }
  return null;
}

const DATA_LOADING =
  /\$\.(ajax|get|getJSON|post)\s*\(|\bfetch\s*\(|XMLHttpRequest|axios[.(]|\.load\s*\(|jsonp|new\s+Vue\b|createApp\s*\(|template\s*\(\s*['"]|laypage|layui\.(table|flow)|pagination\s*\(\s*\{/;

/** Why the page's list is probably built by script, or null. */
export function scriptedList(scripts: string[]): string | null {
  for (const s of scripts) {
    const m = DATA_LOADING.exec(s);
    if (m) return `列表由脚本加载（${m[0].trim()}），未渲染时无法读取`;
  }
  return null;
}

const LIST_HINT = /list|lb|news|xxgk|article|wz|info|con(tent)?\b|items?\b/;

const HEADER_WORDS = /序号|标题|名称|题目|发布日期|发布时间|成文日期|日期|时间|文号|发文字号|索引号|来源|浏览次数|\s/g;

/**
 * A list container with nothing in it: an empty <ul class="list">, or a 信息公开 table that has only
 * its header row (序号 | 标题 | 发布日期). No link inside, and no text but header words.
 */
export function emptyListContainer(root: Element): Element | null {
  for (const el of descendants(root)) {
    if (!['ul', 'ol', 'tbody', 'div', 'dl', 'table'].includes(el.name)) continue;
    if (!LIST_HINT.test(hintOf(el)) || isFooterLike(el)) continue;
    if (descendants(el, 'a').length > 0 || descendants(el, 'img').length > 0) continue;
    if (textOf(el).replace(HEADER_WORDS, '') === '') return el;
  }
  return null;
}

// Footers as sites print them: the label with or without a colon, the parts split across elements
// (京<span>ICP</span>备<span>19054529</span>号<span>-1</span> reads as 京 ICP 备 19054529 号 -1), the
// number in a link after its label, and the 公安 record under each of its names.
const SITE_CODE_KNOWN = /网站(?:标识|识别)码\s*[:：]?\s*(\d{10}|bm\d{8}|\d{2}BM\d{6})/i;
const SITE_CODE_ANY = /网站(?:标识|识别)码\s*[:：]?\s*([0-9A-Za-z]{4,20})(?![0-9A-Za-z])/;
const ICP = /([\u4e00-\u9fa5])\s*ICP\s*(?:备案?|证)\s*[:：]?\s*(\d{4,12})\s*号?(?:\s*[-－—]\s*(\d{1,3}))?/i;
const POLICE =
  /[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新]?\s*(?:公网安备|公安备案|公安机关备案号?)\s*[:：]?\s*\d{10,16}\s*号?/;

export function identity(fullText: string): Identity {
  // Whatever follows the label, valid or not: the rule judges the form, the reader only reports it.
  const code = SITE_CODE_KNOWN.exec(fullText) ?? SITE_CODE_ANY.exec(fullText);
  const icp = ICP.exec(fullText);
  const police = POLICE.exec(fullText);
  return {
    siteCode: code?.[1] ?? null,
    icp: icp ? `${icp[1]}ICP备${icp[2]}号${icp[3] ? `-${icp[3]}` : ''}` : null,
    // As printed, its spacing folded: the rule only needs it to be there.
    police: police ? police[0].replace(/\s+/g, ' ').trim() : null,
  };
}
