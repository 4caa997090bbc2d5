// Registry tests read real files: each test file gets its own temp dir, removed afterwards.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function useTempDir(): { write(name: string, content: string | Uint8Array): Promise<string>; path(name: string): string } {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'choucha-registry-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    path: (name) => join(dir, name),
    async write(name, content) {
      const file = join(dir, name);
      await writeFile(file, content);
      return file;
    },
  };
}

export const BOM = '\ufeff';

export const ZH_HEADER = '网站标识码,网站名称,首页网址,主办单位,网站层级,行政区划代码,上级网站标识码,运行状态';
