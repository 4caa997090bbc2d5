// Why a request failed, in the closed set every report counts: probes, the crawl and link checks
// all classify the same errors the same way.
import { BlockedAddressError } from '../../errors.js';
import type { ProbeFailure } from '../../model/artifacts.js';

export function classify(e: unknown): { failure: ProbeFailure; error: string } {
  if (e instanceof BlockedAddressError) return { failure: 'blocked', error: e.message };
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return { failure: 'timeout', error: 'no complete response within the timeout' };
  // node:http puts the code on the error, fetch on its cause.
  const code = err.code ?? err.cause?.code ?? '';
  const detail = `${code} ${err.cause?.message ?? err.message ?? ''}`.trim();
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return { failure: 'dns', error: detail };
  if (code === 'ECONNREFUSED') return { failure: 'refused', error: detail };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return { failure: 'reset', error: detail };
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test(detail)) return { failure: 'tls', error: detail };
  if (/timeout/i.test(code)) return { failure: 'timeout', error: detail };
  return { failure: 'other', error: detail || String(e) };
}
