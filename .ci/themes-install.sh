#!/usr/bin/env bash
# Installs the stylesheets of formwork's theme packs from npm: bootstrap
# (the bootstrap5 theme) and govuk-frontend (the govuk theme), pinned in
# themes-css/package.json, into themes-css/node_modules (git-ignored, never
# committed). `formwork serve` and the accessibility suite load them from
# there (or from $FORMWORK_THEME_CSS).
#
# Usage: bash .ci/themes-install.sh      (from any directory)
#
# Idempotent: skipped when both stylesheets are present; set
# THEMES_FORCE_NPM=1 to reinstall.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$repo_root/themes-css"
log() { printf 'themes-install: %s\n' "$*" >&2; }
if [ "${THEMES_FORCE_NPM:-0}" != 1 ] &&
	[ -f "$dir/node_modules/bootstrap/dist/css/bootstrap.min.css" ] &&
	[ -f "$dir/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css" ]; then
	log "already installed in $dir/node_modules"
	exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
	log "npm not found: install Node.js and npm, then run this again"
	exit 1
fi
log "npm install in $dir"
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
for f in bootstrap/dist/css/bootstrap.min.css govuk-frontend/dist/govuk/govuk-frontend.min.css; do
	[ -f "$dir/node_modules/$f" ] || { log "missing after install: $f"; exit 1; }
done
log "installed"
