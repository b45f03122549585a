/**
 * JSON schema of `.playbooklintrc.*`. The same object validates config at
 * run time and is written to `schemas/playbooklintrc.schema.json` for editor
 * completion (contributes.jsonValidation).
 */
const severity = { enum: ['error', 'warning', 'info', 'hint', 'off'] };
const ruleSetting = {
  description: 'A severity, "off", or { severity, options }.',
  oneOf: [
    severity,
    {
      type: 'object',
      additionalProperties: false,
      properties: { severity, options: { type: 'object', description: 'Rule options; see the rules reference.' } },
    },
  ],
};
const rules = { type: 'object', description: 'Rule id → setting.', additionalProperties: ruleSetting };
const globs = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

const FACTS = ['first_name', 'company', 'rep_name', 'rep_company', 'rep_phone', 'topic'];

export const FIX_TEMPLATE_SCHEMA = {
  type: 'object',
  required: ['title', 'kind', 'action'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1 },
    kind: { enum: ['safe', 'rewrite'] },
    action: { enum: ['delete-leading-clause', 'delete-match', 'replace-match', 'replace-sentence', 'insert-after'] },
    text: { type: 'string' },
    contexts: { type: 'array', items: { type: 'string' } },
    minWordsAfter: { type: 'integer', minimum: 0 },
    matching: { type: 'string' },
    channels: { type: 'array', items: { enum: ['email', 'subject', 'voicemail', 'call', 'message'] } },
    stages: { type: 'array', items: { enum: ['cold', 'reply', 'customer'] } },
    requires: { type: 'array', items: { enum: FACTS } },
    unlessKnown: { type: 'array', items: { enum: FACTS } },
  },
};

export const CUSTOM_RULE_SCHEMA = {
  type: 'object',
  required: ['id', 'message', 'patterns'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$', description: 'kebab-case, describing the problem' },
    kind: { const: 'phrase', description: 'Team rules are phrase rules.' },
    severity,
    message: { type: 'string', minLength: 1, description: 'One sentence: the problem, then the remedy. {match} is the matched words.' },
    description: { type: 'string', description: 'What the rule flags, in a few plain words (shown by --list-rules).' },
    rationale: { type: 'string' },
    sources: { type: 'array', items: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, author: { type: 'string', description: 'Who wrote or published it; cited as "Title — Author".' }, url: { type: 'string' }, note: { type: 'string' }, seed: { type: 'string' } } } },
    scope: { type: 'object', required: ['contexts'], additionalProperties: false, properties: { contexts: { type: 'array', items: { type: 'string' } }, exclude: { type: 'array', items: { type: 'string' } } } },
    severityOverrides: { type: 'array' },
    patterns: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 500 } },
    unless: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 500 } },
    fixes: { type: 'array', items: FIX_TEMPLATE_SCHEMA },
    options: { type: 'object' },
    examples: { type: 'object' },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Playbook Lint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: { ...globs, description: '"recommended", "strict", or a relative path to another config file.' },
    rules,
    customRules: { type: 'array', maxItems: 200, items: CUSTOM_RULE_SCHEMA, description: 'Team phrase rules, same shape as the built-in rules (at most 200).' },
    overrides: {
      type: 'array',
      items: { type: 'object', required: ['files'], additionalProperties: false, properties: { files: globs, excludedFiles: globs, rules } },
    },
    ignorePatterns: { type: 'array', items: { type: 'string' } },
    structure: {
      type: 'object',
      description: 'Required parts per playbook type (front matter `type`), checked by playbook-structure. Parts: opener, reason-for-call, discovery, next-step, objections, touches, break-up, name, callback-number, questions.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { require: { type: 'array', items: { enum: ['opener', 'reason-for-call', 'discovery', 'next-step', 'objections', 'touches', 'break-up', 'name', 'callback-number', 'questions'] } } },
      },
    },
  },
};
