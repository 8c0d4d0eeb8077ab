#!/usr/bin/env bash
# Random differential probe: write random cases of one KIND, render them
# with the reference Django (oracle.py, beside ../shared/tools/django-oracle)
# and with formwork, and compare them as compare.py does.
#
#   bash testdata/probe/run.sh KIND SEED N [WORKDIR]
#
# KIND: forms, formopts, l10n, formsets, widgets, models, modelsets, renderers (N cases),
# themes, jinja (every snippet with N forms). Prints compare.py's last line; WORKDIR (default
# /tmp/formwork-probe) keeps cases/, golden/, actual/, the logs and
# compare.txt, whose FAIL lines name the cases that differ. A case found
# this way goes into testdata/gen_extra_probe.py, whose goldens render.py
# writes: the probe's own files are not the corpus.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
kind=$1 seed=$2 n=$3 work="${4:-/tmp/formwork-probe}/$1-$2"
rm -rf "$work" && mkdir -p "$work/cases" "$work/golden" "$work/actual"
python3 "$here/gen_$kind.py" "$work/cases" "$n" "$seed"
python3 "$here/oracle.py" "$work/golden" "$work/cases"/*.json 2> "$work/oracle.log" || true
(cd "$root" && go run ./cmd/formwork render -out "$work/actual" "$work/cases"/*.json) 2> "$work/formwork.log" || true
python3 "$root/../shared/tools/django-oracle/compare.py" "$work/golden" "$work/actual" > "$work/compare.txt" || true
echo "$kind seed $seed: $(tail -1 "$work/compare.txt") ($(grep -c . "$work/oracle.log" || true) cases the reference raised on); see $work"
