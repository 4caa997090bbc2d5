// HTTPS 与证书: the homepage served over HTTPS, HTTP sent on to HTTPS, a certificate valid for the host,
// trusted and in date (its days to expiry shown, a notice under `expiringDays`), and no page resource
// loaded over plain HTTP from the HTTPS homepage (mixed content). Not in the 2019 indicators: the 通报
// name it, so every kind and point is the edition's [U]. A host the checker could not reach for its own
// reasons (the address guard, its network), or one down over both schemes (site-unreachable's business),
// is not-checked.
import { z } from 'zod';
import type { CertificateArtifact, HttpsRequestArtifact } from '../model/artifacts.js';
import { isCheckerFailure } from '../model/artifacts.js';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';

const TEXT = {
  title: 'HTTPS 与证书',
  noHttps: '首页未提供 HTTPS 访问',
  noRedirect: 'HTTP 未跳转到 HTTPS',
  certInvalid: 'HTTPS 证书无效',
  certExpiring: 'HTTPS 证书即将过期',
  mixed: '首页混合内容（HTTPS 页面加载 HTTP 资源）',
};

const FAILURE: Record<string, string> = {
  refused: '连接被拒绝',
  reset: '连接被重置',
  timeout: '超时无响应',
  tls: 'TLS 握手失败',
  other: '请求失败',
};

const CERT_ERRORS: Record<string, string> = {
  CERT_HAS_EXPIRED: '证书已过期',
  CERT_NOT_YET_VALID: '证书尚未生效',
  DEPTH_ZERO_SELF_SIGNED_CERT: '自签名证书',
  SELF_SIGNED_CERT_IN_CHAIN: '证书链含不受信任的自签名根证书',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '证书链不完整或颁发机构不受信任',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: '证书链不完整或颁发机构不受信任',
  UNABLE_TO_GET_ISSUER_CERT: '证书链不完整或颁发机构不受信任',
  ERR_TLS_CERT_ALTNAME_INVALID: '证书与域名不符',
};

/** Failures that say nothing about the site: the address guard or a firewall, the checker's network. */
const DAY_MS = 86_400_000;

const options = z.object({
  /** A valid certificate with fewer days left than this is a notice. */
  expiringDays: z.number().int().nonnegative().default(30),
  /** Homepage link tags whose http:// targets the browser loads into the page. */
  mixedTags: z.array(z.string()).default(['img', 'script', 'stylesheet', 'frame']),
  maxTargetsListed: z.number().int().positive().default(10),
});

export const https = defineRule({
  meta: {
    id: 'https',
    title: TEXT.title,
    indicator: '2021–2025 年通报 HTTPS 与证书（指标未列明，类型与分值为版本选项 [U]）',
    codes: {
      'no-https': TEXT.noHttps,
      'no-redirect': TEXT.noRedirect,
      'cert-invalid': TEXT.certInvalid,
      'cert-expiring': TEXT.certExpiring,
      'mixed-content': TEXT.mixed,
    },
    requiredArtifacts: ['https', 'homepage', 'links'],
    options,
  },
  run(a, opts, ctx) {
    const port = new URL(a.site.url).port;
    if (port) return { status: 'not-checked', reason: `登记的首页网址指定了端口（:${port}），无法确定其 HTTPS 地址` };
    const h = a.https;
    if (!h) return { status: 'not-checked', reason: 'HTTPS 尚未检测（运行 choucha https 或 run）' };
    const checker = [h.https, h.http].find((r) => isCheckerFailure(r.failure));
    if (checker) return { status: 'not-checked', reason: `HTTPS 检测受检查机或地址限制影响：${checker.error ?? checker.failure}` };
    if (h.https.status === null && h.http.status === null)
      return {
        status: 'not-checked',
        reason: `网站 HTTP 与 HTTPS 均无应答（${h.https.error ?? h.https.failure}），可用性见 site-unreachable`,
      };

    const findings: Finding[] = [];
    const cert = h.certificate;
    const days = cert ? Math.floor((Date.parse(cert.validTo) - Date.parse(ctx.at)) / DAY_MS) : null;
    const certEvidence = cert ? certificateEvidence(cert, days!) : null;
    const base = { rule: 'https' as const, siteId: a.site.id };
    const served = servedOverHttps(h.https);

    if (!served) {
      findings.push({
        ...base,
        code: 'no-https',
        url: h.https.url,
        message: `首页不能通过 HTTPS 访问（${whyNot(h.https)}）`,
        evidence: { https: h.https, http: h.http, certificate: certEvidence, checkedAt: h.checkedAt },
      });
    } else if (h.http.status !== null && !h.http.finalUrl?.startsWith('https:')) {
      findings.push({
        ...base,
        code: 'no-redirect',
        url: h.http.url,
        message: `HTTP 访问未跳转到 HTTPS（${h.http.url} 最终停在 ${h.http.finalUrl}，HTTP ${h.http.status}）`,
        evidence: { http: h.http, checkedAt: h.checkedAt },
      });
    }

    if (cert) {
      const problem = certProblem(cert, days!);
      if (problem) {
        findings.push({
          ...base,
          code: 'cert-invalid',
          url: h.https.url,
          message: `${h.host} 的 HTTPS 证书无效：${problem}（有效期至 ${cert.validTo.slice(0, 10)}，${expiryText(days!)}）`,
          evidence: { ...certEvidence, checkedAt: h.checkedAt },
        });
      } else if (days! < opts.expiringDays) {
        findings.push({
          ...base,
          code: 'cert-expiring',
          url: h.https.url,
          message: `${h.host} 的 HTTPS 证书将于 ${days} 天后过期（${cert.validTo.slice(0, 10)}）`,
          evidence: { ...certEvidence, checkedAt: h.checkedAt },
        });
      }
    }

    const mixed = mixedContent(a.homepage?.finalUrl ?? null, a.links, opts.mixedTags);
    if (mixed.length > 0) {
      findings.push({
        ...base,
        code: 'mixed-content',
        url: a.homepage!.finalUrl,
        message: `HTTPS 首页通过 HTTP 加载 ${mixed.length} 个资源（如 ${mixed[0]!.target}）`,
        evidence: {
          count: mixed.length,
          targets: mixed.slice(0, opts.maxTargetsListed).map((l) => ({ target: l.target, tag: l.tag })),
        },
      });
    }
    return { status: 'checked', findings };
  },
});

/** https://host/ answered, ended on HTTPS (not sent back to HTTP), with no error status. */
function servedOverHttps(r: HttpsRequestArtifact): boolean {
  return r.status !== null && r.status < 400 && (r.finalUrl ?? '').startsWith('https:');
}

function whyNot(r: HttpsRequestArtifact): string {
  if (r.status === null) return FAILURE[r.failure ?? 'other'] ?? r.error ?? '请求失败';
  if (!(r.finalUrl ?? '').startsWith('https:')) return `跳转回 HTTP：${r.finalUrl}`;
  return `HTTP ${r.status}`;
}

/** Why the certificate fails, in a reader's words; null when it is trusted, for the host and in date at `at`. */
function certProblem(c: CertificateArtifact, days: number): string | null {
  const why: string[] = [];
  if (!c.nameMatches)
    why.push(`${CERT_ERRORS.ERR_TLS_CERT_ALTNAME_INVALID}（证书名称：${[c.subject, ...c.names].filter(Boolean).join('、')}）`);
  if (days < 0) why.push(CERT_ERRORS.CERT_HAS_EXPIRED!);
  // The name and the dates are said above; the chain's own failure is said once more only when it is another.
  const code = c.authorizationError ?? '';
  if (!c.authorized && code !== 'ERR_TLS_CERT_ALTNAME_INVALID' && !(code === 'CERT_HAS_EXPIRED' && days < 0))
    why.push(CERT_ERRORS[code] ?? `证书未通过验证（${code || '原因不明'}）`);
  return why.length > 0 ? why.join('；') : null;
}

function expiryText(days: number): string {
  return days < 0 ? `已过期 ${-days} 天` : `剩余 ${days} 天`;
}

function certificateEvidence(c: CertificateArtifact, days: number): Record<string, unknown> {
  return {
    subject: c.subject,
    names: c.names,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validTo: c.validTo,
    daysToExpiry: days,
    nameMatches: c.nameMatches,
    authorized: c.authorized,
    authorizationError: c.authorizationError,
  };
}

/** The homepage's resources loaded over plain HTTP, when the homepage itself was served over HTTPS. */
function mixedContent(homepageUrl: string | null, links: { onHomepage: boolean; tag: string; target: string }[], tags: string[]) {
  if (!homepageUrl?.startsWith('https:')) return [];
  return links.filter((l) => l.onHomepage && tags.includes(l.tag) && l.target.startsWith('http:'));
}
