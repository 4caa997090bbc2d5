// A dependency loaded on first use instead of at start-up. Every command loads the whole CLI: a module
// that only some work needs (cheerio, pinyin-pro, chinese-days: ~0.35 s together) would otherwise be
// paid by every process and every parse worker. Synchronous (require), so the callers stay synchronous.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `id`'s module, required the first time the returned function is called. */
export function lazyModule<T>(id: string): () => T {
  let mod: T | null = null;
  return () => (mod ??= require(id) as T);
}
