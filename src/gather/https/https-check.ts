// The HTTPS check: for each sampled site's homepage host, once per check, whether https://host/ answers,
// whether http://host/ redirects to HTTPS, and the certificate the TLS handshake presents. Certificates
// are read, not trusted (rejectUnauthorized: false), so an untrusted one is recorded with why instead of
// failing the request; whether it verified is `socket.authorized`. Every hop goes through the address
// guard and its pinned lookup, as every other request of choucha does.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { CertificateArtifact, HttpsArtifact, HttpsRequestArtifact, ProbeFailure } from '../../model/artifacts.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { measuredHttpsSites, saveHttpsCheck } from '../../store/https-checks.js';
import type { AddressGuard, Resolver } from '../http/address-guard.js';
import { classify } from '../http/failure.js';
import { pinnedLookup } from '../http/pinned-lookup.js';
import { nextHop } from '../http/redirects.js';
import { USER_AGENT } from '../http/user-agent.js';
import { pendingSites } from '../../store/pending-sites.js';

export interface HttpsCheckOptions {
  guard: AddressGuard;
  /** Each request and the handshake fail past this. */
  timeoutMs: number;
  /** Sites measured at once. */
  concurrency: number;
  /** Name lookup; the guard's when absent (tests inject one). */
  resolver?: Resolver;
  /** Ports asked when the registered URL names none for that scheme: 80 and 443 unless a test says otherwise. */
  ports?: { http: number; https: number };
  /** Roots trusted besides Node's own (tests: a test CA). */
  ca?: string[];
  onSite?: (siteId: string) => void;
}

const DEFAULT_PORTS = { http: 80, https: 443 };

/**
 * A registered URL that names its port (http://host:8080/) says nothing of where the site's HTTPS would
 * be: such a site is not measured, and the rule says so (not-checked). Ports 80 and 443 are no port.
 */
function namesPort(siteUrl: string): boolean {
  return new URL(siteUrl).port !== '';
}

/**
 * Measures every sampled site not measured yet in this check. Returns how many were measured, how many
 * were measured before, and how many register a port and are not measured.
 */
export async function checkHttps(
  db: Db,
  check: Check,
  opts: HttpsCheckOptions,
): Promise<{ measured: number; skipped: number; portNamed: number }> {
  const done = measuredHttpsSites(db, check.id);
  const { sampled, pending } = pendingSites(db, check.id, done);
  const todo = pending.filter((s) => !namesPort(s.url));
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const site = todo[next++]!;
      const a = await measureHttps(site.url, opts);
      saveHttpsCheck(db, check.id, site.id, a);
      opts.onSite?.(site.id);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  return { measured: todo.length, skipped: sampled - pending.length, portNamed: pending.length - todo.length };
}

/** The HTTPS facts of the host of `siteUrl`: one after the other, a polite three connections. */
export async function measureHttps(siteUrl: string, opts: Omit<HttpsCheckOptions, 'concurrency' | 'onSite'>): Promise<HttpsArtifact> {
  const registered = new URL(siteUrl);
  const host = registered.hostname.replace(/^\[|\]$/g, '');
  const ports = opts.ports ?? DEFAULT_PORTS;
  const origin = (scheme: 'http' | 'https') => {
    const u = new URL(`${scheme}://${registered.host}/`);
    // The registered URL's own port stands for its scheme; the other scheme is asked on its usual port.
    u.port = registered.protocol === `${scheme}:` && registered.port ? registered.port : String(ports[scheme]);
    return u.href;
  };
  const checkedAt = new Date().toISOString();
  const https = await follow(origin('https'), opts);
  const http = await follow(origin('http'), opts);
  const tls = await readCertificate(host, Number(new URL(origin('https')).port || 443), opts);
  return { host, checkedAt, https, http, ...tls };
}

/** A GET followed through its redirects, each hop past the guard; the body is not read. */
async function follow(url: string, opts: Pick<HttpsCheckOptions, 'guard' | 'timeoutMs' | 'resolver'>): Promise<HttpsRequestArtifact> {
  const deadline = performance.now() + opts.timeoutMs;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      await opts.guard.check(current);
      const { status, location } = await oneHop(current, opts, deadline);
      const to = nextHop(current, status, location, hop);
      if (!to) return { url, status, finalUrl: current, failure: null, error: null };
      current = to;
    }
  } catch (e) {
    const { failure, error } = classify(e);
    return { url, status: null, finalUrl: current, failure, error };
  }
}

function oneHop(
  url: string,
  opts: Pick<HttpsCheckOptions, 'guard' | 'resolver'>,
  deadline: number,
): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(u, {
      method: 'GET',
      agent: false,
      // The certificate is judged on its own (readCertificate): here only what the server answers counts.
      rejectUnauthorized: false,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,*/*;q=0.8' },
      lookup: pinnedLookup(opts.guard, opts.resolver),
    });
    const timer = setTimeout(() => req.destroy(timeoutError()), Math.max(1, deadline - performance.now()));
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.on('response', (res) => {
      clearTimeout(timer);
      res.destroy();
      resolve({ status: res.statusCode!, location: res.headers.location });
    });
    req.end();
  });
}

/** The certificate presented to a client asking for `host` (SNI), with whether it verified and why not. */
function readCertificate(
  host: string,
  port: number,
  opts: Pick<HttpsCheckOptions, 'guard' | 'timeoutMs' | 'resolver' | 'ca'>,
): Promise<Pick<HttpsArtifact, 'certificate' | 'tlsFailure' | 'tlsError'>> {
  return new Promise((resolve) => {
    const fail = (e: unknown) => {
      const { failure, error } = classify(e);
      resolve({ certificate: null, tlsFailure: failure as ProbeFailure, tlsError: error });
    };
    opts.guard.addresses(host, opts.resolver).then(() => {
      const socket = connect({
        host,
        port,
        // SNI takes a name, never an address.
        ...(isIP(host) ? {} : { servername: host }),
        rejectUnauthorized: false,
        lookup: pinnedLookup(opts.guard, opts.resolver),
        ...(opts.ca ? { ca: opts.ca } : {}),
      });
      const timer = setTimeout(() => socket.destroy(timeoutError()), opts.timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        fail(e);
      });
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        const cert = socket.getPeerCertificate(false);
        const authorizationError = socket.authorizationError ? String(socket.authorizationError) : null;
        socket.destroy();
        if (!cert || Object.keys(cert).length === 0) return fail(new Error('the server presented no certificate'));
        resolve({ certificate: certificateOf(host, cert, socket.authorized, authorizationError), tlsFailure: null, tlsError: null });
      });
    }, fail);
  });
}

function certificateOf(
  host: string,
  cert: PeerCertificate | DetailedPeerCertificate,
  authorized: boolean,
  authorizationError: string | null,
): CertificateArtifact {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));
  const names = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .filter((n) => n.startsWith('DNS:'))
    .map((n) => n.slice(4));
  return {
    subject: first(cert.subject?.CN),
    names,
    issuer: first(cert.issuer?.CN) ?? first(cert.issuer?.O),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    nameMatches: checkServerIdentity(host, cert) === undefined,
    authorized,
    authorizationError,
  };
}

function timeoutError(): Error {
  const err = new Error('no complete response within the timeout');
  err.name = 'TimeoutError';
  return err;
}
