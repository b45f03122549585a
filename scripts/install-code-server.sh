#!/bin/sh
# Installs code-server 4.100.3 (VS Code 1.100.3) into .cache/code-server without
# network access beyond the npm registry, following shared/E2E-RECIPE.md.
# Idempotent: does nothing when the binary already reports the right version.
set -eu

VERSION=4.100.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/.cache/code-server"
BIN="$DEST/node_modules/.bin/code-server"
STAMP="$DEST/installed-$VERSION"

if [ -f "$STAMP" ] && [ -x "$BIN" ]; then
  echo "code-server $VERSION already installed at $DEST"
  exit 0
fi

echo "step: checking Debian packages"
if ! command -v rg >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q libkrb5-dev ripgrep >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q libkrb5-dev ripgrep >/dev/null; }
  else
    echo "missing libkrb5-dev/ripgrep: run as root or install them" >&2
    exit 1
  fi
fi

mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > package.json

echo "installing code-server@$VERSION into $DEST"
echo "step: downloading code-server"
npm install --no-audit --no-fund --no-save --ignore-scripts "code-server@$VERSION"
echo "step: building its password module"
npm rebuild argon2

cd "$DEST/node_modules/code-server/lib/vscode"
echo "step: downloading VS Code's modules"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
echo "step: building VS Code's native modules"
npm_config_yes=true npm rebuild

cd "$DEST/node_modules/code-server"
echo "step: finishing the install"
# postinstall.sh picks the package manager and Node version from the user agent npm would set.
npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" \
  npm_config_unsafe_perm=true npm_config_yes=true FORCE_NODE_VERSION=20 sh ./postinstall.sh

"$BIN" --version | grep -q "^$VERSION"
touch "$STAMP"
echo "code-server $VERSION installed at $DEST"
