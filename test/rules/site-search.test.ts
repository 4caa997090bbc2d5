// site-search: the search the gather stage tried, judged: found (silent), not found or an error page
// (fires), no search at all (fires); POST, 验证码, script only, a failed request or script-built results
// with rendering off are not judged.
import { site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { siteSearch } from '../../src/rules/site-search.js';
import type { SearchCheckArtifact, SiteArtifacts } from '../../src/model/artifacts.js';

const TRIED: SearchCheckArtifact = {
  checkedAt: '2026-12-01T02:00:00Z',
  form: { action: 'http://x.gov.cn/search.asp', field: 'keyword' },
  skipped: null,
  skippedDetail: null,
  query: '关于做好2026年冬季森林防火工作的通知',
  queryFrom: 'http://x.gov.cn/tzgg/',
  resultUrl: 'http://x.gov.cn/search.asp?keyword=%E5%85%B3',
  status: 200,
  failure: null,
  error: null,
  found: true,
  readAs: 'served',
  needsRender: false,
};
const s = (search: Partial<SearchCheckArtifact> | null, extra: Partial<SiteArtifacts> = {}) =>
  site({ search: search === null ? null : { ...TRIED, ...search }, ...extra });
const skipped = (skip: SearchCheckArtifact['skipped'], detail: string | null = null) =>
  s({
    skipped: skip,
    skippedDetail: detail,
    form: null,
    query: null,
    queryFrom: null,
    resultUrl: null,
    status: null,
    found: null,
    readAs: null,
  });

ruleTable(siteSearch, {
  valid: [
    { name: 'the title found among the results as served', artifacts: s({}) },
    { name: 'found once the script-built results were rendered', artifacts: s({ readAs: 'rendered' }) },
  ],
  invalid: [
    { name: 'no search on the homepage', artifacts: skipped('no-search'), codes: ['no-search'] },
    { name: 'the results do not list the title', artifacts: s({ found: false }), codes: ['not-found'] },
    { name: 'the rendered results do not list it either', artifacts: s({ found: false, readAs: 'rendered' }), codes: ['not-found'] },
    { name: 'the search page answers 404', artifacts: s({ status: 404, found: null, readAs: null }), codes: ['search-error'] },
    { name: 'the search page answers 500', artifacts: s({ status: 500, found: null, readAs: null }), codes: ['search-error'] },
  ],
  notChecked: [
    { name: 'never tried', artifacts: s(null) },
    { name: 'a POST form', artifacts: skipped('post', 'http://x.gov.cn/search.do') },
    { name: 'a 验证码', artifacts: skipped('captcha') },
    { name: 'submitted by script only', artifacts: skipped('script', '搜索由脚本提交（搜索）') },
    { name: 'nothing dated to search for', artifacts: skipped('no-title') },
    {
      name: 'the request timed out',
      artifacts: s({ status: null, found: null, failure: 'timeout', error: 'no complete response within the timeout' }),
    },
    { name: 'the guard refused the search host', artifacts: s({ status: null, found: null, failure: 'blocked', error: 'blocked' }) },
    { name: 'script-built results, rendering off', artifacts: s({ found: null, readAs: null, needsRender: true }) },
    { name: 'homepage not read', artifacts: s({ found: false }, { homepage: null }) },
  ],
});
