// The 通报 draft as a Word file, laid out the way 党政机关公文格式 (GB/T 9704-2012) lays one out: A4,
// title in 小标宋 二号, body in 仿宋 三号 on a fixed 28-point line, headings in 黑体 and 楷体, page
// numbers "— 1 —", and the 不合格网站名单 as an attachment on landscape pages of its own.
// Font names are those Word and WPS know; a machine without one substitutes its own.
import type { Paragraph as DocxParagraph, Table as DocxTable } from 'docx';
import type { Report } from '../model/report.js';
import { chineseNumber, type Tongbao, tongbao } from './tongbao.js';

const FONT = { title: '方正小标宋简体', body: '仿宋', heading: '黑体', subheading: '楷体', page: '宋体' };
// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const SIZE = { title: 44, body: 32, page: 28, table: 21 };
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt, in twentieths of a point
const INDENT = 640; // two characters of 三号 (2 × 16 pt), in twentieths of a point

export async function renderDocx(report: Report): Promise<Buffer> {
  // docx is loaded when a 通报 is written, not at every start of the CLI (~1 MB of code).
  const docx = await import('docx');
  const { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun } = docx;
  const t: Tongbao = tongbao(report);

  const run = (text: string, font: string, size: number) => new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font } });
  // Justified, as body text is; paragraphs quoting URLs are left-aligned, or a long URL stretches the line around it.
  const body = (text: string, runs: InstanceType<typeof TextRun>[] = []) =>
    new Paragraph({
      spacing: LINE,
      indent: { firstLine: INDENT },
      alignment: /https?:\/\//.test(text) ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
      children: [...runs, run(text, FONT.body, SIZE.body)],
    });
  // A heading stays with the paragraph after it: never alone at the foot of a page.
  const heading = (text: string) =>
    new Paragraph({ spacing: LINE, indent: { firstLine: INDENT }, keepNext: true, children: [run(text, FONT.heading, SIZE.body)] });
  const blank = () => new Paragraph({ spacing: LINE, children: [] });

  const problems: DocxParagraph[] =
    t.problems.length === 0
      ? [body('本次抽查未发现构成单项否决或扣分的问题。')]
      : t.problems.map((k, i) => body(k.text, [run(`（${chineseNumber(i + 1)}）${k.title}。`, FONT.subheading, SIZE.body)]));

  const requirements = t.requirements.map((r, i) =>
    body(r.text, [run(`（${chineseNumber(i + 1)}）${r.heading}`, FONT.subheading, SIZE.body)]),
  );

  const main: (DocxParagraph | DocxTable)[] = [
    ...t.titleLines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: 'exact' },
          children: [run(line, FONT.title, SIZE.title)],
        }),
    ),
    blank(),
    new Paragraph({ spacing: LINE, children: [run(t.addressee, FONT.body, SIZE.body)] }),
    body(t.opening),
    heading('一、总体情况'),
    ...t.overall.map((p) => body(p)),
    heading('二、存在的主要问题'),
    ...problems,
    heading('三、下一步工作要求'),
    ...requirements,
    blank(),
    body(t.attachmentLine),
    blank(),
    new Paragraph({
      spacing: LINE,
      alignment: AlignmentType.RIGHT,
      indent: { right: INDENT * 2 },
      children: [run(t.signature, FONT.body, SIZE.body)],
    }),
    new Paragraph({
      spacing: LINE,
      alignment: AlignmentType.RIGHT,
      indent: { right: INDENT * 2 },
      children: [run(t.date, FONT.body, SIZE.body)],
    }),
  ];

  // Fixed widths in twips (Word, WPS and LibreOffice all honour them; percentages each read their own way):
  // shares of the landscape text width, 297 − 28 − 26 mm, for 序号 地区 网站名称 网址 网站标识码 主办单位 问题.
  const textWidth = Math.round(((297 - 28 - 26) / 25.4) * 1440);
  const widths = [5, 12, 15, 18, 13, 12, 25].map((share) => Math.floor((textWidth * share) / 100));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: 'dxa' },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      verticalAlign: 'center',
      children: [
        new Paragraph({
          alignment: header || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? FONT.heading : FONT.body, SIZE.table)],
        }),
      ],
    });
  const a = t.attachment;
  const rows =
    a.rows.length > 0
      ? a.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) }))
      : [
          new TableRow({
            children: [
              new TableCell({
                columnSpan: a.header.length,
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(a.empty, FONT.body, SIZE.table)] })],
              }),
            ],
          }),
        ];
  const attachment: (DocxParagraph | DocxTable)[] = [
    new Paragraph({ spacing: LINE, children: [run('附件', FONT.heading, SIZE.body)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact' },
      children: [run(a.title, FONT.title, SIZE.title)],
    }),
    new Table({
      width: { size: widths.reduce((x, y) => x + y), type: 'dxa' },
      columnWidths: widths,
      layout: 'fixed',
      rows: [new TableRow({ tableHeader: true, children: a.header.map((text, i) => cell(text, i, true)) }), ...rows],
    }),
  ];

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.page, font: { ascii: FONT.page, eastAsia: FONT.page } }),
        ],
      }),
    ],
  });
  const a4 = { width: '210mm', height: '297mm' } as const;
  const margin = { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' } as const;
  const doc = new Document({
    creator: 'choucha',
    title: t.title,
    styles: { default: { document: { run: { font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body }, size: SIZE.body } } } },
    sections: [
      { properties: { page: { size: a4, margin } }, footers: { default: footer }, children: main },
      {
        properties: {
          page: {
            size: { ...a4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: '26mm', bottom: '26mm', left: '28mm', right: '26mm' },
          },
        },
        footers: { default: footer },
        children: attachment,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
