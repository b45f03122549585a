import { parseDocument } from 'yaml';
import type { ConfigError } from '../types';

/** Extra speaker labels from front matter `speakers: { rep: [...], prospect: [...] }`. */
export interface SpeakerConfig {
  rep?: string[];
  prospect?: string[];
  other?: string[];
}

/**
 * What a playbook says about itself in YAML front matter (rules catalog §5.2).
 * Unknown keys are ignored: front matter belongs to the team's other tools too.
 */
export interface FrontMatter {
  /** playbook | call-script | email-sequence | voicemail | battlecard | guide | … */
  type?: string;
  /** prospect (default) | customer | partner */
  audience?: string;
  /** cold (default) | warm | existing. Also read from `relationship`. */
  stage?: string;
  /** draft | final | published */
  status?: string;
  speakers?: SpeakerConfig;
  /** Declared placeholder variables, e.g. [first_name, company]. */
  variables?: string[];
  /** mustache | bracket | brace */
  placeholderStyle?: string;
  /** Heading text → section tag, for headings the words do not reveal. */
  sections?: Record<string, string>;
  /** Who keeps the playbook current (a name or a team), as written. */
  owner?: string;
  /** When the playbook was last reviewed, as written (`YYYY-MM-DD` expected). */
  reviewed?: string;
  /** When the playbook stops being valid, as written (`YYYY-MM-DD` expected). */
  expires?: string;
  /** Absolute range of each top-level key's entry (key start to value end), e.g. `expires`. */
  keyRanges?: Record<string, [number, number]>;
  /** The `playbook-lint:` block: config for this file only. */
  config?: unknown;
  /** Offset of the YAML text in the document, for error positions. */
  yamlOffset: number;
  /** The YAML text, kept when it holds a `playbook-lint:` block so that block's mistakes are placed on their lines. */
  yaml?: string;
}

export function readFrontMatter(yamlText: string, yamlOffset: number, errors: ConfigError[]): FrontMatter {
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const fm: FrontMatter = { yamlOffset };
  for (const e of doc.errors) {
    errors.push({ file: '<front-matter>', key: '', message: `Front matter is not valid YAML: ${e.message.split('\n')[0]}. Fix the YAML between the --- lines.`, start: yamlOffset + e.pos[0], end: yamlOffset + e.pos[1] });
  }
  if (doc.errors.length) return fm;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push({ file: '<front-matter>', key: '', message: `Front matter is not read: ${yamlProblem(e)}. Fix the YAML between the --- lines.`, start: yamlOffset, end: yamlOffset + Math.min(yamlText.length, 3) });
    return fm;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fm;
  const d = data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : undefined);
  const strList = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : undefined);
  fm.type = str(d.type);
  fm.audience = str(d.audience);
  fm.stage = str(d.stage) ?? str(d.relationship);
  fm.status = str(d.status);
  fm.placeholderStyle = str(d.placeholder_style) ?? str(d.placeholderStyle);
  fm.variables = strList(d.variables);
  if (d.speakers && typeof d.speakers === 'object') {
    const s = d.speakers as Record<string, unknown>;
    fm.speakers = { rep: strList(s.rep), prospect: strList(s.prospect), other: strList(s.other) };
  }
  if (d.sections && typeof d.sections === 'object') {
    fm.sections = {};
    for (const [k, v] of Object.entries(d.sections as Record<string, unknown>)) if (typeof v === 'string') fm.sections[k.toLowerCase().trim()] = v.trim();
  }
  if ('playbook-lint' in d) {
    fm.config = d['playbook-lint'];
    fm.yaml = yamlText;
  }
  const raw = (v: unknown) => (typeof v === 'string' ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : undefined);
  fm.owner = raw(d.owner);
  fm.reviewed = raw(d.reviewed) ?? raw(d.last_reviewed) ?? raw(d['last-reviewed']);
  fm.expires = raw(d.expires) ?? raw(d.expiry) ?? raw(d.review_by) ?? raw(d['review-by']);
  fm.keyRanges = keyRanges(doc, yamlOffset);
  return fm;
}

/** Why YAML that parsed could not become data, in plain words (the yaml library throws on alias bombs). */
export function yamlProblem(e: unknown): string {
  const message = (e as Error)?.message ?? String(e);
  if (/alias/i.test(message)) return 'it repeats YAML aliases (*name) so often that expanding them would take too much memory (a "billion laughs" pattern)';
  return message.split('\n')[0];
}

/** Absolute ranges of the top-level entries of a YAML map (key start to value end). */
function keyRanges(doc: ReturnType<typeof parseDocument>, yamlOffset: number): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const items = (doc.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: { range?: number[] } | null }> } | null)?.items ?? [];
  for (const item of items) {
    const k = item.key;
    if (!k || typeof k.value !== 'string' || !k.range) continue;
    const end = item.value?.range ? item.value.range[1] : k.range[1];
    out[k.value] = [yamlOffset + k.range[0], yamlOffset + end];
  }
  return out;
}
