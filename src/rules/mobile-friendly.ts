// 移动端适配 (standards.md, 功能设计): the homepage declares a viewport for phones (`<meta name="viewport">`,
// read from its stored markup), and laid out at a phone's width in Chromium (375 px) it fits without a
// sideways scroll. Where the page was not rendered (rendering off, no browser, a firewall) the width is
// not judged; a missing viewport is still a finding. Kinds and points are the edition's [U].
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { homepageNotJudgeable } from './utils/homepage-read.js';

const TEXT = {
  title: '移动端适配',
  'no-viewport': '首页未声明移动端视口（viewport）',
  'horizontal-scroll': '手机屏幕宽度下首页需要横向滚动',
};

const options = z.object({
  /** Pixels a page may overflow the phone's width (a scrollbar's, a border's) before it counts [U]. */
  tolerancePx: z.number().min(0).default(8),
});

type Code = Exclude<keyof typeof TEXT, 'title'>;

export const mobileFriendly = defineRule({
  meta: {
    id: 'mobile-friendly',
    title: TEXT.title,
    indicator: '国办发〔2017〕47号 政府网站发展指引 移动端适配；政府网站检查实践 功能设计（类型与分值为版本选项 [U]）',
    codes: { 'no-viewport': TEXT['no-viewport'], 'horizontal-scroll': TEXT['horizontal-scroll'] },
    requiredArtifacts: ['homepage', 'homepageFeatures', 'mobile'],
    options,
  },
  run(a, opts) {
    const why = homepageNotJudgeable(a.site, a.homepage, '移动端适配');
    if (why) return { status: 'not-checked', reason: why };
    const out: Finding[] = [];
    const add = (code: Code, url: string, message: string, evidence: Record<string, unknown>) =>
      out.push({ rule: 'mobile-friendly', code, siteId: a.site.id, url, message, evidence });
    const f = a.homepageFeatures;
    if (f && !f.viewport)
      add('no-viewport', f.url, `${TEXT['no-viewport']}，手机浏览时页面按桌面宽度缩小显示`, { page: f.url, viewport: null });
    const m = a.mobile;
    const rendered = m !== null && m.scrollWidth !== null;
    if (rendered && m.scrollWidth! > m.width + opts.tolerancePx)
      add('horizontal-scroll', m.finalUrl ?? m.url, `在 ${m.width}px 宽的屏幕上，首页内容宽 ${m.scrollWidth}px，需要横向滚动才能看全`, {
        width: m.width,
        scrollWidth: m.scrollWidth,
        finalUrl: m.finalUrl,
        checkedAt: m.checkedAt,
        viewport: f?.viewport ?? null,
      });
    if (rendered || out.length > 0) return { status: 'checked', findings: out };
    if (!f) return { status: 'not-checked', reason: '首页正文未保存，无法检查移动端适配' };
    if (!m) return { status: 'not-checked', reason: '首页未在手机宽度下打开（运行 choucha functions 或 run），横向滚动未检查' };
    return { status: 'not-checked', reason: `横向滚动未检查：${m.error ?? '未渲染'}` };
  },
});
