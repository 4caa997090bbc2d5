import { columnEmpty } from '../../src/rules/column-empty.js';
import { column, many, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const fresh = column('工作动态', { items: [1] });

ruleTable(columnEmpty, {
  valid: [
    { name: 'no empty column', artifacts: site({ lists: [fresh, column('通知公告', { items: [400] })] }) },
    {
      name: 'unreadable (script-built) columns are not empty',
      artifacts: site({ lists: [fresh, ...many(4, '栏目', { state: 'unreadable' })] }),
    },
    {
      name: 'parent columns that only list sub-columns are not empty',
      artifacts: site({ lists: [fresh, ...many(6, '政务公开', { state: 'container' })] }),
    },
    {
      name: 'a column whose items all expired is stale, not empty',
      artifacts: site({ lists: [fresh, ...many(6, '人事信息', { items: [900] })] }),
    },
  ],
  invalid: [
    {
      name: '4 empty columns: 4 notices, no veto',
      artifacts: site({ lists: [fresh, ...many(4, '栏目', {})] }),
      codes: Array(4).fill('empty-column'),
    },
    { name: '5 empty columns: veto', artifacts: site({ lists: [fresh, ...many(5, '栏目', {})] }), codes: ['too-many-empty'] },
    {
      name: 'threshold from the edition',
      artifacts: site({ lists: [fresh, ...many(3, '栏目', {})] }),
      options: { vetoCount: 3 },
      codes: ['too-many-empty'],
    },
  ],
  notChecked: [{ name: 'no column read at all', artifacts: site({ lists: [column('x', { state: 'unreadable' })] }) }],
});

ruleTable(columnEmpty, {
  valid: [
    {
      name: 'single-page content columns are neither empty nor unknown',
      artifacts: site({ lists: [fresh, ...many(6, '机构职能', { state: 'page' })] }),
    },
  ],
  invalid: [
    {
      name: '5 empty whatever the unreadable hold',
      artifacts: site({ lists: [fresh, ...many(5, '栏目', {}), ...many(2, 'x', { state: 'unreadable' })] }),
      codes: ['too-many-empty'],
    },
  ],
  notChecked: [
    {
      name: '4 empty + 1 unreadable could be 5',
      artifacts: site({ lists: [fresh, ...many(4, '栏目', {}), column('政策解读', { state: 'unreadable' })] }),
    },
    { name: '6 unreadable columns could all be empty', artifacts: site({ lists: [fresh, ...many(6, '栏目', { state: 'unreadable' })] }) },
  ],
});
