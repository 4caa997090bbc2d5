// The attachments job: for each sampled site, once per check, the attachments of its own linked from its
// crawled pages (candidates.ts) are downloaded (download.ts) and read to rows on a worker thread
// (extract-pool.ts), and stored with their rows or why they were not read. Polite: one request at a
// time per host with a pause between, a cap on files per site, on bytes per file and on time per file.
// A resumed run skips the sites done and, within a site, the files stored.
import type { AttachmentArtifact } from '../../model/artifacts.js';
import type { AttachmentLimits } from '../../extract/attachment/read.js';
import {
  linksInFoundOrder,
  markAttachmentsScanned,
  saveAttachment,
  scannedAttachmentSites,
  storedAttachmentUrls,
} from '../../store/attachments.js';
import { type Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import type { AddressGuard } from '../http/address-guard.js';
import { runPerHost } from '../http/host-lanes.js';
import { attachmentLinks } from './candidates.js';
import { download } from './download.js';
import { extractPool } from './extract-pool.js';
import { pendingSites } from '../../store/pending-sites.js';

export interface AttachmentCheckOptions {
  guard: AddressGuard;
  /** Files fetched per site at most: lists of people first. */
  maxPerSite: number;
  /** Bytes of one file at most. */
  maxBytes: number;
  /** One file's download fails past this. */
  downloadTimeoutMs: number;
  /** Reading one file fails past this. */
  readTimeoutMs: number;
  /** The zip and row caps a file is read under. */
  limits: AttachmentLimits;
  /** Sites at once (each site's host one request at a time). */
  concurrency: number;
  /** Pause between two requests to one site. */
  delayMs: number;
  onSite?: (siteId: string, read: number, notRead: number) => void;
}

export const ATTACHMENT_DEFAULTS = {
  maxPerSite: 20,
  maxBytes: 20_000_000,
  downloadTimeoutMs: 60_000,
  readTimeoutMs: 60_000,
  limits: { maxEntries: 2_000, maxUnzippedBytes: 100_000_000, maxRows: 50_000, maxChars: 5_000_000 },
  concurrency: 4,
  delayMs: 1_000,
} satisfies Omit<AttachmentCheckOptions, 'guard' | 'onSite'>;

/** A worker's heap: a 100 MB unpacked workbook streams through it; a DOM or a PDF past it ends the worker, not the check. */
const READ_HEAP_MB = 384;

export async function checkAttachments(
  db: Db,
  check: Check,
  o: AttachmentCheckOptions,
): Promise<{ sites: number; skipped: number; read: number; notRead: number; omitted: number }> {
  const done = scannedAttachmentSites(db, check.id);
  const { sampled, pending: todo } = pendingSites(db, check.id, done);
  const totals = { sites: todo.length, skipped: sampled - todo.length, read: 0, notRead: 0, omitted: 0 };
  if (todo.length === 0) return totals;
  const pool = extractPool({ limits: o.limits, timeoutMs: o.readTimeoutMs, heapMb: READ_HEAP_MB });
  try {
    await runPerHost(
      todo,
      (s) => new URL(s.url).host,
      { concurrency: o.concurrency, perHost: 1 },
      async (site) => {
        const { chosen, found } = attachmentLinks(site.url, linksInFoundOrder(db, check.id, site.id), o.maxPerSite);
        const stored = storedAttachmentUrls(db, check.id, site.id);
        let read = 0;
        let notRead = 0;
        let first = true;
        for (const link of chosen) {
          if (stored.has(link.url)) continue;
          if (!first) await new Promise((r) => setTimeout(r, o.delayMs));
          first = false;
          const got = await download(link.url, { guard: o.guard, timeoutMs: o.downloadTimeoutMs, maxBytes: o.maxBytes });
          const base = { url: link.url, foundOn: link.foundOn, linkText: link.linkText };
          let a: AttachmentArtifact;
          if (!got.ok) a = { ...base, format: null, state: 'not-read', reason: got.reason, bytes: got.bytes, rows: [] };
          else {
            const r = await pool.read(got.bytes, link.format);
            a =
              r.state === 'read'
                ? { ...base, format: r.format, state: 'read', reason: r.reason, bytes: got.bytes.length, rows: r.rows }
                : { ...base, format: r.format, state: 'not-read', reason: r.reason, bytes: got.bytes.length, rows: [] };
          }
          saveAttachment(db, check.id, site.id, a, new Date().toISOString());
          if (a.state === 'read') read++;
          else notRead++;
        }
        const omitted = found - chosen.length;
        markAttachmentsScanned(db, check.id, site.id, found, omitted, new Date().toISOString());
        totals.read += read;
        totals.notRead += notRead;
        totals.omitted += omitted;
        o.onSite?.(site.id, read, notRead);
      },
    );
  } finally {
    await pool.close();
  }
  return totals;
}
