// `proofread [FILE…]`: typo and serious-error checks on a draft before it is published. Plain text is
// read one paragraph per line; HTML is read as the page shows it, one text block (paragraph, cell,
// heading) per line. Standard input when no file is given.
import { readFile } from 'node:fs/promises';
import type { Element } from 'domhandler';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { lazyModule } from '../lazy-module.js';
import { decodeHtml } from '../extract/decode.js';
import { textBlocks } from '../extract/text.js';
import { type ProofreadFinding, proofreadLines } from '../rules/utils/proofread.js';
import { loadEdition } from '../verdict/config/edition.js';

// Only HTML drafts need cheerio (~250 ms): loaded for the first.
const cheerio = lazyModule<typeof import('cheerio')>('cheerio');

const RULE_LABELS = { typo: '错别字', 'serious-error': '严重表述错误' } as const;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function looksLikeHtml(name: string, text: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*(<!doctype html|<html|<body|<p[\s>]|<div[\s>])/i.test(text);
}

/** The lines a draft is checked in: its text lines, or for HTML its text blocks. */
export function draftLines(name: string, bytes: Buffer): string[] {
  const text = decodeHtml(bytes, null).text;
  if (!looksLikeHtml(name, text)) return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const $ = cheerio().load(text, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true } });
  $('script, style, noscript, template').remove();
  const root = ($('body').get(0) ?? $.root().get(0)) as unknown as Element;
  return textBlocks(root);
}

function human(name: string | null, lines: string[], f: ProofreadFinding): string {
  const where = `${name ? `${name}:` : ''}${f.line}:${f.start + 1}-${f.end}`;
  const line = lines[f.line - 1] ?? '';
  return `${where}  ${RULE_LABELS[f.rule]}${f.detected ? '（疑似）' : ''}  “${f.wrong}” → “${f.suggestion}”  ${[...line].slice(Math.max(0, f.start - 12), f.end + 12).join('')}\n`;
}

export function registerProofread(program: Command): void {
  program
    .command('proofread')
    .argument('[files...]', 'UTF-8 (or GBK) text, one paragraph per line, or HTML; standard input when none')
    .option(
      '--json',
      'print {"findings": [{line, start, end, wrong, suggestion, rule, detected?}]}; start/end count code points in the line, end exclusive; detected: true for a suspected typo no lexicon lists',
    )
    .option('--edition <name|file>', 'the edition whose lexicons to use', '2019')
    .description('check a draft for typos (错别字) and serious wording errors (严重表述错误) before it is published')
    .action(async (files: string[], o: { json?: boolean; edition: string }) => {
      const lex = loadEdition(o.edition).lexicons;
      const checkers = [lex.serious, lex.typos];
      const inputs: { name: string | null; bytes: Buffer }[] = files.length
        ? await Promise.all(
            files.map(async (f) => ({
              name: f,
              bytes: await readFile(f).catch(() => {
                throw new InputError(`Cannot read ${f}`, 'Give text or HTML files, or pipe the draft to standard input.');
              }),
            })),
          )
        : [{ name: null, bytes: await readStdin() }];
      const many = inputs.length > 1;
      const all: (ProofreadFinding & { file?: string })[] = [];
      let out = '';
      for (const input of inputs) {
        const lines = draftLines(input.name ?? '', input.bytes);
        const found = proofreadLines(lines, checkers);
        for (const f of found) {
          all.push(many ? { file: input.name!, ...f } : f);
          out += human(many || input.name ? input.name : null, lines, f);
        }
      }
      if (o.json) process.stdout.write(`${JSON.stringify({ findings: all }, null, 2)}\n`);
      else process.stdout.write(out || '未发现错别字或严重表述错误。\n');
    });
}
