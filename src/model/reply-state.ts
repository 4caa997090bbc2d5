// What a board's status word says about a letter: the words the board reader and the interaction
// rules agree on.

// Pending words first: 未办结 contains 办结, 已受理 and 已转办 are not answers.
const PENDING =
  /未回复|待回复|未答复|待答复|暂未答复|暂未回复|尚未回复|暂无回复|等待回复|未办结|未处理|未办理|待办理|待处理|办理中|处理中|正在办理|正在处理|已受理|待受理|受理中|已转办|转办中|待审核|审核中|交办中/;
const ANSWERED = /已回复|已答复|已办结|已处理|已反馈|已解答|已回应|办结|已完成/;
export const STATUS_WORDS = new RegExp(`${PENDING.source}|${ANSWERED.source}`);

export type ReplyState = 'answered' | 'pending';

/** What a status word says about the reply; null when it says nothing either way (已公开, an icon…). */
export function replyState(status: string | null): ReplyState | null {
  if (!status) return null;
  if (PENDING.test(status)) return 'pending';
  return ANSWERED.test(status) ? 'answered' : null;
}
