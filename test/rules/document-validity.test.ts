// document-validity: a 规范性文件 list marks validity on its page or on its documents' pages; a list
// whose pages show none fires; one whose documents were not stored, or that was unreadable, is not judged.
import { site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { documentValidity } from '../../src/rules/document-validity.js';
import type { ValidityListArtifact } from '../../src/model/artifacts.js';

function list(listMarks: string[], docMarks: string[][], extra: Partial<ValidityListArtifact> = {}): ValidityListArtifact {
  return {
    name: '规范性文件',
    url: 'http://x.gov.cn/gfxwj/',
    state: 'items',
    listMarks,
    documents: docMarks.map((marks, i) => ({ title: `关于印发某某管理办法的通知${i + 1}`, url: `http://x.gov.cn/gfxwj/${i}.html`, marks })),
    ...extra,
  };
}
const s = (...lists: ValidityListArtifact[]) => site({ documentValidity: lists });

ruleTable(documentValidity, {
  valid: [
    { name: 'no 规范性文件 list', artifacts: s() },
    { name: 'the document’s page shows 有效性：有效', artifacts: s(list([], [['有效性：有效']])) },
    { name: 'the list tags its entries', artifacts: s(list(['关于印发某某办法的通知 [有效] 2026-11-20'], [[]])) },
    { name: 'one of the documents read shows a period', artifacts: s(list([], [[], ['有效期至2031年11月30日']])) },
    { name: 'an empty list is column-empty’s business', artifacts: s(list([], [], { state: 'empty' })) },
    { name: 'a list of another name the edition does not judge', artifacts: s(list([], [[]], { name: '政策解读' })) },
  ],
  invalid: [
    { name: 'neither the list nor the document read marks it', artifacts: s(list([], [[]])), codes: ['unmarked'] },
    {
      name: 'two lists unmarked, one marked',
      artifacts: s(
        list([], [[]]),
        list([], [[], []], { name: '行政规范性文件', url: 'http://x.gov.cn/xzgf/' }),
        list([], [['效力状态 现行有效']], { name: '规范性文件库', url: 'http://x.gov.cn/k/' }),
      ),
      codes: ['unmarked', 'unmarked'],
    },
    {
      name: 'one list unmarked beside one not judged',
      artifacts: s(list([], [[]]), list([], [], { name: '行政规范性文件', url: 'http://x.gov.cn/xzgf/' })),
      codes: ['unmarked'],
    },
  ],
  notChecked: [
    { name: 'no document’s page stored', artifacts: s(list([], [])) },
    { name: 'the list unreadable', artifacts: s(list([], [], { state: 'unreadable' })) },
  ],
});
