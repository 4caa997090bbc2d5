// The HTTPS check against real servers on 127.0.0.1: a certificate signed by a test CA made here with
// openssl, a self-signed one, an HTTP server that redirects to HTTPS and one that does not, a closed
// port and one that never answers. Test names resolve to loopback through an injected resolver.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, type Resolver } from '../../src/gather/http/address-guard.js';
import { checkHttps, measureHttps } from '../../src/gather/https/https-check.js';
import { https as httpsRule } from '../../src/rules/https.js';
import { upsertSites } from '../../src/store/sites.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx } from '../helpers/artifacts.js';
import { artifactsFor, harness } from '../helpers/store.js';

const GOOD = 'www.good.gov.cn';
const SELF = 'www.self.gov.cn';
const OTHER = 'www.other.gov.cn';
const resolver: Resolver = (host) =>
  host.endsWith('.gov.cn')
    ? Promise.resolve(['127.0.0.1'])
    : Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
const guard = new AddressGuard(true, resolver);

let ca: string;
const servers: (Server | TcpServer)[] = [];
const port = { good: 0, self: 0, redirect: 0, plain: 0, closed: 0, hang: 0 };
let redirectHits = 0;

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

const sockets = new Set<Socket>();

async function listen(s: Server | TcpServer): Promise<number> {
  servers.push(s);
  // Every accepted socket is closed at the end: a server waits for its connections before it closes.
  s.on('connection', (c: Socket) => {
    sockets.add(c);
    c.on('close', () => sockets.delete(c));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-tls-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  // A test CA, and a leaf it signs for GOOD that expires in 20 days.
  openssl(dir, 'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=choucha test CA');
  openssl(dir, 'req', ...ec, '-keyout', 'good.key', '-out', 'good.csr', '-subj', `/CN=${GOOD}`);
  writeFileSync(join(dir, 'good.ext'), `subjectAltName=DNS:${GOOD}\n`);
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'good.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'good.crt',
    '-days',
    '20',
    '-extfile',
    'good.ext',
  );
  // A self-signed certificate for SELF.
  openssl(
    dir,
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'self.key',
    '-out',
    'self.crt',
    '-days',
    '365',
    '-subj',
    `/CN=${SELF}`,
    '-addext',
    `subjectAltName=DNS:${SELF}`,
  );
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  ca = read('ca.crt');

  const ok = (_q: unknown, r: import('node:http').ServerResponse) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end('<html><body>首页</body></html>');
  };
  port.good = await listen(createHttpsServer({ key: read('good.key'), cert: read('good.crt') }, ok));
  port.self = await listen(createHttpsServer({ key: read('self.key'), cert: read('self.crt') }, ok));
  port.redirect = await listen(
    createHttpServer((q, r) => {
      redirectHits++;
      const host = (q.headers.host ?? '').replace(/:\d+$/, '');
      r.writeHead(301, { location: `https://${host}:${port.good}/` });
      r.end();
    }),
  );
  port.plain = await listen(createHttpServer(ok));
  const closed = createTcpServer();
  port.closed = await listen(closed);
  servers.pop();
  await new Promise((r) => closed.close(r));
  // Accepts the connection and never says a word.
  port.hang = await listen(createTcpServer(() => {}));
});

afterAll(async () => {
  for (const c of sockets) c.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const opts = (http: number, https: number, extra: Partial<Parameters<typeof measureHttps>[1]> = {}) => ({
  guard,
  resolver,
  timeoutMs: 2_000,
  ports: { http, https },
  ca: [ca],
  ...extra,
});

describe('measureHttps on real servers', () => {
  it('a host served over HTTPS, redirected from HTTP, with a certificate that chains to the trusted CA', async () => {
    const a = await measureHttps(`http://${GOOD}/`, opts(port.redirect, port.good));
    expect(a.host).toBe(GOOD);
    expect(a.https).toMatchObject({ status: 200, finalUrl: `https://${GOOD}:${port.good}/`, failure: null });
    expect(a.http).toMatchObject({ url: `http://${GOOD}:${port.redirect}/`, status: 200, finalUrl: `https://${GOOD}:${port.good}/` });
    expect(a.certificate).toMatchObject({ subject: GOOD, names: [GOOD], issuer: 'choucha test CA', nameMatches: true, authorized: true });
    expect(a.certificate?.authorizationError).toBeNull();
    const days = (Date.parse(a.certificate!.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThan(21);
  });

  it('near miss: the same certificate without the CA among the trusted roots does not verify', async () => {
    const a = await measureHttps(`http://${GOOD}/`, opts(port.redirect, port.good, { ca: undefined }));
    expect(a.https.status).toBe(200);
    expect(a.certificate).toMatchObject({ nameMatches: true, authorized: false });
    expect(a.certificate?.authorizationError).toMatch(/UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
  });

  it('a certificate for another name: the name does not match, though the chain is trusted', async () => {
    const a = await measureHttps(`http://${OTHER}/`, opts(port.plain, port.good));
    expect(a.certificate).toMatchObject({
      names: [GOOD],
      nameMatches: false,
      authorized: false,
      authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('a self-signed certificate is read, not trusted; plain HTTP stays on HTTP', async () => {
    const a = await measureHttps(`http://${SELF}/`, opts(port.plain, port.self));
    expect(a.https.status).toBe(200);
    expect(a.http).toMatchObject({ status: 200, finalUrl: `http://${SELF}:${port.plain}/` });
    expect(a.certificate).toMatchObject({
      subject: SELF,
      nameMatches: true,
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });

  it('no HTTPS at all: the port refuses, and no certificate was presented', async () => {
    const a = await measureHttps(`http://${SELF}/`, opts(port.plain, port.closed));
    expect(a.https).toMatchObject({ status: null, failure: 'refused' });
    expect(a.certificate).toBeNull();
    expect(a.tlsFailure).toBe('refused');
    expect(a.http.status).toBe(200);
  });

  it('a port that never answers times out within the timeout', async () => {
    const t0 = Date.now();
    const a = await measureHttps(`http://${SELF}/`, opts(port.plain, port.hang, { timeoutMs: 300 }));
    expect(a.https.failure).toBe('timeout');
    expect(a.tlsFailure).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('the address guard refuses loopback without --allow-private: blocked, never connected', async () => {
    const before = redirectHits;
    const a = await measureHttps(`http://${GOOD}/`, opts(port.redirect, port.good, { guard: new AddressGuard(false, resolver) }));
    expect(a.https.failure).toBe('blocked');
    expect(a.http.failure).toBe('blocked');
    expect(a.tlsFailure).toBe('blocked');
    expect(redirectHits).toBe(before);
  });
});

describe('the https stage: stored once per check and site, judged from the store', () => {
  it('measures each sampled site once, resumes without measuring again (unless the checker was blocked), and the rule reads the stored facts', async () => {
    const h = harness(new Date().toISOString());
    try {
      const sites = [
        { id: '4301000001', url: `http://${GOOD}/` },
        { id: '4301000002', url: `http://${SELF}/` },
        // Where its HTTPS would be is anyone's guess: not measured, never connected to.
        { id: '4301000003', url: `http://${SELF}:${port.plain}/` },
      ].map((s) => ({ ...s, name: s.id, sponsor: null, level: null, region: '430100', parentId: null, status: 'running' as const }));
      upsertSites(h.db, sites, 'test', new Date().toISOString());
      h.check = h.ensure();
      // Both hosts' HTTP goes to the redirecting server, their HTTPS to the CA-signed one.
      const stage = { ...opts(port.redirect, port.good), concurrency: 2 };
      // Without --allow-private both are blocked: the checker's failure, so the next run measures them again.
      expect(await checkHttps(h.db, h.check, { ...stage, guard: new AddressGuard(false, resolver) })).toEqual({
        measured: 2,
        skipped: 0,
        portNamed: 1,
      });
      expect(artifactsFor(h, '4301000001').https?.https.failure).toBe('blocked');
      expect(await checkHttps(h.db, h.check, stage)).toEqual({ measured: 2, skipped: 0, portNamed: 1 });
      const hits = redirectHits;
      expect(await checkHttps(h.db, h.check, stage)).toEqual({ measured: 0, skipped: 2, portNamed: 1 });
      expect(redirectHits).toBe(hits);

      const now = { ...ctx, at: new Date().toISOString() };
      const judge = (id: string) => {
        const r = runRule(httpsRule, artifactsFor(h, id), httpsRule.meta.options.parse({}), now);
        return r.status === 'checked' ? r.findings.map((f) => [f.code, f.evidence.daysToExpiry]) : r.status;
      };
      // GOOD: trusted, 19 or 20 days left (a notice); SELF: GOOD's certificate does not name it.
      const good = judge('4301000001');
      expect(good).toEqual([['cert-expiring', expect.any(Number)]]);
      expect((good as [string, number][])[0]![1]).toBeGreaterThanOrEqual(19);
      expect(judge('4301000002')).toEqual([['cert-invalid', expect.any(Number)]]);
      expect(artifactsFor(h, '4301000003').https).toBeNull();
      expect(judge('4301000003')).toBe('not-checked');
    } finally {
      h.close();
    }
  });
});
