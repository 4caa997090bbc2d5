// 问题类型 as people write it → the rule and finding code it is, so the edition decides how it counts.
// Accepted: `rule/code` (homepage-stale/stale); a rule id or a rule's Chinese title when the rule has
// one kind of finding; a code's Chinese label (首页不可用链接); or a name from 通报 and the 2019
// indicators below. A name that could mean findings the edition counts differently (不可用链接: the
// homepage's −1 or another page's −0.1) is refused with the choices, never guessed.
import { RULES, ruleById } from '../rules/index.js';

export interface IssueType {
  rule: string;
  code: string;
}

export type Resolved = ({ ok: true } & IssueType) | { ok: false; expected: string };

// 国办秘函〔2019〕19号's veto names and the wording 通报 use, where the rule's own title or labels differ.
const NAMES: Record<string, `${string}/${string}`> = {
  网站无法访问: 'site-unreachable/unreachable',
  网站不可用: 'site-unreachable/unreachable',
  首页长期不更新: 'homepage-stale/stale',
  // 19号 单项否决 "栏目不更新": the count of stale 动态/通知公告 columns reached the veto.
  栏目不更新: 'column-stale/too-many-stale',
  栏目长期不更新: 'column-stale/too-many-long-stale',
  空白栏目过多: 'column-empty/too-many-empty',
  留言超期未回复: 'interaction-unanswered/unanswered',
  留言超过3个月未回复: 'interaction-unanswered/unanswered',
  无有效咨询建言渠道: 'interaction-unanswered/no-channel',
  严重表述错误: 'serious-error/serious',
  严重错误: 'serious-error/serious',
  错字: 'typo/typo',
  违规外链: 'hidden-links/illegal-link',
  非法外链: 'hidden-links/illegal-link',
};

/** Full-width forms, case, spaces and a trailing 问题 ("首页不更新问题") do not change the name. */
function fold(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase().replace(/问题$/u, '');
}

const labelOf = (t: IssueType): string => ruleById(t.rule)?.meta.codes[t.code] ?? t.code;
const listed = (ts: readonly IssueType[]): string => ts.map((t) => `${t.rule}/${t.code} (${labelOf(t)})`).join(', ');
const codesOf = (ruleId: string): IssueType[] => Object.keys(ruleById(ruleId)?.meta.codes ?? {}).map((code) => ({ rule: ruleId, code }));

/** Each folded name with every finding it may mean: a rule's title may mean any of its codes. */
const byName = new Map<string, IssueType[]>();
function add(name: string, targets: IssueType[]): void {
  const key = fold(name);
  const list = byName.get(key) ?? [];
  for (const t of targets) if (!list.some((x) => x.rule === t.rule && x.code === t.code)) list.push(t);
  byName.set(key, list);
}
for (const rule of RULES) {
  add(rule.meta.title, codesOf(rule.meta.id));
  for (const code of Object.keys(rule.meta.codes)) add(rule.meta.codes[code]!, [{ rule: rule.meta.id, code }]);
}
// The table settles what its names mean, over any title or label they fold together with.
for (const [name, target] of Object.entries(NAMES)) {
  const [rule, code] = target.split('/') as [string, string];
  byName.set(fold(name), [{ rule, code }]);
}

const EXPECTED =
  'a rule id such as homepage-stale, rule/code such as link-broken/page-link, a rule title such as 首页不更新, or a 问题类型 `choucha findings types` lists';

function one(text: string, targets: IssueType[]): Resolved {
  if (targets.length === 1) return { ok: true, ...targets[0]! };
  return { ok: false, expected: `one of the findings "${text}" may mean, which the edition counts apart: ${listed(targets)}` };
}

export function resolveIssueType(raw: string): Resolved {
  const text = raw.normalize('NFKC').trim();
  if (!text) return { ok: false, expected: EXPECTED };
  const pair = /^([a-z0-9-]+)\s*[/:]\s*([a-z0-9-]+)$/i.exec(text);
  if (pair) {
    const [rule, code] = [pair[1]!.toLowerCase(), pair[2]!.toLowerCase()];
    if (!ruleById(rule)) return { ok: false, expected: EXPECTED };
    if (!(code in ruleById(rule)!.meta.codes)) return { ok: false, expected: `one of ${listed(codesOf(rule))}` };
    return { ok: true, rule, code };
  }
  const byId = ruleById(text.toLowerCase());
  if (byId) return one(text, codesOf(byId.meta.id));
  const named = byName.get(fold(text));
  return named ? one(text, named) : { ok: false, expected: EXPECTED };
}

/** Every finding with the names that mean it alone, for `choucha findings types`. */
export function issueTypeNames(): { rule: string; code: string; label: string; names: string[] }[] {
  const names = new Map<string, string[]>();
  const all = [...RULES.flatMap((r) => [r.meta.title, ...Object.values(r.meta.codes)]), ...Object.keys(NAMES)];
  for (const name of all) {
    const targets = byName.get(fold(name));
    if (targets?.length !== 1) continue;
    const key = `${targets[0]!.rule}/${targets[0]!.code}`;
    const list = names.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(key, list);
  }
  return RULES.flatMap((rule) =>
    Object.entries(rule.meta.codes).map(([code, label]) => ({
      rule: rule.meta.id,
      code,
      label,
      names: names.get(`${rule.meta.id}/${code}`) ?? [],
    })),
  );
}
