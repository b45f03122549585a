/**
 * Bare URLs and email addresses in a text value — what GitHub turns into links
 * (GFM "autolink literals": `https://…`, `www.…`, `name@example.com`,
 * `mailto:`, `xmpp:`). The parser leaves them as text (the micromark extension
 * for them tried a construct at almost every character and cost a quarter of
 * the parse); the model makes these ranges opaque, exactly as it does with
 * written links. The rules follow mdast-util-gfm-autolink-literal: the same
 * patterns, the character allowed before, the domain check and the trailing
 * punctuation left outside the link.
 */

const URL = /(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)/gi;
const XMPP = /(?<![\w+\-.@])xmpp:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)(\/(?:[\w\-/]|\.(?=[\dA-Za-z]))*)?/g;
const MAILTO = /(?<![\w+\-.@])mailto:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const EMAIL = /(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITE_SPACE = /\s/;
const LABEL_END_REJECTED = /[\d\-_]$/;
/**
 * Left out at the end of a URL. mdast-util-gfm-autolink-literal's list, plus
 * the emphasis and strikethrough markers GFM also leaves out (`**https://x.io**`
 * in a text value means the markers did not pair up).
 */
const TRAILING = `!"&'),.:;<>?]}*_~`;

/** What each kind needs, so that most values skip the regexes. */
const URL_TRIGGER = /:\/\/|www\./i;
const NONE: ReadonlyArray<readonly [number, number]> = [];

/**
 * Ranges `[start, end)` of `value` that are bare links, sorted and disjoint.
 * Empty for almost every value.
 */
export function bareLinkRanges(value: string): ReadonlyArray<readonly [number, number]> {
  const url = URL_TRIGGER.test(value);
  const at = value.includes('@');
  if (!url && !at) return NONE;
  const found: Array<[number, number]> = [];
  if (url) {
    scan(value, URL, found, (m) => {
      if (!allowedBefore(value, m.index)) return undefined;
      const [, protocol, domain, path] = m;
      const host = /^w/i.test(protocol) ? protocol + domain : domain;
      if (PUNCTUATION.test(host[0] ?? '') || !isCorrectDomain(host)) return undefined;
      return m.index + protocol.length + domain.length + keptLength(domain, path);
    });
  }
  if (at) {
    scan(value, XMPP, found, (m) => {
      const resource = m[3];
      if (LABEL_END_REJECTED.test(m[2])) return undefined;
      if (resource && (!/[A-Za-z]$/.test(resource) || value.charAt(m.index + m[0].length) === '@')) return undefined;
      return m.index + m[0].length;
    });
    scan(value, MAILTO, found, (m) => (LABEL_END_REJECTED.test(m[2]) ? undefined : m.index + m[0].length));
    scan(value, EMAIL, found, (m) => (LABEL_END_REJECTED.test(m[2]) ? undefined : m.index + m[0].length));
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** Adds each accepted match (its end from `accept`) that does not overlap one already found. */
function scan(value: string, re: RegExp, found: Array<[number, number]>, accept: (m: RegExpExecArray) => number | undefined): void {
  re.lastIndex = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const start = m.index;
    const end = found.some(([a, b]) => start < b && a < start + m![0].length) ? undefined : accept(m);
    if (end === undefined || end <= start) {
      re.lastIndex = start + 1;
      continue;
    }
    found.push([start, end]); // the search goes on after the whole match, trailing punctuation included
  }
}

function allowedBefore(value: string, index: number): boolean {
  if (index === 0) return true;
  const low = value.charCodeAt(index - 1);
  // The whole character before, an emoji included.
  const c = low >= 0xdc00 && low < 0xe000 && index > 1 ? value.slice(index - 2, index) : value[index - 1];
  return WHITE_SPACE.test(c) || PUNCTUATION.test(c);
}

function isCorrectDomain(domain: string): boolean {
  const parts = domain.split('.');
  if (parts.length < 2) return false;
  for (const part of [parts[parts.length - 1], parts[parts.length - 2]]) if (part && (part.includes('_') || !/[\dA-Za-z]/.test(part))) return false;
  return true;
}

/** How much of `path` stays in the link: trailing punctuation is left out, and a `)` unless unbalanced. */
function keptLength(domain: string, path: string): number {
  const url = domain + path;
  let index = url.length;
  while (index > 0 && TRAILING.includes(url[index - 1])) index--;
  if (index === url.length) return path.length;
  let kept = url.slice(0, index);
  let trail = url.slice(index);
  let closing = trail.indexOf(')');
  const opening = count(kept, '(');
  let closed = count(kept, ')');
  while (closing !== -1 && opening > closed) {
    kept += trail.slice(0, closing + 1);
    trail = trail.slice(closing + 1);
    closing = trail.indexOf(')');
    closed++;
  }
  return kept.length - domain.length;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
