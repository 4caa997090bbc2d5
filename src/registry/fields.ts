// Registry columns and the header spellings found in real 基本信息 exports, Chinese and English.

export type FieldKey = 'id' | 'name' | 'url' | 'sponsor' | 'level' | 'region' | 'parentId' | 'status' | 'render';

export const REQUIRED_FIELDS: readonly FieldKey[] = ['id', 'name', 'url'];

export const FIELD_ALIASES: Record<FieldKey, readonly string[]> = {
  id: ['网站标识码', '标识码', 'site_id', 'id'],
  name: ['网站名称', '名称', 'name'],
  url: ['首页网址', '网址', '网站地址', '首页地址', 'url'],
  sponsor: ['主办单位', 'sponsor'],
  level: ['网站层级', '层级', '网站级别', 'level'],
  region: ['行政区划代码', '地区代码', '区划代码', 'region'],
  parentId: ['上级网站标识码', '上级标识码', 'parent_id', 'parent'],
  status: ['运行状态', '状态', 'status'],
  render: ['渲染方式', '渲染', 'render'],
};

/** The label people see for a field in messages: the first Chinese alias and the English key. */
export function fieldLabel(key: FieldKey): string {
  return `${FIELD_ALIASES[key][0]} (${key})`;
}

/**
 * Folds the ways one header gets written: full-width forms, case, spaces and line breaks inside
 * a cell, `_`/`-` (site_id, siteId, Site ID), a required-marker `*`, and a trailing note in
 * brackets such as 首页网址（含http://）.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[(\[【][^()\[\]【】]*[)\]】]\s*$/u, '')
    .replace(/[\s_\-*\u200b\ufeff]+/gu, '')
    .toLowerCase();
}

const BY_NORMALISED = new Map<string, FieldKey>(
  (Object.entries(FIELD_ALIASES) as [FieldKey, readonly string[]][]).flatMap(([key, aliases]) =>
    aliases.map((alias) => [normaliseHeader(alias), key] as const),
  ),
);

export function fieldForHeader(header: string): FieldKey | undefined {
  return BY_NORMALISED.get(normaliseHeader(header));
}

export interface ColumnMap {
  /** For each recognised field: its column index and the header as written in the file. */
  columns: Partial<Record<FieldKey, { index: number; header: string }>>;
  missing: FieldKey[];
}

/** When two columns mean the same field, the leftmost wins, as a person reading the sheet would assume. */
export function mapHeaders(headers: readonly string[]): ColumnMap {
  const columns: ColumnMap['columns'] = {};
  headers.forEach((header, index) => {
    const key = fieldForHeader(header);
    if (key && !columns[key]) columns[key] = { index, header: header.trim() };
  });
  return { columns, missing: REQUIRED_FIELDS.filter((key) => !columns[key]) };
}
