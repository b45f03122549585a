/**
 * Fix texts use VS Code / LSP 3.18 snippet syntax. Clients without snippet
 * support get readable text: `${1:trigger event}` becomes `[trigger event]`.
 */
import type { PlaceholderStyle } from '../read/words';

export function isSnippet(text: string): boolean {
  return /\$\{\d+(?::[^}]*)?\}|\$\d/.test(text);
}

export function snippetToPlainText(text: string): string {
  return plainFrom(text, 0, false).text;
}

/**
 * Reads snippet text from `i` up to an unescaped `}` closing the enclosing
 * placeholder (when `inside`) or the end. A placeholder nested in another
 * (`${1:Worth a ${2:15-minute} look?}`) keeps only its label, so the reader
 * sees one pair of brackets: `[Worth a 15-minute look?]`.
 */
function plainFrom(text: string, i: number, inside: boolean): { text: string; end: number } {
  let out = '';
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
      out += text[i + 1];
      i += 2;
    } else if (c === '}' && inside) {
      return { text: out, end: i + 1 };
    } else if (c === '$') {
      const m = /^\$\{(\d+):|^\$\{\d+\}|^\$\d+/.exec(text.slice(i, i + 12));
      if (!m) {
        out += c;
        i++;
      } else if (m[1] === undefined) {
        i += m[0].length;
      } else {
        const label = plainFrom(text, i + m[0].length, true);
        out += inside ? label.text : `[${label.text}]`;
        i = label.end;
      }
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, end: i };
}

/** Escapes text so that it is literal inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => '\\' + c);
}

/**
 * Rewrites the `{{variable}}` placeholders of a fix template into the
 * document's own style, so a fix in a `[First Name]` playbook writes `[Company]`.
 */
export function toPlaceholderStyle(template: string, style: PlaceholderStyle): string {
  if (style === 'mustache') return template;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => {
    switch (style) {
      case 'bracket':
        return `[${titleCase(name)}]`;
      case 'brace':
        return `{${name}}`;
      case 'merge-tag':
        return `*|${name.toUpperCase()}|*`;
      case 'angle':
        return `<${titleCase(name)}>`;
    }
  });
}

function titleCase(name: string): string {
  return name
    .split(/[_.\s-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
