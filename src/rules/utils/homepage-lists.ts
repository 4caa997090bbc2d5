// What "the homepage" is judged on: its blocks of dated items, or, when it is only navigation, its
// first-level columns (2019: 如首页仅为导航页，检查二级页面).
import type { ListArtifact, SiteArtifacts } from '../../model/artifacts.js';

export function homepageLists(a: Pick<SiteArtifacts, 'lists'>): { lists: ListArtifact[]; navOnly: boolean } {
  const blocks = a.lists.filter((l) => l.kind === 'homepage-block' && l.items.length > 0);
  const navOnly = blocks.length === 0;
  return { navOnly, lists: navOnly ? a.lists.filter((l) => l.kind === 'column' && l.level === 1 && l.state === 'items') : blocks };
}
