// A rule that could not judge a site is named by its Chinese title wherever a person reads it
// (CSV, XLSX, the HTML card), never by the English rule id report.json keeps for machines.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { notCheckedReasons } from '../../src/report/facts.js';
import { renderHtml } from '../../src/report/html.js';
import { loadReport } from './fixture.js';

const WUHAN = '4201000003';

describe('rules that could not judge a site', () => {
  it('are named by their Chinese titles, the reason kept', () => {
    const site = loadReport().sites.find((s) => s.id === WUHAN)!;
    site.notChecked.push({ rule: 'site-identity', reason: '首页未取得' });
    expect(notCheckedReasons(site)).toEqual(['未检查（错别字）：正文抽取失败', '未检查（网站标识）：首页未取得']);
  });

  it('keep the id of a rule choucha no longer has, rather than lose the line (an old report.json)', () => {
    const site = loadReport().sites.find((s) => s.id === WUHAN)!;
    site.notChecked = [{ rule: 'retired-rule', reason: '旧版本的检查' }];
    expect(notCheckedReasons(site)).toEqual(['未检查（retired-rule）：旧版本的检查']);
  });

  it('show on the site card of the HTML report by title, with no English rule id in the card text', () => {
    const $ = cheerio.load(renderHtml(loadReport()));
    const card = $('article.card').filter((_, el) => $(el).find('.meta').text().includes(WUHAN));
    expect(card).toHaveLength(1);
    const muted = card.find('.muted').text();
    expect(muted).toContain('未检查（错别字）：正文抽取失败');
    expect(muted).not.toContain('typo');
  });
});
