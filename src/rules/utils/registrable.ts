// The registrable domain of a host: what one office registers and controls. www.x.gov.cn and x.gov.cn
// are one site moving between its own names, not a site that now leads elsewhere.
import { isIP } from 'node:net';

/** Second-level suffixes under .cn that are registered below, like gov.cn. */
const CN_SECOND_LEVEL = new Set(['gov', 'com', 'net', 'org', 'edu', 'ac', 'mil']);

export function registrableDomain(host: string): string {
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isIP(h)) return h;
  const labels = h.split('.');
  if (labels.length >= 3 && labels.at(-1) === 'cn' && CN_SECOND_LEVEL.has(labels.at(-2)!)) return labels.slice(-3).join('.');
  return labels.slice(-2).join('.');
}

export function isGovCn(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'gov.cn' || h.endsWith('.gov.cn');
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
