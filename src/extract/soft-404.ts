// A "soft 404": a page that answers 200 but tells a person it is not there (页面不存在, 信息已删除).
// Government CMSs do this for deleted articles (info.jsp?id=… → 信息不存在) and many servers for any
// missing path. The words count only where a person reads them as the page's own message: the title,
// a top heading, or a page that says little else. A long article whose footer says "如页面不存在请联系…"
// is not one.
import { decodeHtml } from './decode.js';

const NOT_FOUND =
  /页面不存在|页面未找到|网页不存在|找不到(?:该|此|您(?:要|所)?(?:访问|请求)的)?(?:页面|网页)|(?:您|你)(?:要|所)?(?:访问|请求|查找)的(?:页面|网页|内容|信息)(?:不存在|已被?删除|已被?移除|暂时无法访问)|(?:信息|文章|内容|稿件|文件|栏目)(?:不存在|已被?删除|已被?撤[下销回])|404\s*(?:Not Found|错误|页面)|Page Not Found|File Not Found|\b404\b(?=\s*[-–—|｜:：]?\s*$)/i;

/** Visible characters at most for a page whose body text alone may carry the message. */
const SHORT_PAGE = 400;

function strip(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|\s+/g, ' ')
    .trim();
}

/** The not-found wording a person reads as this page's message, or null. */
export function notFoundMessage(bytes: Buffer, contentType: string | null): string | null {
  const html = decodeHtml(bytes, contentType).text;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const headings = [...html.matchAll(/<h[12][^>]*>([\s\S]*?)<\/h[12]>/gi)].slice(0, 3).map((m) => strip(m[1]!));
  for (const place of [title ? strip(title) : '', ...headings]) {
    const m = NOT_FOUND.exec(place);
    if (m) return m[0];
  }
  const text = strip(html);
  if (text.replace(/\s/g, '').length > SHORT_PAGE) return null;
  return NOT_FOUND.exec(text)?.[0] ?? null;
}
