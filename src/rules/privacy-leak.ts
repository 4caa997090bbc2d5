// 个人信息泄露: a page or an attachment linked from it (a 公示 list in xlsx, csv, docx or pdf) shows a
// citizen's personal numbers whole: an ID number, a bank card, or mobiles in a person's row or a roster.
// Not in the 2019 indicators; the 通报 of recent years name it among the most frequent problems, so its
// kind and points are the edition's [U]. The finding never carries a number whole: only masked forms
// (430102********1234), the page or attachment, where in it (block, or sheet and row), and how many.
// An attachment that could not be read is said so (a notice), never taken for a clean one.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import type { AttachmentArtifact, AttachmentsArtifact } from '../model/artifacts.js';
import type { Day } from '../model/day.js';
import { type PersonalHit, type PersonalKind, scanPersonalData, scanRows } from './utils/personal-data.js';

const TEXT = {
  title: '个人信息泄露',
  'id-number': '公开完整的居民身份证号码',
  'bank-card': '公开完整的银行卡号',
  mobile: '公开群众的手机号码',
  'attachments-unchecked': '附件未能检查个人信息',
};

const NOUN: Record<PersonalKind, string> = { 'id-number': '居民身份证号码', 'bank-card': '银行卡号', mobile: '手机号码' };

const options = z.object({
  /** Text blocks either side of an ID number in which a mobile is that person's (a table row's cells) [U]. */
  rowBlocks: z.number().int().min(0).default(4),
  /** Distinct unmasked mobiles on one page that make it a roster of citizens [U]. */
  rosterMobiles: z.number().int().min(2).default(5),
  /** Masked examples kept in a finding. */
  maxExamples: z.number().int().positive().default(3),
  /** Unread attachments named in the notice. */
  maxUnreadListed: z.number().int().positive().default(10),
});

export const privacyLeak = defineRule({
  meta: {
    id: 'privacy-leak',
    title: TEXT.title,
    indicator: '《个人信息保护法》、政府信息公开中的个人信息保护要求（2019 指标未列，近年通报常见）',
    codes: {
      'id-number': TEXT['id-number'],
      'bank-card': TEXT['bank-card'],
      mobile: TEXT.mobile,
      'attachments-unchecked': TEXT['attachments-unchecked'],
    },
    requiredArtifacts: ['texts', 'homepage', 'attachments'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.homepage?.readable || a.texts.pages.length === 0) return { status: 'not-checked', reason: '未读取到页面文字，无法检查个人信息' };
    const findings: Finding[] = [];
    const pages = [...a.texts.pages, { url: a.texts.shared.url, kind: 'template' as const, blocks: a.texts.shared.blocks }];
    for (const page of pages) {
      const hits = scanPersonalData(page.blocks, { atDay: ctx.atDay, rowBlocks: opts.rowBlocks, rosterMobiles: opts.rosterMobiles });
      const byKind = Map.groupBy(hits, (h) => h.kind);
      for (const [kind, list] of byKind) {
        findings.push({
          rule: 'privacy-leak',
          code: kind,
          siteId: a.site.id,
          url: page.url,
          message: `页面公开了 ${list.length} 个完整的${NOUN[kind]}（如 ${list[0]!.masked}），应隐去部分数字`,
          evidence: {
            kind,
            count: list.length,
            masked: list.slice(0, opts.maxExamples).map((h) => h.masked),
            // Where on the page: the text block (a paragraph or a table cell) counted from the top.
            blocks: list.slice(0, opts.maxExamples).map((h) => h.block),
            inTemplate: page.kind === 'template',
          },
        });
      }
    }
    if (a.attachments) findings.push(...attachmentFindings(a.site.id, a.attachments, opts, ctx.atDay));
    return { status: 'checked', findings };
  },
});

type Options = z.infer<typeof options>;

/** One finding per attachment and kind, the rows it was seen in; one notice for what was not read. */
function attachmentFindings(siteId: string, att: AttachmentsArtifact, opts: Options, atDay: Day): Finding[] {
  const findings: Finding[] = [];
  for (const file of att.files) {
    if (file.state !== 'read') continue;
    const hits = scanRows(file.rows, { atDay, rosterMobiles: opts.rosterMobiles });
    for (const [kind, list] of Map.groupBy(hits, (h) => h.kind)) {
      findings.push({
        rule: 'privacy-leak',
        code: kind,
        siteId,
        url: file.url,
        message: `附件公开了 ${list.length} 个完整的${NOUN[kind]}（如 ${list[0]!.masked}），应隐去部分数字`,
        evidence: {
          kind,
          count: list.length,
          masked: list.slice(0, opts.maxExamples).map((h) => h.masked),
          // Where in the file: the sheet, table or page and its row, as a person finds it.
          rows: list.slice(0, opts.maxExamples).map((h) => rowLabel(file, h)),
          attachment: { format: file.format, foundOn: file.foundOn, linkText: file.linkText },
        },
      });
    }
  }
  const unread = att.files.filter((f) => f.state !== 'read');
  if (unread.length > 0 || att.omitted > 0) {
    const parts = [];
    if (unread.length > 0) parts.push(`${unread.length} 个附件未能读取（如 ${unread[0]!.reason}）`);
    if (att.omitted > 0) parts.push(`另有 ${att.omitted} 个附件超出每站检查数量上限，未下载`);
    findings.push({
      rule: 'privacy-leak',
      code: 'attachments-unchecked',
      siteId,
      url: unread[0]?.url ?? null,
      message: `${parts.join('；')}，其中的个人信息未检查`,
      evidence: {
        found: att.found,
        read: att.files.length - unread.length,
        omitted: att.omitted,
        unread: unread.slice(0, opts.maxUnreadListed).map((f) => ({ url: f.url, foundOn: f.foundOn, format: f.format, reason: f.reason })),
      },
    });
  }
  return findings;
}

function rowLabel(file: AttachmentArtifact, h: PersonalHit): string {
  const r = file.rows[h.block]!;
  return r.part ? `${r.part} 第${r.row}行` : `第${r.row}行`;
}
