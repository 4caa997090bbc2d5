// mobile-friendly: a viewport in the homepage's markup, and no sideways scroll at 375 px; the width is
// not judged where the page was not rendered, a missing viewport still is.
import { site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { mobileFriendly } from '../../src/rules/mobile-friendly.js';
import type { HomepageFeaturesArtifact, MobileRenderArtifact, SiteArtifacts } from '../../src/model/artifacts.js';

const features = (viewport: string | null): HomepageFeaturesArtifact => ({ url: 'http://x.gov.cn/', viewport, controls: [], forms: [] });
const rendered = (scrollWidth: number | null, error: string | null = null, notTheSite = false): MobileRenderArtifact => ({
  url: 'http://x.gov.cn/',
  checkedAt: '2026-12-01T02:00:00Z',
  finalUrl: scrollWidth === null ? null : 'http://x.gov.cn/',
  width: 375,
  scrollWidth,
  error,
  notTheSite,
});
const VP = 'width=device-width, initial-scale=1';
const s = (viewport: string | null, mobile: MobileRenderArtifact | null, extra: Partial<SiteArtifacts> = {}) =>
  site({ homepageFeatures: features(viewport), mobile, ...extra });

ruleTable(mobileFriendly, {
  valid: [
    { name: 'a viewport, and the page fits 375 px', artifacts: s(VP, rendered(375)) },
    { name: 'a few pixels over, within the tolerance', artifacts: s(VP, rendered(383)) },
    { name: 'a mobile version a narrow screen is sent to', artifacts: s(VP, { ...rendered(375), finalUrl: 'http://m.x.gov.cn/' }) },
  ],
  invalid: [
    { name: 'no viewport and a 1,200 px layout', artifacts: s(null, rendered(1200)), codes: ['no-viewport', 'horizontal-scroll'] },
    { name: 'a viewport over a fixed 1,000 px layout', artifacts: s(VP, rendered(1000)), codes: ['horizontal-scroll'] },
    { name: 'one pixel past the tolerance', artifacts: s(VP, rendered(384)), codes: ['horizontal-scroll'] },
    { name: 'no viewport, a fluid layout that fits', artifacts: s(null, rendered(375)), codes: ['no-viewport'] },
    {
      name: 'no viewport, not rendered (rendering off)',
      artifacts: s(null, rendered(null, '渲染已关闭（--render never）', true)),
      codes: ['no-viewport'],
    },
    { name: 'no viewport, never measured', artifacts: s(null, null), codes: ['no-viewport'] },
  ],
  notChecked: [
    { name: 'a viewport, rendering off', artifacts: s(VP, rendered(null, '渲染已关闭（--render never），未在手机宽度下打开首页', true)) },
    { name: 'a viewport, the render timed out', artifacts: s(VP, rendered(null, '浏览器打开首页失败：Timeout 30000ms exceeded')) },
    { name: 'a viewport, never measured', artifacts: s(VP, null) },
    { name: 'the homepage markup not stored, never measured', artifacts: site({ homepageFeatures: null, mobile: null }) },
    { name: 'homepage not read', artifacts: s(null, rendered(1200), { homepage: null }) },
  ],
});
