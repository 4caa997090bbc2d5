// 政府信息公开指南 (政府信息公开条例 第十二条; standards.md, 功能设计 / 政务公开): an office publishes a guide
// to its 政府信息公开. Sought among the names the crawl saw (columns, list items, links). A site judged
// has a 信息公开 section the crawl read: where none is named, where it lives on another host, or where the
// crawl stopped early without reading it, a guide not seen is not a guide missing (not-checked). Listed by
// every check; kinds and points are the edition's [U].
import { z } from 'zod';
import { SITE_LEVELS } from '../model/site.js';
import { defineRule } from './rule.js';
import { disclosureSection, SECTION_TEXT, namesSeen, sectionNotJudgeable } from './utils/disclosure.js';
import { homepageNotJudgeable } from './utils/homepage-read.js';

const TEXT = {
  title: '政府信息公开指南',
  'no-guide': '未发布政府信息公开指南',
};

const options = z.object({
  /** Levels judged; all by default: every administrative organ publishes a guide (条例 第十二条). */
  levels: z.array(z.enum(SITE_LEVELS)).default([...SITE_LEVELS]),
  /** Names of a 信息公开 section (a column or a menu link). */
  sectionText: z.string().default(SECTION_TEXT),
  /** Names of the guide. */
  guideText: z.string().default('信息公开指南'),
});

export const disclosureGuide = defineRule({
  meta: {
    id: 'disclosure-guide',
    title: TEXT.title,
    indicator: '《中华人民共和国政府信息公开条例》第十二条；国办秘函〔2019〕19号 政务公开（类型与分值为版本选项 [U]）',
    codes: { 'no-guide': TEXT['no-guide'] },
    requiredArtifacts: ['homepage', 'crawl', 'lists', 'links'],
    options,
  },
  run(a, opts) {
    if (a.site.level && !opts.levels.includes(a.site.level)) return { status: 'checked', findings: [] };
    const why = homepageNotJudgeable(a.site, a.homepage, '政府信息公开指南');
    if (why) return { status: 'not-checked', reason: why };
    const names = namesSeen(a.lists, a.links);
    const guide = new RegExp(opts.guideText);
    if (names.some((n) => guide.test(n.text))) return { status: 'checked', findings: [] };
    const section = disclosureSection(names, a.site.url, new RegExp(opts.sectionText));
    const notJudgeable = sectionNotJudgeable(section, a.crawl, '指南');
    if (notJudgeable || !section) return { status: 'not-checked', reason: notJudgeable ?? '' };
    return {
      status: 'checked',
      findings: [
        {
          rule: 'disclosure-guide',
          code: 'no-guide',
          siteId: a.site.id,
          url: a.homepage!.url,
          message: `${TEXT['no-guide']}：政府信息公开栏目（${section.names.join('、')}）及抓取的 ${a.crawl.pagesFetched} 个页面中均未见“${opts.guideText}”`,
          evidence: { section: section.names, lookedFor: opts.guideText, pagesFetched: a.crawl.pagesFetched },
        },
      ],
    };
  },
});
