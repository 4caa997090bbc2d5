// `inspect`: what choucha reads from one page — the answer to "our column is not empty!".
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { cstDay } from '../model/day.js';
import { type InspectResult, inspectRead } from '../extract/inspect.js';
import { readHtml, readPage } from '../extract/page.js';
import { launchBrowser, render, type RenderOptions } from '../gather/browser/browser.js';
import { fetchPage } from '../gather/http/fetch-guarded.js';
import { USER_AGENT } from '../gather/http/user-agent.js';
import { parseAt } from '../plan/quarter.js';
import { type GlobalOptions, guard, nowIso } from './common.js';

const KIND_LABELS: Record<InspectResult['kind'], string> = {
  homepage: '首页',
  column: '栏目页',
  article: '文章页',
  board: '留言板',
  other: '其他页面',
};

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .argument('<page>', 'a saved HTML file, or an http(s) URL')
    .option('--url <URL>', 'the address a saved file came from, to resolve its links')
    .option('--at <ISO>', 'reference time for dates written without a year (default now)')
    .option('--render', "run the page in Chromium first, for lists built by script (only the page's own host is contacted)")
    .option('--json', 'one JSON object on stdout (keys documented in the README)')
    .description('show what choucha reads from one page: kind, lists, items, dates, identity')
    .action(async (page: string, o: { url?: string; at?: string; json?: boolean; render?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const atDay = cstDay(o.at ? parseAt(o.at) : nowIso());
      let bytes: Buffer;
      let url: string;
      let contentType: string | null = null;
      if (/^https?:\/\//i.test(page)) {
        const r = await fetchPage(page, { timeoutMs: 15_000, guard: guard(g), userAgent: USER_AGENT, maxBytes: 20_000_000 });
        if (r.status >= 400) throw new InputError(`${page} answered HTTP ${r.status}`);
        ({ body: bytes, contentType } = r);
        url = r.finalUrl;
      } else {
        bytes = await readFile(page).catch(() => {
          throw new InputError(`Cannot read ${page}`, 'Give a saved HTML file or an http(s) URL.');
        });
        url = o.url ?? 'http://saved.invalid/saved-page.html';
      }
      // Without --url a saved file's links cannot be resolved: say null rather than invent an address.
      const urlKnown = !!o.url || /^https?:/i.test(page);
      let pageRead = readPage(bytes, { url, contentType, atDay });
      if (o.render) {
        const rendered = await renderOnce(url, {
          guard: guard(g),
          timeoutMs: 30_000,
          body: /^https?:/i.test(page) ? undefined : { bytes, contentType },
          offline: !urlKnown,
        });
        pageRead = readHtml(rendered.html, {
          url: rendered.finalUrl,
          atDay,
          encoding: pageRead.encoding,
          encodingSource: pageRead.encodingSource,
        });
      }
      const read = inspectRead(pageRead, urlKnown);
      const result = urlKnown ? read : dropUrls(read);
      process.stdout.write(o.json ? `${JSON.stringify(result, null, 2)}\n` : human(result));
    });
}

const DATE_SOURCE: Record<string, string> = {
  label: '标注字段',
  table: '信息公开元数据表',
  'under-title': '标题下方信息行',
  meta: 'meta 标签',
  comment: '模板注释',
};

function dropUrls(r: InspectResult): InspectResult {
  return { ...r, columns: r.columns.map((c) => ({ ...c, url: null, items: c.items.map((i) => ({ ...i, url: null })) })) };
}

function human(r: InspectResult): string {
  const lines = [
    `页面类型：${KIND_LABELS[r.kind]}`,
    `标题：${r.title ?? '（无）'}`,
    `编码：${r.encoding}`,
    `发布日期：${r.publishedAt ?? '（未识别）'}${r.publishedFrom ? `（${DATE_SOURCE[r.publishedFrom.source] ?? r.publishedFrom.source}${r.publishedFrom.label ? `：${r.publishedFrom.label}` : ''}）` : ''}`,
  ];
  if (r.notReadable) lines.push(`无法确认读取：${r.notReadable}`);
  lines.push(`信息列表：${r.columns.length} 个`);
  for (const c of r.columns) {
    const dates = c.items.map((i) => i.date).filter((d): d is string => !!d);
    const newest = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : '（无日期）';
    const from = c.nameFrom === 'tab' ? '［选项卡］' : '';
    lines.push(
      `  · ${c.name ?? '（未命名）'}${from}  ${c.empty ? '空白' : `${c.items.length} 条，最新 ${newest}`}${c.url ? `  ${c.url}` : ''}`,
    );
    for (const i of c.items) lines.push(`      ${i.date ?? '无日期    '}  ${i.title}`);
  }
  for (const f of r.frames)
    lines.push(`内嵌页面：${f.name ?? '（未命名）'}  ${f.url}  ${f.read ? '（同站，抓取时读取）' : '（不读取：非本站或非首页）'}`);
  lines.push(
    `网站标识码：${r.identity.siteCode ?? '（未找到）'}`,
    `ICP备案号：${r.identity.icp ?? '（未找到）'}`,
    `公安备案号：${r.identity.police ?? '（未找到）'}`,
  );
  return `${lines.join('\n')}\n`;
}

async function renderOnce(url: string, opts: RenderOptions) {
  const browser = await launchBrowser();
  try {
    const r = await render(browser, url, opts);
    return { html: r.html, finalUrl: r.finalUrl };
  } finally {
    await browser.close();
  }
}
