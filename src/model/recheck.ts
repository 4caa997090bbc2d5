// What a re-check fetched for one evidence URL: gather/recheck fetches, verdict/recheck decides.
import type { Identity } from './artifacts.js';

export interface Fetched {
  url: string;
  /** HTTP status, or null when nothing came back. */
  status: number | null;
  error: string | null;
  /** The page's text blocks and footer identity, when it was an HTML page read. */
  text: string | null;
  identity: Identity | null;
  /** The newest item date (YYYY-MM-DD) in the page's lists, no later than the fetch day; null when none is dated. */
  newestDate: string | null;
}
