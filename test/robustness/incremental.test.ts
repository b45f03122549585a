/**
 * The incremental linter must equal a fresh full lint after every edit of a
 * random edit sequence (bounded by run counts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_RULES, lintText } from '../../server/src/engine';
import { DocumentLinter, chunkStarts } from '../../server/src/engine/incremental/incremental';
import { parseMarkdown } from '../../server/src/engine/parse/parse';
import { applyEdit, edit, playbook } from './markdown-arbitrary';

const opts = { rules: BUILTIN_RULES };

test('DocumentLinter equals lintText on random playbooks under random edit sequences', () => {
  fc.assert(
    fc.property(playbook, fc.array(edit, { minLength: 1, maxLength: 12 }), (initial, edits) => {
      const linter = new DocumentLinter(opts);
      let text = initial;
      assert.deepEqual(linter.lint(text), lintText(text, opts));
      for (const e of edits) {
        text = applyEdit(text, e).text;
        assert.deepEqual(linter.lint(text), lintText(text, opts), `after edit ${JSON.stringify(e)}`);
      }
    }),
    { numRuns: 200 },
  );
});

/** Found by the random test (seed -639018653): a rewrite's stage was read past a setext heading, from the next segment. */
test('a quick fix reads its place only from its own segment, up to a setext heading', () => {
  const linter = new DocumentLinter(opts);
  let text = '---\ntype: cold-call\raudience: prospect\n---\n\n| Instead of | Rebuttal |\n|---|---|\r\n| hi  | touching base your team |\n\n---\r\ntype: cold-call\r\naudience: prospect\r---\n\n---\rtype: cold-call\naudience: prospect\n---\r';
  linter.lint(text);
  const edits = [{ at: 7318, del: 1, insert: 'just checking in' }, { at: 0, del: 5, insert: '  \t just checking in just checking in.' }, { at: 24848, del: 11, insert: '' }, { at: 6771, del: 1, insert: 'renewal just checking in.' }];
  for (const e of edits) {
    text = applyEdit(text, e).text;
    assert.deepEqual(linter.lint(text), lintText(text, opts), `after edit ${JSON.stringify(e)}`);
  }
});

test('chunks never start inside a fence, front matter or an HTML comment', () => {
  const text = '---\ntitle: x\n\nmore: y\n---\n\n# A\n\n```\ncode\n\nstill code\n```\n\n<!--\n\ncomment\n-->\n\npara\n\n  indented\n\nlast\n';
  const starts = chunkStarts(text).map((s) => text.slice(s, text.indexOf('\n', s)));
  assert.deepEqual(starts, ['---', '# A', '```', '<!--', 'para', 'last']);
});

test('a fence or HTML comment in a list item left open ends with its item: chunks start again at the next line at the margin', () => {
  const text = '- item\n   ```\n   code\n   `x``\n\n# B\n\npara\n\n- item\n  <!-- note\n\nlast\n\n```\ntop-level\n\nstill code\n';
  const starts = chunkStarts(text).map((s) => text.slice(s, text.indexOf('\n', s)));
  assert.deepEqual(starts, ['- item', '# B', 'para', '- item', 'last', '```']);
});

/** Breaking and mending the closing line of a fence inside a list item, with typing after it, must equal a fresh lint; while it is broken, a paragraph further on is still its own chunk. */
test('typing after a list item whose fence was left open re-parses only the edited chunk, and equals a fresh lint', () => {
  const say = 'Rep: Hi, just checking in on the proposal.';
  const section = (i: number) => `## Touch ${i}\n\n1. Step ${i}\n\n   \`\`\`\n   ${say}\n   \`\`\`\n\n${say} ${i}\n\n- ${say}\n  <!-- draft\n  ${say}\n  end -->\n`;
  const initial = `# Sequence\n\n${Array.from({ length: 8 }, (_, i) => section(i)).join('\n')}`;
  const typed = fc.constantFrom('x', ' ', '`', '```', '<!--', '-->', '- ', '\n', '\n\n');
  let separate = 0;
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), typed, fc.boolean()), { minLength: 1, maxLength: 8 }), (edits) => {
      const linter = new DocumentLinter(opts);
      // Break the first closing fence: the scanner no longer sees it close.
      let text = initial.replace('   ```\n\n', '   `x``\n\n');
      linter.lint(initial);
      assert.deepEqual(linter.lint(text), lintText(text, opts));
      const last = text.lastIndexOf(`${say} 7`);
      const chunk = chunkAt(linter, last);
      if (chunk && text.slice(chunk.start, last) === '') separate++;
      for (const [at0, typedText, del] of edits) {
        const at = at0 % (text.length + 1);
        text = text.slice(0, at) + typedText + text.slice(del ? at + 1 : at);
        assert.deepEqual(linter.lint(text), lintText(text, opts), `after typing ${JSON.stringify(typedText)} at ${at}`);
        assertChunksFresh(linter, text);
      }
    }),
    { numRuns: 150 },
  );
  assert.ok(separate > 0, 'a paragraph after the broken fence should start its own chunk');
});

/** Lints each version in turn with one DocumentLinter; every result must equal a fresh lint, and the findings must change along the way. */
function assertVersions(versions: string[]): void {
  const linter = new DocumentLinter(opts);
  const seen = new Set<string>();
  for (const text of versions) {
    const fresh = lintText(text, opts);
    assert.deepEqual(linter.lint(text), fresh);
    seen.add(JSON.stringify(fresh.findings.map((f) => [f.ruleId, f.start, f.end, f.message])));
  }
  assert.ok(seen.size > 1, 'the versions should differ in findings, or the test proves nothing');
}

const longVoicemail = `Hi {{first_name}}, this is Sam from Acme. ${'We help revenue teams forecast with confidence and I would love to walk you through how. '.repeat(4)}Call me back at 555-123-4567.`;

test('a changed heading reaches the findings of its subsections (time budget in an ancestor title)', () => {
  const doc = (budget: number) => `# Outreach\n\n## Voicemails (≤ ${budget} seconds)\n\n### First touch\n\n${longVoicemail}\n\n### Second touch\n\nHi, just checking in.\n`;
  assertVersions([doc(20), doc(90), doc(20)]);
});

test('an edit in a parent section body keeps its subsections right', () => {
  const doc = (body: string) => `# Cold call script\n\n${body}\n\n## Opener\n\nRep: Hi, just checking in on things.\n\n## Voicemail\n\n${longVoicemail}\n`;
  assertVersions([doc('Intro.'), doc('Intro, touching base.'), doc('<!-- section: voicemail -->'), doc('Intro.')]);
});

test('repeated identical sections and definitions added later', () => {
  const section = '## Email template\n\nSubject: quick question\n\nHi {{first_name}}, just checking in. See [guide].\n\n';
  assertVersions([section.repeat(3), section.repeat(3).replace('quick question', 'your Q3 plan'), `${section.repeat(3)}[guide]: https://example.com\n`, section.repeat(2)]);
});

test('front matter changes re-lint every segment', () => {
  const body = '## Discovery\n\nRep: Do you have budget?\n\nRep: Is this a priority?\n\n## Email\n\nHi [First Name], just following up.\n';
  assertVersions([`---\ntype: call-script\n---\n\n${body}`, `---\ntype: email\nplaceholder_style: bracket\n---\n\n${body}`, body]);
});

test('a block reused in a rebuilt segment keeps its inline comments at their new offsets', () => {
  // Moved first (an edit above), then its segment rebuilt (an edit below): the disable comment must still apply.
  const doc = (above: string, below: string) => `${above}\n\n# Call script\n\n| Say | Try |\n|---|---|\n| a | just checking in <!-- playbook-lint-disable --> just checking in |\n\n${below}\n`;
  const longer = `Rep: Hi, just checking in. ${'More words here. '.repeat(12)}`; // moves the comment past its line's end if shifted twice
  assertVersions([doc('Intro.', '<!-- section: voicemail -->'), doc(longer, '<!-- section: voicemail -->'), doc(longer, '!-- section: voicemail -->')]);
});

test('an edit inside a table row re-parses only that row, and the table equals a fresh parse', () => {
  const cell = fc.stringMatching(/^[a-z ]{1,12}$/);
  const row = fc.tuple(cell, cell).map(([a, b]) => `| ${a} | ${b} |`);
  const typed = fc.constantFrom('x', ' ', '|', '`', '\\', '*', '[', ']', '-', '>', '<', '~', ':', '```', '- ', '# ', '[^1]', '<!--', '');
  fc.assert(
    fc.property(fc.array(row, { minLength: 2, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), fc.nat(), typed, fc.boolean()), { minLength: 1, maxLength: 6 }), (rows, edits) => {
      let text = `# Objections\n\nIntro line.\n| Objection | Response |\n|---|:-:|\n${rows.join('\n')}\nJust checking in.\n\nAfter.\n`;
      const linter = new DocumentLinter(opts);
      linter.lint(text);
      for (const [r, c, typedText, del] of edits) {
        const lines = text.split('\n');
        const line = 5 + (r % rows.length);
        const at = lines.slice(0, line).join('\n').length + 1 + (c % (lines[line].length + 1));
        text = text.slice(0, at) + typedText + text.slice(del && text[at] !== '\n' ? at + 1 : at);
        assert.deepEqual(linter.lint(text), lintText(text, opts), `after typing ${JSON.stringify(typedText)} at ${at}`);
        const chunks = (linter as unknown as { state?: { chunks: Array<{ start: number; end: number; nodes: unknown[] }> } }).state?.chunks ?? [];
        for (const ch of chunks) assert.deepEqual(JSON.parse(JSON.stringify(ch.nodes)), JSON.parse(JSON.stringify(parseMarkdown(text.slice(ch.start, ch.end)).tree.children)));
      }
    }),
    { numRuns: 150 },
  );
});

/** Each chunk's nodes must equal a fresh parse of the chunk's text (with the document's definitions appended, as the linter parses it). */
function assertChunksFresh(linter: DocumentLinter, text: string): void {
  const chunks = (linter as unknown as { state?: { chunks: Array<{ start: number; end: number; nodes: unknown[]; parsedWith: string }> } }).state?.chunks ?? [];
  for (const ch of chunks) {
    const piece = text.slice(ch.start, ch.end);
    const fresh = parseMarkdown(ch.parsedWith ? `${piece}\n\n${ch.parsedWith}\n` : piece).tree.children.filter((n) => n.position!.start.offset! < piece.length);
    assert.deepEqual(JSON.parse(JSON.stringify(ch.nodes)), JSON.parse(JSON.stringify(fresh)));
  }
}

/** The chunk holding `offset` and its first node object (kept when only one block inside the chunk was parsed again). */
function chunkAt(linter: DocumentLinter, offset: number): { start: number; first: unknown; firstItem: unknown } | undefined {
  const chunks = (linter as unknown as { state?: { chunks: Array<{ start: number; end: number; nodes: Array<{ children?: unknown[] }> }> } }).state?.chunks ?? [];
  const c = chunks.find((ch) => ch.start <= offset && offset < ch.end);
  return c && { start: c.start, first: c.nodes[0], firstItem: c.nodes[0]?.children?.[0] };
}

test('an edit inside a list item or a long HTML comment re-parses only that item or block, and equals a fresh parse', () => {
  const words = fc.constantFrom('alpha', 'just checking in', 'value', 'touching base', '{{first_name}}', '`code`', '[ref]', '<!-- x -->', '*em*');
  const text = fc.array(words, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
  // What follows an item's first line: continuation, lazy, blank, nested items, quotes, indented code.
  const more = fc.tuple(fc.constantFrom('  ', '', '  - ', '    - ', '  > ', '      ', '  1. ', 'blank'), text).map(([p, t]) => (p === 'blank' ? '' : p + t));
  const item = fc.tuple(fc.constantFrom('', '[ ] ', '[x] '), text, fc.array(more, { maxLength: 3 })).map(([task, t, rest]) => [task + t, ...rest]);
  const list = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '1) '), fc.array(item, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([marker, items, loose]) =>
    items.flatMap(([first, ...rest], i) => [...(loose && i > 0 ? [''] : []), marker + first, ...rest]),
  );
  const comment = fc.array(fc.oneof(text, fc.constant('')), { minLength: 1, maxLength: 5 }).map((ls) => ['<!-- draft', ...ls, 'end -->']);
  const typed = fc.constantFrom('x', ' ', '-->', '<!--', '```', '~~~', '- ', '1. ', '> ', '# ', '[ref]: https://x.y', '[^1]', '|', '\\', '*', '  ', '    ', '---', ':');
  let spliced = 0;
  fc.assert(
    fc.property(list, comment, fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat(), typed, fc.boolean()), { minLength: 1, maxLength: 6 }), (items, html, intro, edits) => {
      let doc = `# Objections\n\n${intro ? 'Intro line.\n' : ''}${items.join('\n')}\n\n${html.join('\n')}\n\nAfter, just checking in.\n`;
      const linter = new DocumentLinter(opts);
      linter.lint(doc);
      for (const [l, c, typedText, del] of edits) {
        const lines = doc.split('\n');
        // Non-blank lines: typing into a blank line joins blocks, which the other tests cover.
        const candidates = lines.map((x, i) => i).filter((i) => i >= 2 && lines[i].trim() !== '');
        const line = candidates[l % candidates.length];
        const at = lines.slice(0, line).join('\n').length + 1 + (c % (lines[line].length + 1));
        const before = chunkAt(linter, at);
        doc = doc.slice(0, at) + typedText + doc.slice(del && doc[at] !== '\n' ? at + 1 : at);
        assert.deepEqual(linter.lint(doc), lintText(doc, opts), `after typing ${JSON.stringify(typedText)} at ${at}`);
        assertChunksFresh(linter, doc);
        const after = chunkAt(linter, at);
        // Not parsed again: the chunk keeps its first block, or (a list spliced after an edit in a later item) the list's first item.
        if (before && after && before.start === after.start && ((before.first === after.first && after.first !== undefined) || (before.firstItem === after.firstItem && after.firstItem !== undefined))) spliced++;
      }
    }),
    { numRuns: 200 },
  );
  // The edits are random: about 20 to 60 of them splice one item, so the floor only checks that splicing is exercised at all.
  assert.ok(spliced > 10, `only ${spliced} edits re-parsed a single item or block: the test would not notice a wrong splice`);
});

/**
 * Three places where the chunk scanner's guess differed from the parse (each
 * found by the random test): after indented code micromark reads `2. …` as a
 * paragraph, not a list; a `<!--` inside a `<div>` block is not a comment; a
 * fence inside a list item ends with its item. Typing near them must keep the
 * incremental result equal to a fresh lint.
 */
test('edits near an ordered list after indented code, a comment opener in a <div>, and a fence in a list item equal a fresh lint', () => {
  const say = 'Rep: Hi, just checking in on the proposal.';
  const docs = [
    // (a) an ordered list right after an indented code block
    `# Call script\n\nIntro.\n\n    indented code\n\n2. ${say}\n3. Touching base.\n\n1. ${say}\n`,
    // (b) \`<!--\` inside a \`<div>\` HTML block, then a fence whose lines look like chunk starts
    `# Email\n\n<div>\n<!--\n\n\`\`\`\n-->\n\n${say}\n\`\`\`\n\n${say}\n`,
    // (d) "2." inside a paragraph is text, so the indented line after it is code, and the "2." list after that a paragraph
    `# Call script\n\nIn\n2. ro.\n\n    indented code\n\n2. \`\`\`ep: ${say}\n3. Touching base.\n\n1. ${say}\n`,
    // (e) a nested ordered item after indented code, edited inside
    `# Call script\n\nIntro.\n\n    indented code\n\n1. 2. xRep: Hi, just checking in on the proposal.\n3. Touching base.\n`,
    // (c) a fenced code block inside a list item, left open, then text at the margin
    `# Voicemail\n\n- item\n  \`\`\`\n  ${say}\n\n<!-- note -->\n  \`\`\`\n\n${say}\n\n- last\n  \`\`\`\n  ${say}\n\n${say}\n`,
  ];
  for (const doc of docs) {
    // Each document alone, as opened.
    assert.deepEqual(new DocumentLinter(opts).lint(doc), lintText(doc, opts), JSON.stringify(doc));
  }
  const typed = fc.constantFrom('x', ' ', '\n', '```', '<!--', '-->', '    ', '2. ', '1. ', '- ', '', '\n\n');
  fc.assert(
    fc.property(fc.constantFrom(...docs), fc.array(fc.tuple(fc.nat(), typed, fc.boolean()), { minLength: 1, maxLength: 8 }), (initial, edits) => {
      const linter = new DocumentLinter(opts);
      let text = initial;
      linter.lint(text);
      for (const [at0, typedText, del] of edits) {
        const at = at0 % (text.length + 1);
        text = text.slice(0, at) + typedText + text.slice(del ? at + 1 : at);
        assert.deepEqual(linter.lint(text), lintText(text, opts), `after typing ${JSON.stringify(typedText)} at ${at} in ${JSON.stringify(text)}`);
        assertChunksFresh(linter, text);
      }
    }),
    { numRuns: 300 },
  );
});

test('an item holding a heading takes no lazy line: typing a list marker before a title equals a fresh lint', () => {
  const say = 'Rep: Hi, just checking in on the proposal.';
  const before = `x# Call scriptx\nIn\n2. ro.\n\n    2. 1. ndented code\n\n2. \`\`\`ep: ${say}\n3. Touching base.\n\n1. ${say}\n`;
  const linter = new DocumentLinter(opts);
  linter.lint(before);
  const after = `2. ${before.slice(1)}`;
  assert.deepEqual(linter.lint(after), lintText(after, opts));
});

test('typing in the first item of a list that interrupts a paragraph equals a fresh lint ("1. 2. x" holds no nested list there)', () => {
  const before = 'Rep: Hi, just checking in on the proposal.\n3. Touching base.\n';
  const versions = [
    `# Call script\n\nIntro.\nx    indented code2. \n1. 2. x${before}`,
    `# Call script\n\nIntro.\nx    indented code2. \n1. 2. xx${before}`,
    `# Call script\n\nIntro.\nx    indented code2. \n1. 2. xxy${before}`,
  ];
  const linter = new DocumentLinter(opts);
  for (const text of versions) assert.deepEqual(linter.lint(text), lintText(text, opts), JSON.stringify(text));
});

test('typing in an early item or row reuses the text of the later ones, moved: findings, turns and self-introductions equal a fresh lint', () => {
  // Later items and rows are moved copies of their nodes; the model takes their built text over instead of building it again.
  const items = ['Rep: Hi Dana, this is Sam from Acme, just checking in.', 'Dana: It’s Dana, I’m busy, call me back.', 'Rep: **Email 2 — Day 4** following up on my last note.', 'Dana: My name is Dana and {{first_name}} is not my name.'];
  const list = items.map((t) => `- ${t}`).join('\n');
  const table = ['| Buyer says | Rep says |', '|---|---|', ...items.map((t) => `| ${t} | just touching base, {first_name} |`)].join('\n');
  let text = `# Call script\n\n${list}\n\n## Objections\n\n${table}\n\n## Voicemail\n\nHi {{first_name}}, it's Sam. Call me back.\n`;
  const linter = new DocumentLinter(opts);
  assert.deepEqual(linter.lint(text), lintText(text, opts));
  for (const [anchor, typed] of [['Hi Dana', 'x'], ['| Hi Dana', 'y'], ['It’s Dana', 'Oh, '], ['| It’s Dana', ' z'], ['Hi Dana', ''], ['checking', 'really ']]) {
    const at = text.indexOf(anchor) + anchor.length;
    text = typed ? text.slice(0, at) + typed + text.slice(at) : text.slice(0, at - 1) + text.slice(at);
    assert.deepEqual(linter.lint(text), lintText(text, opts), JSON.stringify(text));
    assertChunksFresh(linter, text);
  }
});
