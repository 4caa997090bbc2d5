import { columnStale } from '../../src/rules/column-stale.js';
import { column, many, opened, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(columnStale, {
  valid: [
    { name: 'news columns updated within 14 days (14 is inside)', artifacts: site({ lists: many(6, '工作动态', { items: [14] }) }) },
    { name: 'first-level notice updated within 6 months', artifacts: site({ lists: many(6, '通知公告', { items: [150] }) }) },
    {
      name: 'second-level notice columns are not counted in 2019',
      artifacts: site({ lists: many(6, '通知公告', { level: 2, items: [300] }) }),
    },
    {
      name: 'notice columns of unknown level are not counted',
      artifacts: site({ lists: many(6, '政策文件', { level: null, items: [300] }) }),
    },
    {
      name: 'unclassified columns never count',
      artifacts: site({ lists: [...many(6, '机构概况', { items: [900] }), ...many(3, '政策解读', { items: [900] })] }),
    },
    { name: 'personnel columns within a year', artifacts: site({ lists: many(12, '人事信息', { items: [300] }) }) },
    {
      name: 'a few unreadable columns are not judged',
      artifacts: site({ lists: [column('工作动态', { items: [1] }), ...many(4, '工作动态', { state: 'unreadable' })] }),
    },
  ],
  invalid: [
    {
      name: '5 news columns stale: veto',
      artifacts: site({ lists: many(5, '工作动态', { level: 2, items: [15] }) }),
      codes: ['too-many-stale'],
    },
    {
      name: 'news and first-level notice columns add up',
      artifacts: site({ lists: [...many(3, '部门动态', { level: 2, items: [20] }), ...many(2, '通知公告', { items: [200] })] }),
      codes: ['too-many-stale'],
    },
    {
      name: '4 stale: per-column findings, first-level is a deduction',
      artifacts: site({ lists: [...many(2, '工作动态', { level: 1, items: [15] }), ...many(2, '工作动态', { level: 2, items: [15] })] }),
      codes: ['stale-first-level', 'stale-first-level', 'stale-column', 'stale-column'],
    },
    {
      name: 'undated news list counts as not updated',
      artifacts: site({ lists: [opened(column('要闻', { level: 2, items: [null] }))] }),
      codes: ['stale-column'],
    },
    {
      name: '10 long-stale counting empty columns: veto',
      artifacts: site({ lists: [...many(6, '人事信息', { level: 2, items: [400] }), ...many(4, '栏目', {})] }),
      codes: ['too-many-long-stale'],
    },
    {
      name: '9 long-stale is below the second counter',
      artifacts: site({ lists: [...many(5, '规划计划', { level: 2, items: [400] }), ...many(4, '栏目', {})] }),
      codes: Array(5).fill('stale-column'),
    },
    {
      name: '2015 edition counts notice columns at any level',
      artifacts: site({ lists: many(5, '通知公告', { level: 2, items: [200] }) }),
      options: { noticeFirstLevelOnly: false },
      codes: ['too-many-stale'],
    },
  ],
  notChecked: [{ name: 'no column read', artifacts: site({ lists: [] }) }],
});

ruleTable(columnStale, {
  valid: [
    {
      name: 'an undated news list whose items’ pages show fresh dates',
      artifacts: site({ lists: [opened(column('工作动态', { level: 2, items: [null, null] }), [3, 5])] }),
    },
    {
      name: 'unreadable columns with unclassified names cannot tip the count',
      artifacts: site({ lists: [column('要闻', { items: [1] }), ...many(6, '机构概况', { state: 'unreadable' })] }),
      options: { countEmptyInLong: false },
    },
  ],
  invalid: [
    {
      name: 'unreadable columns that cannot tip the count: the known ones stand',
      artifacts: site({ lists: [...many(2, '工作动态', { level: 2, items: [20] }), ...many(2, '部门动态', { state: 'unreadable' })] }),
      codes: ['stale-column', 'stale-column'],
    },
    {
      name: 'known stale already at the count: veto whatever the unreadable hold',
      artifacts: site({ lists: [...many(5, '工作动态', { level: 2, items: [20] }), ...many(3, '部门动态', { state: 'unreadable' })] }),
      codes: ['too-many-stale'],
    },
  ],
  notChecked: [
    {
      name: '4 stale + an undated news column whose items’ pages were not read could reach 5',
      artifacts: site({
        lists: [...many(4, '工作动态', { level: 2, items: [20] }), column('部门动态', { level: 2, items: [null, null] })],
      }),
    },
    {
      name: '3 stale + 2 unreadable news columns could reach 5',
      artifacts: site({ lists: [...many(3, '工作动态', { level: 2, items: [20] }), ...many(2, '部门动态', { state: 'unreadable' })] }),
    },
    {
      name: 'a fresh column beside 6 unreadable news columns',
      artifacts: site({ lists: [column('工作动态', { items: [1] }), ...many(6, '工作动态', { state: 'unreadable' })] }),
    },
    {
      name: '8 long-stale/empty + 2 unreadable could reach 10',
      artifacts: site({
        lists: [...many(5, '人事信息', { level: 2, items: [400] }), ...many(3, '栏目', {}), ...many(2, '专栏', { state: 'unreadable' })],
      }),
    },
  ],
});
