/**
 * Fix texts use VS Code / LSP 3.18 snippet syntax. Clients without snippet
 * support get readable text: `${1:trigger event}` becomes `[trigger event]`.
 */
import type { PlaceholderStyle } from '../read/words';

const TABSTOP = /\$\{(\d+):((?:\\.|[^}\\])*)\}|\$\{(\d+)\}|\$(\d+)|\\([$}\\])/g;

export function isSnippet(text: string): boolean {
  return /\$\{\d+(?::[^}]*)?\}|\$\d/.test(text);
}

export function snippetToPlainText(text: string): string {
  return text.replace(TABSTOP, (_m, _n, label: string | undefined, _n2, _n3, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    if (label !== undefined) return `[${label.replace(/\\(.)/g, '$1')}]`;
    return '';
  });
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
