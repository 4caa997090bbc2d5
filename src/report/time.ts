// Times as the people who read the reports live them: China Standard Time (+08:00). report.json
// keeps ISO 8601 with the offset written out; the human reports show "2026-12-07 13:19:31".
const CST_OFFSET_MS = 8 * 3_600_000;

// An instant as the gather stage and the rules write it: ISO 8601 with Z or an offset.
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;
const WHOLE_INSTANT = new RegExp(`^${INSTANT.source}$`);

/** The wall-clock fields of `ms` in CST: "2026-12-07T13:19:31.250". */
function cstFields(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 23);
}

/** An instant rewritten as ISO 8601 with +08:00 ("2026-12-07T13:19:31+08:00"); milliseconds kept only when there are some. */
export function cstIso(instant: string): string {
  if (!isInstant(instant)) return instant;
  const fields = cstFields(Date.parse(instant));
  return `${fields.endsWith('.000') ? fields.slice(0, 19) : fields}+08:00`;
}

/** "2026-12-07 13:19:31", the form a person reads; text that is not an instant is returned as it is. */
export function cstText(instant: string): string {
  return isInstant(instant) ? cstFields(Date.parse(instant)).slice(0, 19).replace('T', ' ') : instant;
}

/** "2026年12月7日", the date as an official document writes it, of an instant or of a day ("2026-12-07"). */
export function cstDateText(instantOrDay: string): string {
  const day = isInstant(instantOrDay) ? cstFields(Date.parse(instantOrDay)).slice(0, 10) : instantOrDay;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : instantOrDay;
}

/** Every instant inside a sentence (a rule's message quoting a probe's time) shown as `cstText`. */
export function cstTextIn(text: string): string {
  return text.replace(INSTANT, (m) => cstText(m));
}

/** Every instant inside a sentence rewritten with +08:00, for report.json's messages. */
export function cstIsoIn(text: string): string {
  return text.replace(INSTANT, (m) => cstIso(m));
}

export function isInstant(text: string): boolean {
  return WHOLE_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * A copy of `value` with every string that is wholly an instant rewritten with +08:00, at any depth:
 * a rule's evidence holds instants under keys of its own choosing. Other strings, URLs among them,
 * are left exactly as they were.
 */
export function withCstInstants<T>(value: T): T {
  if (typeof value === 'string') return (isInstant(value) ? cstIso(value) : value) as T;
  if (Array.isArray(value)) return value.map(withCstInstants) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withCstInstants(v)])) as T;
  }
  return value;
}
