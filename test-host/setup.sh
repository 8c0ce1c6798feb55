#!/usr/bin/env bash
# Prepares the real VS Code test host on a Debian machine: the system packages it needs
# (chromium to run the workbench, a small CJK font so that zh-TW screenshots are legible,
# ripgrep and libkrb5-dev to install code-server offline)
# and test-host/node_modules. Safe to run again: each step is skipped when already done,
# so a warm run costs well under a second.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-host: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The marker holds the lockfile's hash: a changed lockfile reinstalls, an unchanged one skips.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
marker=node_modules/.jkopay-test-host-installed
if [ "$(cat "$marker" 2>/dev/null)" != "$lock_hash" ]; then
  # @vscode/ripgrep (inside code-server) downloads rg from GitHub unless its cache holds it.
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$archive" ]; then
    mkdir -p "$cache"
    tar -czf "$archive" -C "$(dirname "$(command -v rg)")" rg
  fi
  echo "test-host: npm ci (code-server builds native modules; about a minute)"
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's
  # postinstall runs `npx node-gyp`; nodedir: build against the local Node headers.
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
    npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$marker"
fi
