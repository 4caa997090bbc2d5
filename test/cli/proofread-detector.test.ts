// `choucha proofread` runs the statistical typo detector beside the lexicons: a misspelling no lexicon
// lists is reported as a suspected typo (detected: true), a listed one as before.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('choucha proofread with the detector', { timeout: 180_000 }, () => {
  it('reports a misspelling no lexicon lists as suspected', async () => {
    const draft = '今年以来，我局持旭优化营商环境。\n会议对下一阶段工作进行了布署。\n双畈村党支部书记李德明介绍了情况。\n';
    const r = await cli(['proofread', '--json'], { stdin: draft });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([
      { line: 1, start: 7, end: 9, wrong: '持旭', suggestion: '持续', rule: 'typo', detected: true },
      { line: 2, start: 12, end: 14, wrong: '布署', suggestion: '部署', rule: 'typo' },
    ]);
    const plain = await cli(['proofread'], { stdin: draft });
    expect(plain.stdout).toContain('1:8-9  错别字（疑似）  “持旭” → “持续”');
    expect(plain.stdout).toContain('2:13-14  错别字  “布署” → “部署”');
  });
});
