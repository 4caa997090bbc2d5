// Drawing a check's sample (抽样): stratified by level and region, reproducible from a seed.
// Pure: the same sites, options and seed give the same sample on any machine (no Math.random, no clock).
import { createHash } from 'node:crypto';
import type { Site, SiteLevel } from '../model/site.js';

export interface SampleOptions {
  /** Share of each stratum to draw (rounded up), e.g. 0.3. Ignored when `count` is given. */
  ratio?: number;
  /** Total sites to draw, shared among strata by size (largest remainder). */
  count?: number;
  /** Each stratum gets at least this many (or all it has). */
  minPerStratum: number;
  seed: string;
  /** Region code prefix of the scope, e.g. "43" (a province) or "4301" (a city). */
  region?: string;
  levels?: SiteLevel[];
}

export interface Stratum {
  key: string;
  level: string;
  region: string;
  population: number;
  sampled: number;
}

export interface SampleResult {
  siteIds: string[];
  strata: Stratum[];
  /** Running sites in scope. */
  population: number;
}

/**
 * The region part of a stratum: the region code cut two digits below the scope, so a national check
 * stratifies by province (2 digits), a province check (--region 43) by city (4), a city check by county (6).
 */
export function regionStratum(region: string | null, scope = ''): string {
  if (!region) return 'unknown';
  const digits = Math.min(6, Math.max(2, scope.length + 2));
  return region.slice(0, digits);
}

export function inScope(site: Site, o: Pick<SampleOptions, 'region' | 'levels'>): boolean {
  if (site.status !== 'running') return false;
  if (o.region && !(site.region ?? '').startsWith(o.region)) return false;
  if (o.levels && o.levels.length > 0 && !(site.level && o.levels.includes(site.level))) return false;
  return true;
}

export function drawSample(sites: Site[], o: SampleOptions): SampleResult {
  const groups = new Map<string, Site[]>();
  for (const s of sites.filter((x) => inScope(x, o))) {
    const key = `${s.level ?? 'unknown'}|${regionStratum(s.region, o.region)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const keys = [...groups.keys()].sort();
  const population = keys.reduce((n, k) => n + groups.get(k)!.length, 0);
  const sizes = allocate(
    keys.map((k) => groups.get(k)!.length),
    o,
    population,
  );
  const strata: Stratum[] = [];
  const siteIds: string[] = [];
  keys.forEach((key, i) => {
    const members = [...groups.get(key)!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Each stratum has its own stream, so adding sites to one stratum never changes another's draw.
    const picked = shuffle(members, prng(`${o.seed}|${key}`)).slice(0, sizes[i]);
    siteIds.push(...picked.map((s) => s.id));
    const [level, region] = key.split('|') as [string, string];
    strata.push({ key, level, region, population: members.length, sampled: picked.length });
  });
  return { siteIds: siteIds.sort(), strata, population };
}

/** Sites per stratum: ceil(ratio × size), or `count` shared by size; never below the minimum, never above the size. */
function allocate(sizes: number[], o: SampleOptions, total: number): number[] {
  const floor = (n: number) => Math.min(n, o.minPerStratum);
  if (o.count === undefined) {
    const ratio = o.ratio ?? 0.3;
    // Round before ceil so 0.3 × 10 stays 3 despite floating point.
    return sizes.map((n) => Math.min(n, Math.max(floor(n), Math.ceil(Math.round(ratio * n * 1e9) / 1e9))));
  }
  const want = Math.min(o.count, total);
  const exact = sizes.map((n) => (total > 0 ? (want * n) / total : 0));
  const got = exact.map(Math.floor);
  let left = want - got.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    got[i]!++;
    left--;
  }
  // Minimums win over the total: a stratum the rules say must be seen is seen.
  return got.map((g, i) => Math.min(sizes[i]!, Math.max(g, floor(sizes[i]!))));
}

/** mulberry32 seeded from SHA-256 of the seed text: small, fast, and the same everywhere. */
export function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
