// One letter's own page (信件详情): the day it was written, the day it was answered, and its status.
// Lists often show only a title, a date and 已回复; the reply date is on this page.
import type { Day } from '../model/day.js';
import { ASKED_LABEL, labelledDate, REPLIED_LABEL } from './board.js';
import { STATUS_WORDS } from '../model/reply-state.js';

export interface Letter {
  askedOn: Day | null;
  repliedOn: Day | null;
  /** The status word the page shows (办理状态：已办结), or a phrase saying there is no reply yet (暂无回复). */
  status: string | null;
}

const STATUS_LABEL = /(办理|处理|回复|答复|信件|留言)?状态\s*[:：]?\s*/g;

export function readLetter(text: string, atDay: Day): Letter | null {
  const askedOn = labelledDate(text, ASKED_LABEL, atDay);
  const repliedOn = labelledDate(text, REPLIED_LABEL, atDay);
  let status: string | null = null;
  for (const m of text.matchAll(STATUS_LABEL)) {
    const word = STATUS_WORDS.exec(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8));
    if (word && word.index <= 1) {
      status = word[0];
      break;
    }
  }
  // Without a labelled status, a "no reply yet" phrase is the status; a bare 已回复 elsewhere is not trusted.
  status ??= /暂无回复|尚未回复|暂未回复|暂未答复|等待回复|正在办理中?|正在处理中?/.exec(text)?.[0] ?? null;
  if (!askedOn && !repliedOn && !status) return null;
  return { askedOn, repliedOn, status };
}
