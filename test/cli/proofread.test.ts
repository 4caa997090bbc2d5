// `choucha proofread`: drafts from standard input or files, text or HTML, findings with line and
// code-point offsets; clean drafts full of near misses print nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'choucha-proofread-'));
const json = (stdout: string) => JSON.parse(stdout) as { findings: Record<string, unknown>[] };

// Each case starts the CLI, which loads the segmenter's dictionary and compiles the lexicons: seconds each,
// more on a loaded machine. Only the time allowed is raised.
describe('choucha proofread', { timeout: 180_000 }, () => {
  it('reads standard input, one paragraph per line, offsets in code points', async () => {
    const draft = '会议对下一阶段工作进行了布署。\n庆祝中华人民共合国成立，欧阳𬀩按排会议。\n';
    const r = await cli(['proofread', '--json'], { stdin: draft });
    expect(r.code).toBe(0);
    expect(json(r.stdout).findings).toEqual([
      { line: 1, start: 12, end: 14, wrong: '布署', suggestion: '部署', rule: 'typo' },
      { line: 2, start: 2, end: 9, wrong: '中华人民共合国', suggestion: '中华人民共和国', rule: 'serious-error' },
      { line: 2, start: 15, end: 17, wrong: '按排', suggestion: '安排', rule: 'typo' },
    ]);
  });

  it('finds nothing in a clean draft full of near misses', async () => {
    const draft = [
      '请按排名先后顺序入场，这一举措既使得企业减负，又方便群众。',
      '人民代表在大会上发言。党的十八大以来，中国共产党十九大报告提出。',
      '有群众说“布署”写错了。详见 http://www.x.gov.cn/bushu.html',
    ].join('\n');
    const r = await cli(['proofread', '--json'], { stdin: draft });
    expect(json(r.stdout)).toEqual({ findings: [] });
    const plain = await cli(['proofread'], { stdin: draft });
    expect(plain.stdout).toContain('未发现');
  });

  it('reads HTML as the page shows it: one line per text block, markup and scripts left out', async () => {
    const file = join(dir, 'draft.html');
    writeFileSync(
      file,
      '<html><body><h1>通知</h1><script>var a="布署";</script><p>请<b>认真</b>做好布署。</p><p>青山市人民攻府办公室</p></body></html>',
    );
    const r = await cli(['proofread', '--json', file]);
    expect(json(r.stdout).findings).toEqual([
      { line: 2, start: 5, end: 7, wrong: '布署', suggestion: '部署', rule: 'typo' },
      { line: 3, start: 3, end: 7, wrong: '人民攻府', suggestion: '人民政府', rule: 'serious-error' },
    ]);
  });

  it('reads GBK text files, and names the file of each finding when given several', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, iconv.encode('工作布署会议\n', 'gbk'));
    writeFileSync(b, '深入推进扫黑险恶常态化\n');
    const r = await cli(['proofread', '--json', a, b]);
    expect(json(r.stdout).findings).toEqual([
      { file: a, line: 1, start: 2, end: 4, wrong: '布署', suggestion: '部署', rule: 'typo' },
      { file: b, line: 1, start: 4, end: 8, wrong: '扫黑险恶', suggestion: '扫黑除恶', rule: 'serious-error' },
    ]);
    const human = await cli(['proofread', a]);
    expect(human.stdout).toContain(`${a}:1:3-4`);
  });

  it('a missing file is bad input (exit 2)', async () => {
    const r = await cli(['proofread', join(dir, 'nope.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.txt');
  });
});
