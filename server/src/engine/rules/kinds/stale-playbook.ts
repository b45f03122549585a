/**
 * stale-playbook: front matter `expires` before today → one warning on the
 * `expires` entry; otherwise `reviewed` more than `maxReviewAgeDays` (365)
 * before today → one info on the `reviewed` entry. A date the linter cannot
 * read → one info on its entry. `owner` is named in the message so the reader
 * knows who to ask. Today comes from `ctx.today` (the caller's clock); without
 * it nothing is checked.
 */
import type { FrontMatter } from '../../parse/front-matter';
import type { RuleKind } from './kind';
import { fill, num, str } from './units';

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+Z?)?$/;
/** 05/12/2026, 5.12.2026, 12-05-2026: day and month in either order. */
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "5 March 2026", "5th Mar 2026", "March 5, 2026", "Mar 5th 2026". */
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const MONTH_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

/**
 * Days since 1970 of a written date, undefined when it is not one: ISO
 * (`YYYY-MM-DD`, or `YYYY-MM` read as its first day), a month written out in
 * either order, or day and month as numbers in either order. When the numbers
 * could be either (04/05/2026), the later reading is taken: a playbook is
 * never called stale on a guess.
 */
export function dayNumber(value: string): number | undefined {
  const v = value.trim();
  let m = ISO.exec(v);
  if (m) return day(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  m = NUMERIC.exec(v);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const readings = [day(y, b, a), day(y, a, b)].filter((n): n is number => n !== undefined);
    return readings.length ? Math.max(...readings) : undefined;
  }
  m = DAY_MONTH.exec(v);
  if (m) return day(Number(m[3]), monthOf(m[2]), Number(m[1]));
  m = MONTH_DAY.exec(v);
  if (m) return day(Number(m[3]), monthOf(m[1]), Number(m[2]));
  return undefined;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function day(y: number, mo: number, d: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  if (new Date(t).getUTCDate() !== d) return undefined;
  return Math.round(t / DAY);
}

/** "3 days", "1 month", "2 years": the age in the largest unit that fits. */
export function ageText(days: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (days < 60) return plural(days, 'day');
  if (days < 730) return plural(Math.floor(days / 30.44), 'month');
  return plural(Math.floor(days / 365.25), 'year');
}

/** What the rule reads from the model: the dates and owner in front matter, with their ranges. */
function freshnessFields(fm: FrontMatter): { owner?: string; entries: Array<{ key: 'expires' | 'reviewed'; value: string; range: [number, number] }> } {
  const entries: Array<{ key: 'expires' | 'reviewed'; value: string; range: [number, number] }> = [];
  const ranges = fm.keyRanges ?? {};
  const rangeOf = (...keys: string[]) => keys.map((k) => ranges[k]).find(Boolean);
  if (fm.expires) entries.push({ key: 'expires', value: fm.expires, range: rangeOf('expires', 'expiry', 'review_by', 'review-by') ?? [0, 0] });
  if (fm.reviewed) entries.push({ key: 'reviewed', value: fm.reviewed, range: rangeOf('reviewed', 'last_reviewed', 'last-reviewed') ?? [0, 0] });
  return { owner: fm.owner, entries };
}

export const stalePlaybookKind: RuleKind<null> = {
  name: 'stale-playbook',
  reach: 'document', // front matter belongs to the whole file
  compile: () => null,
  check(ctx) {
    if (!ctx.today) return;
    const today = dayNumber(ctx.today);
    if (today === undefined) return;
    const messages = (ctx.options.messages ?? {}) as Record<string, string>;
    const { owner, entries } = freshnessFields(ctx.model.frontMatter);
    const who = owner ? `ask ${owner} to review it` : 'review it';
    const contexts = new Set(['document']);
    for (const e of entries) {
      const day = dayNumber(e.value);
      if (day !== undefined) continue;
      ctx.report({ start: e.range[0], end: e.range[1], severity: 'info', message: fill(str(messages.unreadable, ctx.rule.message), { key: e.key, value: e.value }), contexts });
      return;
    }
    const expires = entries.find((e) => e.key === 'expires');
    if (expires) {
      const day = dayNumber(expires.value)!;
      if (day < today) {
        ctx.report({ start: expires.range[0], end: expires.range[1], message: fill(ctx.rule.message, { date: expires.value, age: ageText(today - day), who }), metrics: { daysExpired: today - day }, contexts });
      }
      return; // a future expiry date is the team's own promise; the review age is not judged then
    }
    const reviewed = entries.find((e) => e.key === 'reviewed');
    const maxAge = num(ctx.options.maxReviewAgeDays, 365);
    if (reviewed && maxAge > 0) {
      const age = today - dayNumber(reviewed.value)!;
      if (age > maxAge) {
        ctx.report({ start: reviewed.range[0], end: reviewed.range[1], severity: 'info', message: fill(str(messages.reviewed, ctx.rule.message), { date: reviewed.value, age: ageText(age), max: ageText(maxAge), who }), metrics: { daysSinceReview: age, limit: maxAge }, contexts });
      }
    }
  },
};

/**
 * Today in the machine's time zone as `YYYY-MM-DD`, for the front ends to pass
 * as `LintOptions.today` (rules themselves never read the clock).
 */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
