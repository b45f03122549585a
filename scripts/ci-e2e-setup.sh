#!/bin/sh
# CI setup for `npm run test:e2e`: Debian packages (chromium, for the editor
# tests and the HTML report; Neovim, and Emacs with Eglot and markdown-mode,
# for the README's editor snippets; the build dependencies of code-server) and
# code-server 4.100.3 in .cache/code-server.
# Idempotent and quiet; safe to run on a machine that already has everything.
set -eu
cd "$(dirname "$0")/.."

missing=""
for p in chromium libkrb5-dev ripgrep neovim emacs-nox elpa-eglot elpa-markdown-mode; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "ci-e2e-setup: apt-get install$missing"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

log=$(mktemp)
if ! sh scripts/install-code-server.sh >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
tail -n 1 "$log"
rm -f "$log"
