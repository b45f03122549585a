/**
 * inbound-responsiveness-coverage: the process side of seed 004.
 * (a) A `type: playbook` file with no section about inbound responsiveness
 *     (response times, callbacks, voicemail checks, availability) → info on
 *     the title, with a snippet inserting a section skeleton at the end.
 * (b) An out-of-office template without a return date, or without a backup
 *     contact → warning each, with a snippet appending both.
 * (c) A voicemail greeting with no callback expectation → hint.
 */
import { startAt, endAt, type PlaybookModel, type SectionNode } from '../../read/model';
import type { Severity } from '../../types';
import type { RuleKind } from './kind';
import { fill, insertFixes, str } from './units';

const COVERAGE = /\b(?:inbound|responsiveness|response\s+times?|sla|callbacks?|call\s*backs?|returning\s+(?:calls|emails)|return\s+(?:calls|every\s+call)|voice-?mail\s+(?:checks?|box|inbox)|checking\s+voice-?mail|availability|out[- ]of[- ]office|speed[- ]to[- ]lead|(?:calls?|rings?|writes?|e-?mails?|gets?|replies|reply)\s+(?:or\s+\w+\s+)?(?:back|in)|(?:when|if|once)\s+(?:a|the|they)\s+(?:\w+\s+)?(?:calls?|rings?|writes?|replies|repl(?:y|ies)|answers?))\b/i;
const RETURN_DATE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\d{4}-\d{2}-\d{2}|\{\{\s*[\w.]*(?:return|back|date)[\w.]*\s*\}\}|\[[^\]]*(?:return|date|back)[^\]]*\]|\{[\w.]*(?:return|date)[\w.]*\}|\bback\s+(?:on|in\s+the\s+office\s+on)\b/i;
const BACKUP = /[\w.+-]+@[\w-]+\.[\w.]+|\{\{\s*[\w.]*(?:backup|colleague|contact|cover|alternate|manager|team)[\w.]*\s*\}\}|\[[^\]]*(?:backup|colleague|contact|cover|alternate|manager)[^\]]*\]|\{[\w.]*(?:backup|colleague|contact|alternate)[\w.]*\}|\b(?:reach|contact|email|call)\s+(?:my\s+colleague|\p{Lu}\w+|our\s+(?:team|support))|\b(?:colleague|backup)\b/iu;
const GREETING_HEADING = /\b(?:greeting|outgoing|away message)\b/i;
const CALLBACK = /\b(?:return|call\s+you\s+back|get\s+back\s+to\s+you|respond)\b[^.]*\b(?:by|within|today|same\s+day|hours?|end\s+of)\b/i;

export const inboundResponsivenessCoverageKind: RuleKind<null> = {
  name: 'inbound-responsiveness-coverage',
  reach: 'document', // coverage is a property of the whole playbook
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const o = ctx.options;
    const messages = (o.messages ?? {}) as Record<string, string>;
    const report = (start: number, end: number, severity: Severity, key: string, contexts: ReadonlySet<string>, fixes = insertFixes(ctx.rule.fixes, end, ctx.placeholderStyle, contexts)) =>
      ctx.report({ start, end, severity, message: fill(str(messages[key], ctx.rule.message), {}), fixes, contexts });

    // (a) document coverage
    // Only whole playbooks: a single template or a handbook page is not expected to carry the policy.
    const titled = model.frontMatter.type === 'playbook' ? model.sections.filter((s) => s.title) : [];
    if (titled.length && !titled.some((s) => COVERAGE.test(s.title!))) {
      const title = titled.find((s) => s.depth === 1) ?? titled[0];
      const at = model.text.length;
      const eol = /\r\n/.test(model.text) ? '\r\n' : '\n';
      const lead = model.text.endsWith('\n') ? eol : eol + eol;
      const fixes = (ctx.rule.fixes ?? [])
        .filter((f) => f.contexts?.includes('document') && f.text)
        .map((f) => ({ title: f.title, kind: f.kind, snippet: true, edits: [{ start: at, end: at, text: lead + f.text!.replace(/\n/g, eol) + eol }] }));
      ctx.report({ start: title.headingStart, end: title.headingEnd, severity: 'info', message: fill(str(messages.coverage, ctx.rule.message), {}), fixes, contexts: new Set(['document']) });
    }

    // (b) out-of-office templates, (c) voicemail greetings
    const bySection = new Map<SectionNode, { start: number; end: number; text: string; contexts: ReadonlySet<string> }>();
    // A turn's `ooo`/`voicemail` contexts are its section's tags: skip other segments whole (this runs every lint).
    for (const t of model.segments.flatMap((seg) => (seg.section.tags.includes('ooo') || seg.section.tags.includes('voicemail') ? seg.turns : []))) {
      const isOoo = t.contexts.has('ooo');
      const isGreeting = !isOoo && t.contexts.has('voicemail') && GREETING_HEADING.test(t.unit.section.title ?? '');
      if ((!isOoo && !isGreeting) || !t.speech || !ctx.inScope(t) || t.role === 'subject') continue;
      const u = t.unit;
      const start = startAt(u, t.a);
      const end = endAt(u, t.b - 1);
      const g = bySection.get(u.section);
      const text = u.text.slice(t.a, t.b);
      if (g) {
        g.end = end;
        g.text += '\n' + text;
      } else bySection.set(u.section, { start, end, text, contexts: t.contexts });
    }
    for (const g of bySection.values()) {
      if (g.contexts.has('ooo')) {
        if (!RETURN_DATE.test(g.text)) report(g.start, g.end, 'warning', 'returnDate', g.contexts);
        if (!BACKUP.test(g.text)) report(g.start, g.end, 'warning', 'backup', g.contexts);
      } else if (!CALLBACK.test(g.text)) report(g.start, g.end, 'hint', 'greeting', g.contexts, []);
    }
  },
};
