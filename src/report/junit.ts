// JUnit XML for CI: one testcase per site, a failure per veto (and one when the score is under the pass
// mark without a veto), a skipped testcase for a site that could not be judged. CI systems show a
// failing site the way they show a failing test.
import { isVetoed } from './facts.js';
import { stripXmlInvalid } from './html-escape.js';
import { regionLabel, tierLabel } from './labels.js';
import { cstIso, cstTextIn } from './time.js';
import type { Report, ReportSite } from '../model/report.js';

function xml(text: unknown): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest are escaped.
  return stripXmlInvalid(String(text ?? ''))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function testcase(s: ReportSite): string {
  const open = `    <testcase classname="${xml(`${regionLabel(s.region) || '未登记地区'}`)}" name="${xml(`${s.id} ${s.name}`)}">`;
  if (s.verdict === 'not-checked') return `${open}\n      <skipped message="${xml(s.notCheckedReason ?? '未检查')}"/>\n    </testcase>`;
  const failures = s.findings
    .filter((f) => f.kind === 'veto')
    .map(
      (f) =>
        `      <failure type="${xml(f.rule)}" message="${xml(`${f.title}：${cstTextIn(f.message)}`)}">${xml([cstTextIn(f.message), f.url ?? ''].filter(Boolean).join('\n'))}</failure>`,
    );
  if (s.verdict === 'unqualified' && !isVetoed(s))
    failures.push(
      `      <failure type="score" message="${xml(`得分 ${s.score} 低于合格线`)}">${xml(s.findings.map((f) => cstTextIn(f.message)).join('\n'))}</failure>`,
    );
  if (s.verdict === 'unqualified' && failures.length === 0)
    failures.push(`      <failure type="veto" message="${xml(`单项否决：${s.vetoes.join('、')}`)}"/>`);
  const out =
    s.warnings.length > 0
      ? [`      <system-out>${xml(s.warnings.map((w) => `预警：${cstTextIn(w.message)}`).join('\n'))}</system-out>`]
      : [];
  return [open, ...failures, ...out, '    </testcase>'].join('\n');
}

export function renderJunit(report: Report): string {
  const failed = report.sites.filter((s) => s.verdict === 'unqualified').length;
  const skipped = report.sites.filter((s) => s.verdict === 'not-checked').length;
  const name = `choucha ${report.quarter} ${tierLabel(report.tier)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${report.sites.length}" failures="${failed}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="${xml(name)}" tests="${report.sites.length}" failures="${failed}" errors="0" skipped="${skipped}" timestamp="${xml(cstIso(report.generatedAt))}">`,
    ...report.sites.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
