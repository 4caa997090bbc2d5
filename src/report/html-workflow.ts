// The HTML report's sections for the quarter's workflow: the change from last quarter with repeat
// offenders, where this tier disagrees with the lower tier it re-checked, and the closed sites in scope.
import { esc } from './html-escape.js';
import { levelLabel, regionLabel, tierLabel, verdictLabel } from './labels.js';
import type { Report } from '../model/report.js';
import type { SiteLevel } from '../model/site.js';
import { percent } from './rates.js';
import { cstTextIn } from './time.js';

function change(c: number | null): string {
  if (c === null) return '—';
  const pts = (c * 100).toFixed(1);
  return c > 0 ? `+${pts}` : pts;
}

export function historySection(report: Report): string {
  const h = report.history;
  if (!h) return '';
  const table = (head: string, rows: typeof h.regions, label: (k: string) => string) =>
    `<table><thead><tr><th>${head}</th><th>已判定</th><th>合格</th><th>合格率</th><th>上季度（${esc(h.previousQuarter)}）</th><th>变化（百分点）</th><th>连续不合格网站</th></tr></thead><tbody>${rows
      .map(
        (r) =>
          `<tr><td>${esc(label(r.key))}</td><td>${r.checked}</td><td>${r.qualified}</td><td>${percent(r.rate)}</td><td>${percent(r.previousRate)}</td><td>${change(r.change)}</td><td>${r.repeatOffenders}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  return `<section id="history"><h2>与上季度比较</h2><div class="tables">${table('地区', h.regions, (k) => regionLabel(k.length === 2 ? `${k}0000` : k) || k)}${table('层级', h.levels, (k) => levelLabel(k as SiteLevel) || k)}</div></section>`;
}

/** "连续 3 个季度不合格" for a card, when the history says so. */
export function streakNote(report: Report, siteId: string): string {
  const n = report.history?.sites.find((s) => s.id === siteId)?.consecutiveUnqualified ?? 0;
  return n >= 2 ? ` <span class="badge unqualified">连续 ${n} 个季度不合格</span>` : '';
}

export function disagreementSection(report: Report): string {
  const d = report.disagreements;
  if (!d) return '';
  const verdict = verdictLabel;
  const list = (fs: { message: string }[]) => (fs.length ? fs.map((f) => esc(cstTextIn(f.message))).join('<br>') : '—');
  return `<section id="disagreements"><h2>梯次复核：与下级检查结论不一致（${d.length} 个）</h2>${
    d.length === 0
      ? '<p class="muted">无</p>'
      : `<table><thead><tr><th>网站</th><th>下级结论</th><th>本级结论</th><th>本级发现、下级未发现</th><th>下级发现、本级未发现</th></tr></thead><tbody>${d
          .map(
            (x) =>
              `<tr><td>${esc(x.name ?? x.siteId)}（${esc(x.siteId)}）</td><td>${esc(tierLabel(x.lowerTier))}：${esc(verdict(x.lowerVerdict))}</td><td>${esc(verdict(x.upperVerdict))}</td><td>${list(x.onlyUpper)}</td><td>${list(x.onlyLower)}</td></tr>`,
          )
          .join('')}</tbody></table>`
  }</section>`;
}

/** Closed (关停) sites in scope: their probes, and whether any still served the site's own pages. */
export function closedSection(report: Report): string {
  const c = report.closed;
  if (!c) return '';
  const answering = c.filter((x) => x.findings.length > 0);
  return `<section id="closed"><h2>登记为关停的网站（${c.length} 个，仍可访问 ${answering.length} 个）</h2><table><thead><tr><th>网站</th><th>登记网址</th><th>探测</th><th>未响应</th><th>问题</th></tr></thead><tbody>${c
    .map(
      (x) =>
        `<tr><td>${esc(x.name)}（${esc(x.id)}）</td><td>${esc(x.url)}</td><td>${x.availability.probes}</td><td>${x.availability.failures}</td><td>${x.findings.length ? x.findings.map((f) => esc(cstTextIn(f.message))).join('<br>') : x.availability.probes === 0 ? '<span class="muted">监测期内未探测</span>' : '—'}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
}
