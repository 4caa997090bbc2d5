// 问题类型 as people write it → rule and code, table-driven: what resolves, and what is refused with the choices.
import { describe, expect, it } from 'vitest';
import { issueTypeNames, resolveIssueType } from '../../src/findings/issue-types.js';
import { RULES } from '../../src/rules/index.js';

const valid: [string, string][] = [
  ['homepage-stale', 'homepage-stale/stale'],
  ['Homepage-Stale', 'homepage-stale/stale'],
  ['首页不更新', 'homepage-stale/stale'],
  ['首页不更新问题', 'homepage-stale/stale'],
  ['首页长期不更新', 'homepage-stale/stale'],
  [' 站点无法访问 ', 'site-unreachable/unreachable'],
  ['link-broken/page-link', 'link-broken/page-link'],
  ['link-broken : homepage-link', 'link-broken/homepage-link'],
  ['ｌｉｎｋ－ｂｒｏｋｅｎ／ｐａｇｅ－ｌｉｎｋ', 'link-broken/page-link'],
  ['首页不可用链接', 'link-broken/homepage-link'],
  ['栏目不更新', 'column-stale/too-many-stale'],
  ['空白栏目过多', 'column-empty/too-many-empty'],
  ['错别字', 'typo/typo'],
  ['错 别 字', 'typo/typo'],
  ['严重表述错误', 'serious-error/serious'],
  ['留言超期未回复', 'interaction-unanswered/unanswered'],
  ['违规外链', 'hidden-links/illegal-link'],
  ['公开群众的手机号码', 'privacy-leak/mobile'],
];

const invalid: [string, RegExp][] = [
  ['', /a rule id such as homepage-stale/],
  ['链接', /a rule id such as homepage-stale/],
  ['暗链', /a rule id such as homepage-stale/],
  ['homepage-stale/nope', /one of homepage-stale\/stale/],
  ['no-such-rule/stale', /a rule id such as homepage-stale/],
  // A rule whose findings the edition counts apart is never guessed from its id or title.
  ['column-stale', /column-stale\/too-many-stale .*column-stale\/stale-column/],
  ['不可用链接', /link-broken\/homepage-link \(首页不可用链接\), link-broken\/page-link/],
  ['互动回应差', /interaction-unanswered\/no-channel .*interaction-unanswered\/unanswered/],
  ['个人信息泄露', /privacy-leak\/id-number/],
];

describe('resolveIssueType', () => {
  it.each(valid)('%s → %s', (raw, want) => {
    const r = resolveIssueType(raw);
    expect(r.ok ? `${r.rule}/${r.code}` : r.expected).toBe(want);
  });

  it.each(invalid)('refuses %j', (raw, expected) => {
    const r = resolveIssueType(raw);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.expected).toMatch(expected);
  });

  it('resolves every rule/code and every name `findings types` lists to that finding', () => {
    const listed = issueTypeNames();
    expect(listed.length).toBe(RULES.reduce((n, r) => n + Object.keys(r.meta.codes).length, 0));
    for (const t of listed) {
      expect(resolveIssueType(`${t.rule}/${t.code}`)).toEqual({ ok: true, rule: t.rule, code: t.code });
      for (const name of t.names) expect(resolveIssueType(name)).toEqual({ ok: true, rule: t.rule, code: t.code });
    }
  });
});
