// A self-contained HTML report: summary, 合格率 tables, a card per site with its findings, screenshots
// and links, pre-warnings apart, and filters by verdict, rule and region. One file with its styles and
// script inline; screenshots are the PNGs written beside it (evidence/…), linked, never fetched from
// anywhere else. Every text is escaped: titles and messages quote the sites' own pages.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ruleById } from '../rules/index.js';
import { esc, link, safeHref } from './html-escape.js';
import { closedSection, disagreementSection, historySection, streakNote } from './html-workflow.js';
import { FINDING_KIND_LABELS, levelLabel, quarterLabel, regionLabel, tierLabel, VERDICT_LABELS } from './labels.js';
import type { Report, ReportFinding, ReportSite } from '../model/report.js';
import { percent, type RateRow, ratesByLevel, ratesByRegion } from './rates.js';
import { cstDateText, cstText, cstTextIn } from './time.js';
import { MANUAL_LABEL, notCheckedReasons } from './facts.js';

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;margin:0;background:#f4f5f7;color:#222}
header{background:#b71c1c;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.9}
main{padding:16px 24px;max-width:1200px}section{background:#fff;border-radius:6px;padding:12px 16px;margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:18px;margin:4px 0 10px}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;font-size:14px}th{background:#fafafa}
.tables{display:grid;grid-template-columns:1fr 1fr;gap:16px}.filters label{margin-right:16px}
.card{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:10px 14px;margin:10px 0;background:#fff}
.card.qualified{border-left-color:#2e7d32}.card.unqualified{border-left-color:#c62828}.card.not-checked{border-left-color:#9e9e9e}
.card h3{margin:0 0 6px;font-size:16px}.meta{color:#555;font-size:13px}.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:13px}
.badge.qualified{background:#2e7d32}.badge.unqualified{background:#c62828}.badge.not-checked{background:#757575}
.finding{margin:6px 0;padding:6px 8px;background:#fafafa;border-radius:3px}.finding.veto{background:#ffebee}.finding.ignored{opacity:.65}.kind{font-weight:bold;margin-right:6px}
.source{display:inline-block;padding:0 6px;margin-right:6px;border:1px solid #6a1b9a;border-radius:3px;color:#6a1b9a;font-size:12px}
.shots img{max-width:240px;max-height:180px;border:1px solid #ccc;margin:4px 6px 0 0;vertical-align:top}
.shots figure{display:inline-block;margin:0}
.warn{background:#fff8e1}.muted{color:#777}.count{color:#555;margin-left:8px}
`;

// Filters only toggle `hidden` on cards by their data attributes: no text from the report reaches the script.
const SCRIPT = `
(function(){
  var v=document.getElementById('f-verdict'),r=document.getElementById('f-rule'),g=document.getElementById('f-region');
  function apply(){
    var n=0,cards=document.querySelectorAll('.card');
    for(var i=0;i<cards.length;i++){var c=cards[i];
      var ok=(!v.value||c.getAttribute('data-verdict')===v.value)&&(!r.value||(' '+c.getAttribute('data-rules')+' ').indexOf(' '+r.value+' ')>=0)&&(!g.value||c.getAttribute('data-region')===g.value);
      c.hidden=!ok;if(ok)n++;}
    document.getElementById('f-count').textContent=n;
  }
  v.onchange=r.onchange=g.onchange=apply;apply();
})();
`;

// The page allows only its own inline script, by hash: a script smuggled in through a page title
// would not run even if escaping ever failed.
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

function rateTable(title: string, rows: RateRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.label)}</td><td>${r.sites}</td><td>${r.checked}</td><td>${r.qualified}</td><td>${r.unqualified}</td><td>${percent(r.rate)}</td></tr>`,
    )
    .join('');
  return `<div><h2>${esc(title)}</h2><table><thead><tr><th>${title.includes('层级') ? '层级' : '地区'}</th><th>网站</th><th>已判定</th><th>合格</th><th>不合格</th><th>合格率</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A finding's own evidence pictures; the site's homepage picture is shown once, on the card, not again here. */
function shots(f: ReportFinding, homePath: string | null): string {
  const all = (f.evidence.screenshots as { path: string; url: string; note?: string }[] | undefined) ?? [];
  const list = all.filter((s) => s.path !== homePath);
  if (list.length === 0) return all.length > 0 ? '<div class="muted">截图见本网站首页截图</div>' : '';
  return `<div class="shots">${list
    .map((s) => {
      const href = safeHref(s.path);
      if (!href) return '';
      const img = `<a href="${href}" target="_blank" rel="noopener noreferrer"><img src="${href}" alt="${esc(`截图：${s.url}${s.note ? `（${s.note}）` : ''}`)}" loading="lazy"></a>`;
      // A picture of a changed page (hidden links shown) says so under it, so no one takes it for the page as served.
      return s.note ? `<figure>${img}<figcaption class="muted">${esc(s.note)}</figcaption></figure>` : img;
    })
    .join('')}</div>`;
}

function finding(f: ReportFinding, homePath: string | null): string {
  const points = f.kind === 'deduction' ? `<span class="muted">（扣 ${esc(f.points)} 分）</span>` : '';
  const ignored = f.ignored
    ? `<div class="muted">已复核忽略：${esc(f.ignored.reason)}（${esc(f.ignored.by)}${f.ignored.until ? `，至 ${esc(f.ignored.until)}` : ''}；原为${esc(FINDING_KIND_LABELS[f.ignored.kind])}）</div>`
    : '';
  const manual = f.source === 'manual' ? `<span class="source">${MANUAL_LABEL}</span>` : '';
  return `<div class="finding ${esc(f.kind)}${f.ignored ? ' ignored' : ''}">${manual}<span class="kind">${esc(FINDING_KIND_LABELS[f.kind])}</span><b>${esc(f.title)}</b>${points}<div>${esc(cstTextIn(f.message))}</div>${ignored}${f.url ? `<div class="meta">${link(f.url)}</div>` : ''}${provenance(f)}${shots(f, homePath)}</div>`;
}

/** Who found a manual finding, when, and the file and row it came from; its own screenshot. */
function provenance(f: ReportFinding): string {
  const p = f.provenance;
  if (!p) return '';
  const shot = p.screenshot ? safeHref(p.screenshot.path) : null;
  const img = shot
    ? `<div class="shots"><a href="${shot}" target="_blank" rel="noopener noreferrer"><img src="${shot}" alt="${esc(`检查人截图：${p.screenshot!.given}`)}" loading="lazy"></a></div>`
    : '';
  return `<div class="meta">${MANUAL_LABEL}检查：${esc(p.inspector)}，${esc(cstDateText(p.date))}（${esc(basename(p.file))} 第 ${esc(p.row)} 行）</div>${img}`;
}

function card(s: ReportSite, report: Report): string {
  const rules = [...new Set([...s.findings, ...s.warnings].map((f) => f.rule))].join(' ');
  const score = s.verdict === 'not-checked' ? '' : s.vetoes.length > 0 ? '单项否决' : s.score === null ? '' : `${s.score.toFixed(1)} 分`;
  const home = s.screenshot ? safeHref(s.screenshot.path) : null;
  const notChecked = notCheckedReasons(s);
  return `<article class="card ${esc(s.verdict)}" data-verdict="${esc(s.verdict)}" data-rules="${esc(rules)}" data-region="${esc(s.region?.slice(0, 2) ?? '')}">
<h3>${esc(s.name)} <span class="badge ${esc(s.verdict)}">${esc(VERDICT_LABELS[s.verdict])}</span> <span class="count">${esc(score)}</span>${streakNote(report, s.id)}</h3>
<div class="meta">网站标识码 ${esc(s.id)} · ${esc(regionLabel(s.region) || '未登记地区')} · ${esc(levelLabel(s.level) || '未登记层级')}${s.sponsor ? ` · 主办：${esc(s.sponsor)}` : ''} · ${link(s.url)}</div>
${home ? `<div class="shots"><a href="${home}" target="_blank" rel="noopener noreferrer"><img src="${home}" alt="首页截图" loading="lazy"></a></div>` : ''}
${s.findings.map((f) => finding(f, s.screenshot?.path ?? null)).join('')}
${s.warnings.length ? `<div class="warn"><b>预警</b>${s.warnings.map((f) => finding(f, s.screenshot?.path ?? null)).join('')}</div>` : ''}
${notChecked.length ? `<div class="muted">${notChecked.map(esc).join('<br>')}</div>` : ''}
${availabilityNote(s)}
</article>`;
}

/** Said only when some probes measured nothing about the site: how many remain, and which windows were lost, and why. */
function availabilityNote(s: ReportSite): string {
  const a = s.availability;
  if (a.excluded.vantage === 0 && a.excluded.blocked === 0) return '';
  const parts = [
    a.excluded.vantage ? `检查机网络原因作废 ${a.excluded.vantage} 次` : '',
    a.excluded.blocked ? `被网站防护拦截 ${a.excluded.blocked} 次` : '',
  ].filter(Boolean);
  const windows = a.lostWindows.map(
    (w) => `${esc(cstText(w.from))} 至 ${esc(cstText(w.to))}（${w.probes} 次${w.reason ? `：${esc(w.reason)}` : ''}）`,
  );
  return `<div class="muted">可用性监测：共探测 ${a.probes} 次，${parts.join('、')}，有效探测 ${a.valid} 次${windows.length ? `<br>作废时段：${windows.join('；')}` : ''}</div>`;
}

/** What a finding's code means in Chinese (首页即将达到不更新否决标准), from its rule's own table. */
function codeLabel(f: ReportFinding): string {
  const codes = ruleById(f.rule)?.meta.codes;
  return codes?.[f.code] ?? f.title;
}

function option(value: string, label: string): string {
  return `<option value="${esc(value)}">${esc(label)}</option>`;
}

export function renderHtml(report: Report): string {
  const s = report.summary;
  const rules = new Map<string, string>();
  for (const site of report.sites) for (const f of [...site.findings, ...site.warnings]) rules.set(f.rule, f.title);
  const regions = ratesByRegion(report).filter((r) => r.key !== '~');
  const warned = report.sites.filter((x) => x.warnings.length > 0);
  const title = `${quarterLabel(report.quarter)}政府网站抽查报告`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${esc(title)}</h1><p>检查层级：${esc(tierLabel(report.tier))} · 指标版本：${esc(report.edition)} · 监测时间点：${esc(cstText(report.at))} · 生成时间：${esc(cstText(report.generatedAt))}（北京时间）</p></header>
<main>
<section id="summary"><h2>概况</h2><table><thead><tr><th>抽查网站</th><th>已判定</th><th>合格</th><th>不合格</th><th>未检查</th><th>合格率</th><th>预警网站</th></tr></thead>
<tbody><tr><td>${report.sites.length}</td><td>${s.checked}</td><td>${s.qualified}</td><td>${s.unqualified}</td><td>${s.notChecked}</td><td>${percent(s.qualifiedRate)}</td><td>${s.warned}</td></tr></tbody></table></section>
<section class="tables">${rateTable('各地区合格率', ratesByRegion(report))}${rateTable('各层级合格率', ratesByLevel(report))}</section>
<section id="warnings"><h2>预警（接近单项否决，尚未构成问题）</h2>${
    warned.length === 0
      ? '<p class="muted">无</p>'
      : `<table><thead><tr><th>网站</th><th>预警</th><th>说明</th></tr></thead><tbody>${warned
          .flatMap((x) =>
            x.warnings.map((w) => `<tr><td>${esc(x.name)}</td><td>${esc(codeLabel(w))}</td><td>${esc(cstTextIn(w.message))}</td></tr>`),
          )
          .join('')}</tbody></table>`
  }</section>
<section class="filters" id="filters"><h2>网站（显示 <span id="f-count">${report.sites.length}</span> 个）</h2>
<label>结论 <select id="f-verdict">${option('', '全部')}${(['unqualified', 'qualified', 'not-checked'] as const).map((v) => option(v, VERDICT_LABELS[v])).join('')}</select></label>
<label>问题 <select id="f-rule">${option('', '全部')}${[...rules].map(([id, t]) => option(id, t)).join('')}</select></label>
<label>地区 <select id="f-region">${option('', '全部')}${regions.map((r) => option(r.key, r.label)).join('')}</select></label>
</section>
${historySection(report)}${disagreementSection(report)}${closedSection(report)}
<section id="sites">${report.sites.map((x) => card(x, report)).join('\n')}</section>
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}
