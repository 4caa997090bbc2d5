// The words people write for 网站层级 and 运行状态, beyond the labels in site.ts.

import { SITE_LEVELS, SITE_LEVEL_LABELS, SITE_STATUSES, SITE_STATUS_LABELS, type SiteLevel, type SiteStatus } from '../model/site.js';

// Only spellings that differ from a key or a SITE_*_LABELS label after foldLabel.
const LEVEL_VARIANTS: Record<string, SiteLevel> = {
  国务院部门及其内设机构: 'state-council',
  '国务院部门及其内设/垂直管理机构': 'state-council',
  垂直管理机构: 'state-council',
  省级政府门户: 'province-portal',
  省政府门户: 'province-portal',
  省级政府部门: 'province-dept',
  地市级门户: 'prefecture-portal',
  市级政府门户: 'prefecture-portal',
  地市级政府门户: 'prefecture-portal',
  地市级部门: 'prefecture-dept',
  市级政府部门: 'prefecture-dept',
  地市级政府部门: 'prefecture-dept',
  县级政府门户: 'county-portal',
  县级政府部门: 'county-dept',
  乡镇: 'below-county',
};

const STATUS_VARIANTS: Record<string, SiteStatus> = {
  运行: 'running',
  正常运行: 'running',
  运行中: 'running',
  关闭: 'closed',
  已关停: 'closed',
  已关闭: 'closed',
};

// 省级门户网站 and 省级门户 are the same label; so are province_portal and Province-Portal.
function foldLabel(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '').toLowerCase().replace(/_/g, '-').replace(/网站$/u, '');
}

function table<T extends string>(keys: readonly T[], labels: Record<T, string>, variants: Record<string, T>) {
  const byLabel = new Map<string, T>();
  for (const key of keys) {
    byLabel.set(foldLabel(key), key);
    byLabel.set(foldLabel(labels[key]), key);
  }
  for (const [label, key] of Object.entries(variants)) byLabel.set(foldLabel(label), key);
  return byLabel;
}

function choices<T extends string>(keys: readonly T[], labels: Record<T, string>): string {
  return `one of ${keys.map((k) => labels[k]).join(', ')} (or ${keys.join(', ')})`;
}

const LEVELS = table(SITE_LEVELS, SITE_LEVEL_LABELS, LEVEL_VARIANTS);
const STATUSES = table(SITE_STATUSES, SITE_STATUS_LABELS, STATUS_VARIANTS);

export const LEVEL_CHOICES = choices(SITE_LEVELS, SITE_LEVEL_LABELS);
export const STATUS_CHOICES = choices(SITE_STATUSES, SITE_STATUS_LABELS);

export const levelFromLabel = (raw: string): SiteLevel | undefined => LEVELS.get(foldLabel(raw));
export const statusFromLabel = (raw: string): SiteStatus | undefined => STATUSES.get(foldLabel(raw));
