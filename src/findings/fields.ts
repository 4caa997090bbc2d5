// Columns of an expert or third-party findings sheet, and the header spellings accepted for each.
import { normaliseHeader } from '../registry/fields.js';
import type { TableKind } from '../registry/table.js';

export type FindingField = 'siteId' | 'type' | 'description' | 'url' | 'screenshot' | 'inspector' | 'date';

/** A finding no one can trace (who found it, when) must not put a site on a public list. */
const REQUIRED_FINDING_FIELDS: readonly FindingField[] = ['siteId', 'type', 'description', 'inspector', 'date'];

export const FINDING_ALIASES: Record<FindingField, readonly string[]> = {
  siteId: ['网站标识码', '标识码', 'site_id', 'site'],
  type: ['问题类型', '问题分类', '规则', 'rule', 'type'],
  description: ['描述', '问题描述', '问题说明', 'description'],
  url: ['问题网址', '网址', '问题页面', '页面地址', '链接', 'url'],
  screenshot: ['截图', '截图路径', '截图文件', 'screenshot'],
  inspector: ['检查人', '检查人员', '检查专家', 'inspector'],
  date: ['检查日期', '发现日期', '日期', 'date'],
};

export const findingFieldLabel = (key: FindingField): string => `${FINDING_ALIASES[key][0]} (${key})`;

const BY_NORMALISED = new Map<string, FindingField>(
  (Object.entries(FINDING_ALIASES) as [FindingField, readonly string[]][]).flatMap(([key, aliases]) =>
    aliases.map((alias) => [normaliseHeader(alias), key] as const),
  ),
);

const findingFieldForHeader = (header: string): FindingField | undefined => BY_NORMALISED.get(normaliseHeader(header));

interface FindingColumns {
  columns: Partial<Record<FindingField, { index: number; header: string }>>;
  missing: FindingField[];
}

/** The leftmost of two columns meaning the same field wins, as in the registry. */
export function mapFindingHeaders(headers: readonly string[]): FindingColumns {
  const columns: FindingColumns['columns'] = {};
  headers.forEach((header, index) => {
    const key = findingFieldForHeader(header);
    if (key && !columns[key]) columns[key] = { index, header: header.trim() };
  });
  return { columns, missing: REQUIRED_FINDING_FIELDS.filter((key) => !columns[key]) };
}

export const FINDINGS_TABLE: TableKind = {
  isHeader: (cell) => findingFieldForHeader(cell) !== undefined,
  urlColumn: (headers) => mapFindingHeaders(headers).columns.url?.index,
  expected: 'a CSV (UTF-8 or GBK) or .xlsx findings sheet',
};
