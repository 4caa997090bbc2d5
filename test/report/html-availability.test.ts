// The HTML report says how many probes measured a site when some did not, and which windows were lost.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { loadReport } from './fixture.js';

describe('availability in the HTML report', () => {
  it('names the probes set apart, the valid ones left and the lost windows with their reason', () => {
    const report = loadReport();
    const a = report.sites[0]!.availability;
    Object.assign(a, {
      probes: 150,
      valid: 130,
      excluded: { vantage: 15, blocked: 5 },
      lostWindows: [{ from: '2026-11-28T01:00:00.000Z', to: '2026-11-28T06:00:00.000Z', probes: 15, reason: '检查机无法解析外部域名' }],
    });
    const html = renderHtml(report);
    expect(html).toContain('可用性监测：共探测 150 次，检查机网络原因作废 15 次、被网站防护拦截 5 次，有效探测 130 次');
    expect(html).toContain('作废时段：2026-11-28 09:00:00 至 2026-11-28 14:00:00（15 次：检查机无法解析外部域名）');
  });

  it('says nothing when every probe measured the site', () => {
    expect(renderHtml(loadReport())).not.toContain('可用性监测');
  });
});
