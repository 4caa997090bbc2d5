import { describe, expect, it } from 'vitest';
import type { CertificateArtifact, HttpsArtifact, HttpsRequestArtifact, LinkArtifact } from '../../src/model/artifacts.js';
import { https } from '../../src/rules/https.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { AT, ctx, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.parse(AT) + d * DAY + 3_600_000).toISOString();

const answered = (url: string, finalUrl = url, status = 200): HttpsRequestArtifact => ({
  url,
  status,
  finalUrl,
  failure: null,
  error: null,
});
const failed = (url: string, failure: HttpsRequestArtifact['failure'], error = String(failure)): HttpsRequestArtifact => ({
  url,
  status: null,
  finalUrl: url,
  failure,
  error,
});

const cert = (parts: Partial<CertificateArtifact> = {}): CertificateArtifact => ({
  subject: 'x.gov.cn',
  names: ['x.gov.cn', 'www.x.gov.cn'],
  issuer: 'GDCA TrustAUTH R5 CA',
  validFrom: inDays(-200),
  validTo: inDays(165),
  nameMatches: true,
  authorized: true,
  authorizationError: null,
  ...parts,
});

/** A host that does everything right unless told otherwise. */
const measured = (parts: Partial<HttpsArtifact> = {}): HttpsArtifact => ({
  host: 'x.gov.cn',
  checkedAt: AT,
  https: answered('https://x.gov.cn/'),
  http: answered('http://x.gov.cn/', 'https://x.gov.cn/'),
  certificate: cert(),
  tlsFailure: null,
  tlsError: null,
  ...parts,
});

const httpsHome = { url: 'http://x.gov.cn/', finalUrl: 'https://x.gov.cn/', status: 200, fetchedAt: AT, readable: true, error: null };
const link = (target: string, tag: string, onHomepage = true): LinkArtifact => ({
  pageUrl: onHomepage ? 'https://x.gov.cn/' : 'https://x.gov.cn/a.html',
  onHomepage,
  target,
  tag,
  text: null,
  status: 'ok',
  http: 200,
  error: null,
  attempts: 1,
});

ruleTable(https, {
  valid: [
    { name: 'HTTPS served, HTTP redirected, a trusted certificate with 165 days left', artifacts: site({ https: measured() }) },
    {
      name: 'near miss: 30 days left is not under 30',
      artifacts: site({ https: measured({ certificate: cert({ validTo: inDays(30) }) }) }),
    },
    {
      name: 'near miss: no HTTP at all (port 80 closed) is no missing redirect',
      artifacts: site({ https: measured({ http: failed('http://x.gov.cn/', 'refused') }) }),
    },
    {
      name: 'near miss: HTTPS homepage whose resources are https, and an http:// anchor (a link, not a resource)',
      artifacts: site({
        homepage: httpsHome,
        https: measured(),
        links: [link('https://x.gov.cn/logo.png', 'img'), link('http://www.hunan.gov.cn/', 'a')],
      }),
    },
    {
      name: 'near miss: http:// images on another page than the homepage',
      artifacts: site({ homepage: httpsHome, https: measured(), links: [link('http://x.gov.cn/a.png', 'img', false)] }),
    },
    {
      name: 'near miss: an http:// image on a homepage the crawl read over plain HTTP',
      artifacts: site({ https: measured(), links: [link('http://x.gov.cn/a.png', 'img')] }),
    },
  ],
  invalid: [
    {
      name: 'port 443 refused while HTTP answers',
      artifacts: site({ https: measured({ https: failed('https://x.gov.cn/', 'refused'), certificate: null, tlsFailure: 'refused' }) }),
      codes: ['no-https'],
    },
    {
      name: 'https://host/ sends the visitor back to http://',
      artifacts: site({ https: measured({ https: answered('https://x.gov.cn/', 'http://x.gov.cn/') }) }),
      codes: ['no-https'],
    },
    {
      name: 'https://host/ answers 404',
      artifacts: site({ https: measured({ https: answered('https://x.gov.cn/', 'https://x.gov.cn/', 404) }) }),
      codes: ['no-https'],
    },
    {
      name: 'HTTP served as is, no redirect',
      artifacts: site({ https: measured({ http: answered('http://x.gov.cn/') }) }),
      codes: ['no-redirect'],
    },
    {
      name: 'a self-signed certificate',
      artifacts: site({ https: measured({ certificate: cert({ authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }) }),
      codes: ['cert-invalid'],
    },
    {
      name: 'a certificate for another name',
      artifacts: site({
        https: measured({
          certificate: cert({
            names: ['other.gov.cn'],
            nameMatches: false,
            authorized: false,
            authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
          }),
        }),
      }),
      codes: ['cert-invalid'],
    },
    {
      name: 'a certificate that expired the day before `at`, though it verified when measured',
      artifacts: site({ https: measured({ certificate: cert({ validTo: inDays(-1) }) }) }),
      codes: ['cert-invalid'],
    },
    {
      name: 'a trusted certificate with 29 days left',
      artifacts: site({ https: measured({ certificate: cert({ validTo: inDays(29) }) }) }),
      codes: ['cert-expiring'],
    },
    {
      name: 'the warning days are an option',
      artifacts: site({ https: measured({ certificate: cert({ validTo: inDays(50) }) }) }),
      options: { expiringDays: 60 },
      codes: ['cert-expiring'],
    },
    {
      name: 'an http:// script and image on the HTTPS homepage: one notice',
      artifacts: site({
        homepage: httpsHome,
        https: measured(),
        links: [link('http://x.gov.cn/a.js', 'script'), link('http://cdn.example.com/b.png', 'img')],
      }),
      codes: ['mixed-content'],
    },
    {
      name: 'no redirect and an untrusted chain together',
      artifacts: site({
        https: measured({
          http: answered('http://x.gov.cn/'),
          certificate: cert({ authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }),
        }),
      }),
      codes: ['no-redirect', 'cert-invalid'],
    },
  ],
  notChecked: [
    { name: 'never measured', artifacts: site() },
    {
      name: 'a registered URL naming its port: where its HTTPS would be is unknown',
      artifacts: (() => {
        const a = site({ https: measured({ https: failed('https://x.gov.cn/', 'refused') }) });
        return { ...a, site: { ...a.site, url: 'http://x.gov.cn:8080/' } };
      })(),
    },
    {
      name: 'the address guard stopped the checker',
      artifacts: site({ https: measured({ https: failed('https://x.gov.cn/', 'blocked'), http: failed('http://x.gov.cn/', 'blocked') }) }),
    },
    {
      name: "the checker's own network failed",
      artifacts: site({ https: measured({ https: failed('https://x.gov.cn/', 'vantage') }) }),
    },
    {
      name: 'the site is down over both schemes: site-unreachable’s business',
      artifacts: site({
        https: measured({ https: failed('https://x.gov.cn/', 'dns'), http: failed('http://x.gov.cn/', 'dns'), certificate: null }),
      }),
    },
  ],
});

describe('https evidence', () => {
  const run = (a: Parameters<typeof runRule>[1]) => runRule(https, a, https.meta.options.parse({}), ctx);

  it('shows the days to expiry, counted from `at`, and why the certificate fails', () => {
    const r = run(
      site({
        https: measured({
          certificate: cert({ validTo: inDays(12), authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
        }),
      }),
    );
    expect(r.status).toBe('checked');
    const f = r.status === 'checked' ? r.findings[0]! : null;
    expect(f?.evidence.daysToExpiry).toBe(12);
    expect(f?.message).toContain('自签名证书');
    expect(f?.message).toContain('剩余 12 天');
  });

  it('lists the mixed resources with their tags', () => {
    const r = run(site({ homepage: httpsHome, https: measured(), links: [link('http://x.gov.cn/s.css', 'stylesheet')] }));
    const f = r.status === 'checked' ? r.findings[0]! : null;
    expect(f?.evidence).toEqual({ count: 1, targets: [{ target: 'http://x.gov.cn/s.css', tag: 'stylesheet' }] });
  });
});
