/**
 * Spans already edited, for dropping overlapping edits in one pass over many
 * fixes: a sorted array searched by bisection, so checking n fixes costs
 * n log n instead of n².
 */
import type { TextEdit } from '../types';

export class TakenSpans {
  /** Accepted edits, sorted by start then end; non-empty ones never overlap. */
  private readonly spans: TextEdit[] = [];

  /** Whether `e` overlaps an accepted edit, or replaces exactly the same span (two insertions at one point). */
  overlaps(e: TextEdit): boolean {
    const s = this.spans;
    let i = this.firstFrom(e.end);
    if (i < s.length && s[i].start === e.start && s[i].end === e.end) return true;
    // Candidates start before e.end; walk back while one can still reach past e.start.
    for (i--; i >= 0; i--) {
      const t = s[i];
      if ((e.start < t.end && t.start < e.end) || (t.start === e.start && t.end === e.end)) return true;
      if (t.end <= e.start && t.start < t.end) return false;
    }
    return false;
  }

  add(e: TextEdit): void {
    const s = this.spans;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].start < e.start || (s[mid].start === e.start && s[mid].end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    s.splice(lo, 0, e);
  }

  /** All accepted edits, sorted by start. */
  list(): TextEdit[] {
    return this.spans.slice();
  }

  /** Index of the first span starting at or after `at`. */
  private firstFrom(at: number): number {
    const s = this.spans;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
