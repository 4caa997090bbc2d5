// A finding's screenshot: the file the sheet names, checked to be an image and copied beside the
// database, so the evidence outlives the folder (or USB stick) the inspector sent it in.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Parsed } from '../registry/validate.js';

const IMAGES: { ext: string; magic: number[] }[] = [
  { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'gif', magic: [0x47, 0x49, 0x46, 0x38] },
  { ext: 'webp', magic: [0x52, 0x49, 0x46, 0x46] },
];

function imageExt(bytes: Buffer): string | null {
  for (const { ext, magic } of IMAGES) {
    if (magic.every((b, i) => bytes[i] === b) && (ext !== 'webp' || bytes.subarray(8, 12).toString('latin1') === 'WEBP')) return ext;
  }
  return null;
}

/** The path as written, read from the sheet's folder; sheets made on Windows write `截图\1.png`. */
function screenshotFile(given: string, sheet: string): string {
  const path = given.trim();
  if (isAbsolute(path)) return path;
  const asWritten = resolve(dirname(sheet), path);
  return existsSync(asWritten) ? asWritten : resolve(dirname(sheet), path.replaceAll('\\', '/'));
}

/** Checks that the screenshot a row names is an image; `file` is where it was found. */
export function checkScreenshot(given: string, sheet: string): Parsed<{ given: string; file: string; ext: string }> {
  const expected = `a PNG, JPEG, GIF or WebP file, its path relative to the folder of ${basename(sheet)}`;
  if (/^https?:\/\//i.test(given.trim()))
    return { ok: false, expected: `${expected} (an address on the web is not fetched: save the image)` };
  const file = screenshotFile(given, sheet);
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, expected: `${expected}; there is no file ${file}` };
  const ext = imageExt(readFileSync(file));
  if (!ext) return { ok: false, expected: `${expected}; ${file} is not an image` };
  return { ok: true, value: { given: given.trim(), file, ext } };
}

/** Copies a checked screenshot to `storeDir` under its content hash (the same image is kept once); returns the copy's path. */
export function keepScreenshot(shot: { file: string; ext: string }, storeDir: string): string {
  const bytes = readFileSync(shot.file);
  const path = join(storeDir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${shot.ext}`);
  mkdirSync(storeDir, { recursive: true });
  if (!existsSync(path)) writeFileSync(path, bytes);
  return path;
}
