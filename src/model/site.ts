// A registered government website: one row of the 全国政府网站基本信息数据库 as choucha keeps it.

export const SITE_LEVELS = [
  'state-council',
  'province-portal',
  'province-dept',
  'prefecture-portal',
  'prefecture-dept',
  'county-portal',
  'county-dept',
  'below-county',
] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

export const SITE_LEVEL_LABELS: Record<SiteLevel, string> = {
  'state-council': '国务院部门',
  'province-portal': '省级门户',
  'province-dept': '省级部门',
  'prefecture-portal': '市级门户',
  'prefecture-dept': '市级部门',
  'county-portal': '县级门户',
  'county-dept': '县级部门',
  'below-county': '县级以下',
};

export const SITE_STATUSES = ['running', 'exception', 'closed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  running: '正常',
  exception: '例外',
  closed: '关停',
};

export interface Site {
  /** 网站标识码: 10 digits, bm + 8 digits, or 2 digits + BM + 6 digits. */
  id: string;
  /** 网站名称 */
  name: string;
  /** 首页网址, absolute http(s) URL as registered. */
  url: string;
  /** 主办单位 */
  sponsor: string | null;
  /** 网站层级 */
  level: SiteLevel | null;
  /** 地区代码 (GB/T 2260, 6 digits) */
  region: string | null;
  /** 上级网站标识码 */
  parentId: string | null;
  /** 运行状态 */
  status: SiteStatus;
  /** Overrides the crawl's --render for this site; null follows the crawl. */
  render?: RenderMode | null;
}

export const RENDER_MODES = ['auto', 'never', 'always'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export const SITE_ID_PATTERN = /^(\d{10}|bm\d{8}|\d{2}BM\d{6})$/;
