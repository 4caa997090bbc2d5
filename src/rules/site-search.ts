// 站内搜索 (standards.md, 功能设计): the homepage offers a search, and searching for the title of an item the
// crawl saw finds it. Judged from the search the gather stage tried (gather/search/site-search.ts). A
// search the checker may not or cannot submit (POST, 验证码, script only), a request the checker's side
// spoiled, or results built by script with rendering off are not judged. Kinds and points are the
// edition's [U].
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { homepageNotJudgeable } from './utils/homepage-read.js';

const TEXT = {
  title: '站内搜索',
  'no-search': '首页未提供站内搜索',
  'search-error': '站内搜索无法使用',
  'not-found': '站内搜索查不到本站已发布的信息',
};

const SKIPPED: Record<string, string> = {
  post: '搜索表单以 POST 提交，检查程序不代为提交',
  captcha: '搜索需要输入验证码',
  script: '搜索仅由脚本提交，需浏览器人工查看',
  'no-title': '没有可用于搜索的已发布信息标题',
};

const options = z.object({});

type Code = Exclude<keyof typeof TEXT, 'title'>;

export const siteSearch = defineRule({
  meta: {
    id: 'site-search',
    title: TEXT.title,
    indicator: '国办发〔2017〕47号 政府网站发展指引 搜索服务；政府网站检查实践 功能设计（类型与分值为版本选项 [U]）',
    codes: { 'no-search': TEXT['no-search'], 'search-error': TEXT['search-error'], 'not-found': TEXT['not-found'] },
    requiredArtifacts: ['homepage', 'search'],
    options,
  },
  run(a) {
    const why = homepageNotJudgeable(a.site, a.homepage, '站内搜索');
    if (why) return { status: 'not-checked', reason: why };
    const s = a.search;
    if (!s) return { status: 'not-checked', reason: '站内搜索未检测（运行 choucha functions 或 run）' };
    const finding = (code: Code, url: string, message: string): { status: 'checked'; findings: Finding[] } => ({
      status: 'checked',
      findings: [{ rule: 'site-search', code, siteId: a.site.id, url, message, evidence: { ...s } }],
    });
    if (s.skipped === 'no-search') return finding('no-search', a.homepage!.url, `${TEXT['no-search']}：首页没有搜索框或搜索入口`);
    if (s.skipped)
      return { status: 'not-checked', reason: `站内搜索未检测：${SKIPPED[s.skipped]}${s.skippedDetail ? `（${s.skippedDetail}）` : ''}` };
    const url = s.resultUrl ?? s.form?.action ?? a.homepage!.url;
    if (s.failure) return { status: 'not-checked', reason: `搜索请求未得到应答（${s.error ?? s.failure}），是否可用需复核` };
    if (s.status !== null && s.status >= 400)
      return finding('search-error', url, `${TEXT['search-error']}：搜索“${s.query}”返回 HTTP ${s.status}`);
    if (s.needsRender)
      return { status: 'not-checked', reason: `搜索结果由脚本生成，${s.error ?? '渲染已关闭（--render never）'}，未能读取结果` };
    if (s.found === false)
      return finding(
        'not-found',
        url,
        `搜索本站已发布的“${s.query}”，结果中没有这条信息${s.readAs === 'rendered' ? '（结果页经浏览器渲染后读取）' : s.readAs === 'typed' ? '（搜索由脚本提交，已在浏览器中输入并提交）' : ''}`,
      );
    return { status: 'checked', findings: [] };
  },
});
