// 规范性文件 validity (standards.md, 政务公开): where a site keeps a 规范性文件 list, it marks each document's
// validity (有效, 失效, 废止, 有效期…) on the list or on the document's own page. Judged from the list's
// page and the documents the crawl opened (a sample: each column's first). A list none of whose
// documents' pages was stored, or that could not be read, is not judged. Kinds and points are the
// edition's [U].
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';

const TEXT = {
  title: '规范性文件有效性标注',
  unmarked: '规范性文件未标注有效性',
};

const options = z.object({
  /** Names of the lists judged. */
  listName: z.string().default('规范性文件'),
  maxDocumentsListed: z.number().int().positive().default(3),
});

export const documentValidity = defineRule({
  meta: {
    id: 'document-validity',
    title: TEXT.title,
    indicator: '政府网站检查 政务公开：规范性文件标注有效性（各地检查实践；类型与分值为版本选项 [U]）',
    codes: { unmarked: TEXT.unmarked },
    requiredArtifacts: ['documentValidity'],
    options,
  },
  run(a, opts) {
    const name = new RegExp(opts.listName);
    // An empty list is column-empty's business: there is nothing on it to mark.
    const lists = a.documentValidity.filter((l) => name.test(l.name) && l.state !== 'empty' && l.state !== 'container');
    if (lists.length === 0) return { status: 'checked', findings: [] };
    const findings: Finding[] = [];
    const unjudged: string[] = [];
    for (const l of lists) {
      if (l.listMarks.length > 0 || l.documents.some((d) => d.marks.length > 0)) continue;
      if (l.state === 'unreadable' || l.documents.length === 0) {
        unjudged.push(`“${l.name}”${l.state === 'unreadable' ? '列表未能读取' : '的文件页未抓取'}`);
        continue;
      }
      const shown = l.documents.slice(0, opts.maxDocumentsListed);
      findings.push({
        rule: 'document-validity',
        code: 'unmarked',
        siteId: a.site.id,
        url: l.url,
        message: `“${l.name}”列表及所读 ${l.documents.length} 份文件（如《${shown[0]!.title}》）均未标注有效性（有效、失效、废止或有效期）`,
        evidence: { list: l.name, listUrl: l.url, documents: shown.map((d) => ({ title: d.title, url: d.url })) },
      });
    }
    if (findings.length === 0 && unjudged.length > 0)
      return { status: 'not-checked', reason: `规范性文件有效性未检查：${unjudged.join('；')}` };
    return { status: 'checked', findings };
  },
});
