/** The starter config `--init` writes: YAML, so it can carry comments. */
export const STARTER_CONFIG_NAME = '.playbooklintrc.yaml';

export const STARTER_CONFIG = `# Playbook Lint configuration. Reference: see "Configuration" in the README.
# Editors with the YAML extension validate this file against schemas/playbooklintrc.schema.json.

# "recommended" uses each rule's own severity; "strict" raises hints and info to warnings.
extends: recommended

# Rule id → error | warning | info | hint | off, or { severity, options }.
# List the rules with: playbook-lint --list-rules
rules: {}
#  no-empty-check-in: error
#  no-apology-for-contact: warning

# Stricter or looser rules for some folders (globs relative to this file).
overrides: []
#  - files: ["emails/**"]
#    rules:
#      no-empty-check-in: error

# Team rules: phrase rules in the same shape as the built-ins.
customRules: []
#  - id: team/no-competitor-names
#    kind: phrase
#    severity: warning
#    message: "Naming “{match}” sends the buyer to compare; talk about their outcome instead."
#    patterns: ["acme corp", "globex"]

# Markdown files not to lint (globs relative to this file).
ignorePatterns: []
#  - "archive/**"
`;
