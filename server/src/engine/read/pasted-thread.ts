/**
 * A thread pasted as it is, message after message under "From:" headers (an
 * export from a mail client): whose words each message is.
 */
import type { Turn, Unit } from './model';
import type { Voice } from './voice';

/** An email header line of a pasted thread: "From: Tom Achebe <tom@…>", "To: Jess", "Date: Mon 3 Feb". */
const HEADER_LINE = /^\s*(from|to|cc|bcc|date|sent)\s*:\s*(.*)$/i;

/**
 * A thread pasted as it is, message after message under "From:" headers: the
 * first message's sender is the rep and its recipient the buyer. A later
 * message from someone else is the buyer's (or a colleague's) words, and one
 * the rep sends to someone other than the buyer is an internal note. The header
 * lines themselves are not speech.
 */
export class PastedThread {
  private rep?: string;
  private buyer?: string;
  private author?: string;
  private recipient?: string;

  /** Reads the headers when `unit` is a header block (it opens with "From:"). */
  enter(unit: Unit): void {
    if (!/^\s*from\s*:/i.test(unit.text)) return;
    const fields = new Map<string, string>();
    for (const line of unit.text.split('\n')) {
      const m = HEADER_LINE.exec(line);
      if (m) fields.set(m[1].toLowerCase(), personOf(m[2]));
    }
    this.author = fields.get('from');
    this.recipient = fields.get('to');
    this.rep ??= this.author;
    this.buyer ??= this.recipient;
  }

  /** Whose words the turn is, when the thread's headers say so; undefined outside a pasted thread. */
  markerFor(t: Turn): Marker | undefined {
    if (!this.rep || !this.author) return undefined;
    const text = t.unit.text;
    if (HEADER_LINE.test(text.slice(text.lastIndexOf('\n', t.a - 1) + 1, t.b))) return { voice: 'guidance', cue: 'an email header' };
    if (this.author !== this.rep) return { voice: 'buyer', cue: 'written by the other side of the thread (its “From:” line)' };
    if (this.recipient && this.buyer && this.recipient !== this.buyer) return { voice: 'guidance', cue: 'an email to a colleague, not to the buyer (its “To:” line)' };
    return undefined;
  }
}

export interface Marker {
  voice: Voice;
  cue: string;
}

/** The first name in a header field, lower-cased: "Hollie Marsh <hollie@x.co>" → "hollie". */
function personOf(field: string): string {
  return field.replace(/<[^>]*>|\uFFFC/g, ' ').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}
