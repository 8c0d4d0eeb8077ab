#!/usr/bin/env bash
# Installs the tools used by formwork's accessibility suite (a11y-tests/):
#   - Debian's chromium (plus a font so text renders) for axe-core,
#   - a Java runtime for the Nu Html Checker (vnu.jar),
#   - the npm packages axe-core and vnu-jar, pinned in a11y-tests/package.json
#     and package-lock.json, into a11y-tests/node_modules.
#
# Usage: bash .ci/a11y-install.sh      (from any directory; run as root or with sudo available)
#
# Idempotent: every step is skipped when its result is already present, so it
# is cheap to call at the start of every CI run.  Set A11Y_FORCE_NPM=1 to
# reinstall the npm packages even when node_modules looks complete.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
a11y_dir="$repo_root/a11y-tests"

log() { printf 'a11y-install: %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	fi
fi

apt_updated=0
apt_install() {
	if ! command -v apt-get >/dev/null 2>&1; then
		log "apt-get not found; install these by hand: $*"
		return 1
	fi
	if [ "$apt_updated" -eq 0 ]; then
		log "apt-get update"
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		apt_updated=1
	fi
	log "apt-get install $*"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# 1. Chromium (and a font: without any, text has no glyph boxes).
pkgs=()
if [ ! -x /usr/bin/chromium ]; then
	pkgs+=(chromium)
fi
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
	pkgs+=(fonts-dejavu-core)
fi
# 2. Java for vnu.jar.
if ! command -v java >/dev/null 2>&1; then
	pkgs+=(default-jre-headless)
fi
if [ "${#pkgs[@]}" -gt 0 ]; then
	apt_install "${pkgs[@]}"
else
	log "chromium, fonts and java already installed"
fi

# 3. npm packages.
if ! command -v npm >/dev/null 2>&1; then
	apt_install nodejs npm
fi
need_npm=0
for f in node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar; do
	[ -f "$a11y_dir/$f" ] || need_npm=1
done
# Reinstall when package.json / the lock file changed after the last install.
stamp="$a11y_dir/node_modules/.package-lock.json"
if [ "$need_npm" -eq 0 ] && [ -f "$stamp" ]; then
	for f in package.json package-lock.json; do
		if [ "$a11y_dir/$f" -nt "$stamp" ]; then need_npm=1; fi
	done
fi
if [ "${A11Y_FORCE_NPM:-0}" = "1" ]; then need_npm=1; fi
if [ "$need_npm" -eq 1 ]; then
	cd "$a11y_dir"
	# --ignore-scripts: vnu-jar's postinstall downloads a Java runtime, which
	# is neither wanted (we use the system's) nor reachable here.
	if [ -f package-lock.json ]; then
		log "npm ci in $a11y_dir"
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2
	else
		log "npm install in $a11y_dir"
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2
	fi
else
	log "npm packages already installed in $a11y_dir/node_modules"
fi

# 4. Report what was found, failing loudly if anything is still missing.
ok=1
[ -x /usr/bin/chromium ] || { log "MISSING: /usr/bin/chromium"; ok=0; }
command -v java >/dev/null 2>&1 || { log "MISSING: java"; ok=0; }
[ -f "$a11y_dir/node_modules/axe-core/axe.min.js" ] || { log "MISSING: axe-core"; ok=0; }
[ -f "$a11y_dir/node_modules/vnu-jar/build/dist/vnu.jar" ] || { log "MISSING: vnu.jar"; ok=0; }
if [ "$ok" -ne 1 ]; then
	exit 1
fi
# vnu.jar needs a recent enough Java; running it is the only reliable test.
if ! vnu_version="$(java -jar "$a11y_dir/node_modules/vnu-jar/build/dist/vnu.jar" --version 2>&1)"; then
	log "MISSING: a Java able to run vnu.jar: $vnu_version"
	log "(java -version: $(java -version 2>&1 | head -1))"
	exit 1
fi
log "ready: chromium $(/usr/lib/chromium/chromium --version 2>/dev/null | awk '{print $2}' || true)," \
	"axe-core $(node -p "require('$a11y_dir/node_modules/axe-core/package.json').version" 2>/dev/null || echo '?')," \
	"vnu-jar $(node -p "require('$a11y_dir/node_modules/vnu-jar/package.json').version" 2>/dev/null || echo '?')"
