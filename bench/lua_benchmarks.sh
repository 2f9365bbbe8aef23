#!/usr/bin/env bash
# The Lua host's two speed targets, measured on one generated 10,000-tool catalog:
#   1. a sandboxed Lua review costs at most 3x the same script run bare (bench-lua-overhead);
#   2. a batch (verdict review --all --format json) whose seats are the five Lua twins takes at most
#      1.2x the same batch with the five shared libraries.
# Usage, from the repository root after a build: bench/lua_benchmarks.sh [build-dir] [runs]
set -euo pipefail
build=${1:-build}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/bench/generate-catalog" --tools 10000 --categories 40 --seed 1 --out "$work/plugins" > /dev/null
cp -r "$work/plugins" "$work/scripts"
python3 - "$work/scripts/panel.json" "$PWD/scripts" <<'PY'
import json, sys
panel_file, scripts = sys.argv[1], sys.argv[2]
panel = json.load(open(panel_file))
for seat in panel["seats"]:
    seat["script"] = "%s/%s.lua" % (scripts, seat.pop("plugin"))
json.dump(panel, open(panel_file, "w"), indent=2)
PY

echo "== per review: sandboxed Lua, the same scripts bare, and the C++ plugins"
"$build/bench/bench-lua-overhead" --catalog "$work/plugins" --scripts scripts --rounds "$runs"

# The median of `runs` wall-clock times of verdict review --all over the catalog in $1, output discarded.
median_seconds() {
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "$build/bin/verdict" review --all --format json --catalog "$1" > /dev/null
        awk -v end="$(date +%s.%N)" -v start="$start" 'BEGIN { printf "%.3f\n", end - start }'
    done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

echo "== batch: verdict review --all --format json, median of $runs runs"
plugins=$(median_seconds "$work/plugins")
lua=$(median_seconds "$work/scripts")
echo "five plugins:     $plugins s"
echo "five Lua scripts: $lua s"
awk -v lua="$lua" -v plugins="$plugins" 'BEGIN { printf "scripts / plugins: %.3f\n", lua / plugins }'
cmp <("$build/bin/verdict" review --all --format json --catalog "$work/plugins") \
    <("$build/bin/verdict" review --all --format json --catalog "$work/scripts") && echo "outputs identical"
