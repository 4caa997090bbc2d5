// The statistical typo detector: misspellings no lexicon lists are found with the right correction;
// correct sentences, names, places, new terms, numbers and quotations stay silent.
import { describe, expect, it } from 'vitest';
import { typo } from '../../src/rules/typo.js';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../src/paths.js';
import { detectTypos, TUNING } from '../../src/rules/utils/typo-detector.js';
import { FEATURE_NAMES, parseScorer } from '../../src/rules/utils/typo-features.js';
import { detectorData } from '../../src/verdict/config/text-data.js';
import { ctx, withText } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const hits = (s: string) => ctx.lexicons.typos.check(s).map((h) => [h.wrong, h.suggestion, h.how]);

describe('detected misspellings', () => {
  it.each([
    ['今年以来，我局持旭优化营商环境，企业开办时间压缩至1个工作日。', '持旭', '持续'],
    ['县人民医院心内科主任医帅张建国带队开展义诊活动。', '主任医帅', '主任医师'],
    ['本站开通了政务服务“好差评”系统，欢迎广大群众参予评价。', '参予', '参与'],
    ['进一步提高行政审批效律。', '效律', '效率'],
    // Found with the trigrams of official writing: the dictionary alone segments either form as cheaply.
    ['全市大数局产业规模突破百亿元。', '数局', '数据'],
    ['加快推进数字正府建设，提升政务服务效能。', '正府', '政府'],
    ['进一步优化营商环境，激发市场主体活历。', '活历', '活力'],
    ['县政府新闻办举行新闻发布会，通报今年前三季度经济运形情况。', '经济运形', '经济运行'],
    // A character of the same phonetic series (Unihan kPhonetic): 完 for 院, 郊 for 效. Neither sounds alike
    // in its tone nor has a Cangjie code near the other's.
    ['县人民医完组织专家深入乡镇开展义诊活动。', '医完', '医院'],
    ['加强对党员干部的教育管理，提高工作郊率。', '工作郊率', '工作效率'],
  ])('%s', (sentence, wrong, right) => {
    const found = hits(sentence);
    expect(found).toHaveLength(1);
    expect(found[0]!.slice(0, 2)).toEqual([wrong, right]);
    expect(found[0]![2]).toMatch(/^detected-/);
  });
});

describe('near misses stay silent', () => {
  it.each([
    ['correct official prose', '区委书记在调研时强调，要切实加强基层党组织建设，充分发挥战斗堡垒作用。'],
    ['a person named in full', '县长王晓东主持召开县政府常务会议，研究部署冬春季森林防火工作。'],
    ['a village the dictionary lacks', '双畈村党支部书记李德明介绍了村集体经济发展情况。'],
    ['a term newer than the dictionary', '抗疫一线医务人员先进事迹报告会在县文化中心举行。'],
    ['numbers and units', '全县共发放惠农补贴资金1.2亿元，惠及农户3.6万户，户均333元。'],
    ['a quoted misspelling', '有读者来信指出，文中“持旭”二字应为“持续”，已更正。'],
    ['a right word in the wrong sense is not guessed at', '经济形式持续向好，全年地区生产总值增长6.2%。'],
    ['a web address', '详见 http://www.x.gov.cn/chixu/xiaolv.html 。'],
    ['a contact person', '联系人：陈持旭，联系电话：0731-88880000。'],
    ['a word laws seldom write, in its right place', '她们在社区开展志愿服务活动，受到居民好评。'],
    ['a current formulation the dictionary lacks', '持续纠治“四风”，力戒形式主义、官僚主义。'],
    // Found wrongly by a review of the trigram evidence: right words laws seldom write, names, firms, counts.
    ['a dictionary word where it stands', '旅客须在航班起飞前四十分钟办理登机手续。'],
    ['a word of feeling', '一封家书寄托思乡之情。'],
    ['a term of discipline work', '抓好党风廉政建设和纠风工作。'],
    ['a count before a measure word', '村里还有几户困难群众需要重点帮扶。'],
    ['a district before 区委', '潮阳区委书记主持召开专题会议。'],
    ['a firm whose kind follows', '新余市众诚建筑工程专业合作社中标。'],
    ['a given name after a title', '镇党委书记田唯主持召开专题会议。'],
    ['a given name after a deputy title', '常务副县长方真指出，要压实责任。'],
    ['an instrument before 及 (not 以及)', '本项目采购心电监护仪及相关耗材。'],
    ['rice-field farming terms', '推广稻虾共作模式，发展稻鱼共生系统。'],
    ['words inside frequent words are not tried', '要坚持问题导向，强化督查问责，确保各项措施落地见效。'],
    // Found wrongly by a review of the fitted scorer: rare words the trigrams would overrule, set phrases,
    // a modal before a verb, names of villages and firms.
    ['a rare word the trigrams do not judge', '凝聚起共克时艰的强大合力。'],
    ['a set phrase of official writing', '我县启动撤县设市工作，研究制定设市标准。'],
    ['an idiom with 其', '形成人尽其才、各展其能的良好局面。'],
    ['可 before a verb', '他们的做法值得各地学习借鉴，有很多经验可学。'],
    ['a current term', '加快培育新质生产力，推动数智赋能传统产业转型升级。'],
    ['a village whose name ends in 村', '今天，襄村召开党员大会。'],
    ['a village before its 村, not corrected into it', '进巷村党支部组织开展主题党日活动。'],
    ['a firm before its 公司', '近日，亲咨公司组织开展安全生产培训。'],
    ['a Guangxi village with 弄', '那弄村群众代表参加了座谈会。'],
    // Current policy's wording, which laws never write and sites repeat: the trigrams count the government
    // work reports of even years too (scripts/char-ngrams.ts). Laws alone read the first three as 低效, 外交, 自主性.
    ['a fiscal policy 加力提效', '今年县级财政要加力提效，兜牢基层“三保”底线。'],
    ['power sent out, 外送通道', '推进风电光伏基地和外送通道建设。'],
    ['housing for one’s own use, 自住性', '支持群众自住性住房需求，稳定房地产市场。'],
    ['steadiness first, 稳字当头', '经济工作要坚持稳字当头、稳中求进。'],
  ])('%s', (_name, sentence) => {
    expect(hits(sentence)).toEqual([]);
  });
});

describe('detectTypos', () => {
  it('says how sure it is and prefers the surer of overlapping corrections', () => {
    const found = detectTypos('今年以来，我局持旭优化营商环境。', detectorData());
    expect(found).toHaveLength(1);
    expect(found[0]!.margin).toBeGreaterThan(0);
    expect(found[0]!.start).toBe(7);
  });
});

ruleTable(typo, {
  valid: [
    {
      name: 'a detected form the site writes on three pages and never corrected is a local name',
      artifacts: withText({
        'a.html': ['今年以来，我局持旭优化营商环境。'],
        'b.html': ['我局持旭优化服务。'],
        'c.html': ['持旭优化审批流程。'],
      }),
    },
    {
      name: 'a detected form only in the template, never written corrected',
      artifacts: withText({ 'a.html': ['正文'] }, ['我局持旭优化营商环境']),
    },
    {
      name: 'the detector switched off',
      artifacts: withText({ 'a.html': ['今年以来，我局持旭优化营商环境。'] }),
      options: { detect: false },
    },
  ],
  invalid: [
    {
      name: 'a detected misspelling on one page',
      artifacts: withText({ 'a.html': ['今年以来，我局持旭优化营商环境。'] }),
      codes: ['typo'],
    },
    {
      name: 'on three pages, but the site writes the corrected form elsewhere',
      artifacts: withText({
        'a.html': ['今年以来，我局持旭优化营商环境。'],
        'b.html': ['我局持旭优化服务。'],
        'c.html': ['持旭优化审批流程。'],
        'd.html': ['持续深化改革。'],
      }),
      codes: ['typo'],
    },
  ],
});

describe('typo evidence for a detected misspelling', () => {
  it('names the corrected form the site writes elsewhere, and asks for confirmation', () => {
    const r = typo.run(
      withText({ 'a.html': ['今年以来，我局持旭优化营商环境。'], 'b.html': ['持续深化改革，持续优化服务。'] }),
      typo.meta.options.parse({}),
      ctx,
    );
    expect(r.status).toBe('checked');
    if (r.status !== 'checked') return;
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.evidence).toMatchObject({ wrong: '持旭', suggestion: '持续', source: 'detected-sound', suggestionOnSite: 2 });
    expect(f.message).toContain('疑似错别字');
    expect(f.message).toContain('本站其他位置写作“持续”2 处');
  });
});

describe('a misspelled protected term', () => {
  it('is serious-error’s finding, not also a typo', () => {
    const r = typo.run(withText({ 'a.html': ['县人民攻府各部门：'] }), typo.meta.options.parse({}), ctx);
    expect(r.status === 'checked' && r.findings).toEqual([]);
    expect(hits('县人民攻府各部门：').map((h) => h[0])).toEqual(['人民攻府']);
  });
});

describe('the shipped scorer', () => {
  it('is refused, the file named, when it is not JSON or was fitted for other features or gates', () => {
    const text = readFileSync(projectPath('rules/lexicons/typo-scorer.json'), 'utf8');
    const shipped = JSON.parse(text) as { features: string[]; gates: object };
    expect(parseScorer(text, 'typo-scorer.json', TUNING).weights).toHaveLength(FEATURE_NAMES.length);
    expect(() => parseScorer(text.slice(0, 40), 'typo-scorer.json', TUNING)).toThrow(/^typo-scorer\.json: not JSON/);
    expect(() => parseScorer('null', 'typo-scorer.json', TUNING)).toThrow(/^typo-scorer\.json: expected an object/);
    const older = { ...shipped, features: shipped.features.slice(1) };
    expect(() => parseScorer(JSON.stringify(older), 'typo-scorer.json', TUNING)).toThrow(
      /^typo-scorer\.json: fitted for other features \(feature 1 is "seg", the detector's is bias\); refit: npx tsx bench\/fit-typo-scorer\.ts$/,
    );
    expect(() => parseScorer(text, 'typo-scorer.json', { ...TUNING, minCount: 5 })).toThrow(
      /^typo-scorer\.json: fitted behind other gates/,
    );
    const broken = { ...shipped, weights: shipped.features.map(() => 'x') };
    expect(() => parseScorer(JSON.stringify(broken), 'typo-scorer.json', TUNING)).toThrow(/weights must be \d+ finite numbers/);
  });

  it('weighs a lone character the trigrams read wrongly above one they read rightly', () => {
    const data = detectorData();
    const margins = (s: string) => detectTypos(s, data, { ...TUNING, threshold: -100 }).map((h) => h.margin);
    const wrong = Math.max(...margins('全市大数局产业规模突破百亿元。'));
    const right = Math.max(-100, ...margins('全市大数据产业规模突破百亿元。'));
    expect(wrong).toBeGreaterThan(right);
  });
});
