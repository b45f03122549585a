/**
 * A thread pasted as it is, message after message under "From:" headers (an
 * export from a mail client): whose words each message is.
 */
import type { Turn, Unit } from './model';
import { overrule } from './verdict';

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

  read(unit: Unit): void {
    if (/^\s*from\s*:/i.test(unit.text)) {
      const fields = new Map<string, string>();
      for (const line of unit.text.split('\n')) {
        const m = HEADER_LINE.exec(line);
        if (m) fields.set(m[1].toLowerCase(), personOf(m[2]));
      }
      this.author = fields.get('from');
      this.recipient = fields.get('to');
      this.rep ??= this.author;
      this.buyer ??= this.recipient;
      for (const t of unit.turns) {
        if (HEADER_LINE.test(unit.text.slice(unit.text.lastIndexOf('\n', t.a - 1) + 1, t.b))) overrule(t, 'guidance', 'an email header');
        else this.judge(t);
      }
      return;
    }
    for (const t of unit.turns) this.judge(t);
  }

  private judge(t: Turn): void {
    if (!this.rep || !this.author) return;
    if (this.author !== this.rep) overrule(t, 'buyer', 'written by the other side of the thread (its “From:” line)');
    else if (this.recipient && this.buyer && this.recipient !== this.buyer) overrule(t, 'guidance', 'an email to a colleague, not to the buyer (its “To:” line)');
  }
}

/** The first name in a header field, lower-cased: "Hollie Marsh <hollie@x.co>" → "hollie". */
function personOf(field: string): string {
  return field.replace(/<[^>]*>|\uFFFC/g, ' ').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}
