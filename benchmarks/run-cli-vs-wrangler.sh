#!/usr/bin/env bash
# Times `./cfc generate` against `wrangler deploy --dry-run` on the same example, side by side.
#
#   benchmarks/run-cli-vs-wrangler.sh [repetitions]        (default 10; or N=... in the env)
#
# Rows, each run N times, interleaved round-robin so that load from other processes falls on all
# of them alike:
#   cfc generate, warm no-change  a copy of examples/quickstart that was generated, then run again
#                                 once a few seconds later: nothing is written ("no changes") and
#                                 the run is answered from .cfc/fingerprint, as every no-change run
#                                 after the first is
#   ... without the fingerprint   the same copy with .cfc/fingerprint deleted before each run: the
#                                 class cache is used (no javac) but everything else is compiled,
#                                 and the fingerprint is saved again
#   cfc generate, cold            a fresh copy each time: no .cfc/cache (javac runs), every file
#                                 is written
#   wrangler deploy --dry-run     the test-only wrangler (codegen/src/test/wrangler-proof) on the
#                                 generated config of the same example, offline as in the proof
#                                 harness, with a stub `main` that exports the Durable Objects
#   java -version                 a bare JVM start with the launcher's flags, for reference
# It reports the median and minimum wall-clock time and the CPU time (user + sys, children
# included) of each row, and the ratio of each median to wrangler's. The report goes to stdout
# and to benchmarks/results/cli-vs-wrangler.txt, with the machine it ran on.
#
# Needs: cli/target/cfc.jar (mvn -B -q install -DskipTests) and the wrangler-proof install
# (node codegen/src/test/wrangler-proof/install.mjs). Plain bash; nothing else is required.
set -euo pipefail

N=${1:-${N:-10}}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname -- "$here")
proof="$root/codegen/src/test/wrangler-proof"
wrangler_js="$proof/node_modules/wrangler/bin/wrangler.js"
out_file="$here/results/cli-vs-wrangler.txt"
example="$root/examples/quickstart"

[ -f "$root/cli/target/cfc.jar" ] || {
  echo "cli/target/cfc.jar is missing; build it with: mvn -B -q install -DskipTests" >&2; exit 2; }
[ -f "$wrangler_js" ] || {
  echo "the test-only wrangler is not installed; run: node $proof/install.mjs" >&2; exit 2; }
command -v node >/dev/null || { echo "node is not on PATH" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cfc-vs-wrangler.XXXXXX")
trap 'rm -rf "$work"' EXIT
java_bin=java
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"

# --- set-up (not timed) ------------------------------------------------------------------------
cp -R "$example" "$work/warm"
rm -rf "$work/warm/.cfc" "$work/warm/src/_generated"
"$root/cfc" generate -C "$work/warm" >/dev/null
# The run right after the one that wrote compiles and saves the fingerprint (or, on a file system
# with whole-second times, a run 2 s later does).
second=$("$root/cfc" generate -C "$work/warm")
[ "$second" = "no changes" ] || { echo "warm run is not a no-change run: $second" >&2; exit 1; }
if [ ! -f "$work/warm/.cfc/fingerprint" ]; then
  sleep 2.5
  "$root/cfc" generate -C "$work/warm" >/dev/null
fi
[ -f "$work/warm/.cfc/fingerprint" ] || { echo "no no-change run saved a fingerprint" >&2; exit 1; }

# wrangler's copy: the config cfc generated, and a main that exports every Durable Object class
# (wrangler bundles main with esbuild; the generated TypeScript imports packages not installed here)
mkdir -p "$work/wrangler/src"
cp "$work/warm/wrangler.toml" "$work/wrangler/"
cp -R "$work/warm/containers" "$work/wrangler/"
{
  for class in $(sed -n 's/^class_name *= *"\([A-Za-z0-9_]*\)".*/\1/p' "$work/wrangler/wrangler.toml" | sort -u); do
    echo "export class $class {}"
  done
  echo 'export default { async fetch(): Promise<Response> { return new Response("ok"); } };'
} > "$work/wrangler/src/index.ts"
mkdir -p "$work/wrangler-tmp"

run_wrangler() {
  # The proof harness's offline environment (codegen/src/test/wrangler-proof/README.md).
  (cd "$work/wrangler" && env -u CLOUDFLARE_API_TOKEN -u CLOUDFLARE_ACCOUNT_ID -u CF_API_TOKEN \
    -u CF_ACCOUNT_ID \
    WRANGLER_DOCKER_BIN="$proof/docker-stub.sh" WRANGLER_SEND_METRICS=false \
    WRANGLER_SEND_ERROR_REPORTS=false WRANGLER_HIDE_BANNER=true \
    npm_config_registry=http://127.0.0.1:9/ TMPDIR="$work/wrangler-tmp" \
    WRANGLER_LOG_PATH="$work/wrangler-tmp/logs" CI=true NO_COLOR=1 FORCE_COLOR=0 \
    node "$wrangler_js" deploy --dry-run --outdir "$work/wrangler-out" --config wrangler.toml --env=)
}
run_wrangler > "$work/wrangler-first.txt" 2>&1 || {
  echo "wrangler deploy --dry-run failed:" >&2; cat "$work/wrangler-first.txt" >&2; exit 1; }
wrangler_version=$(node "$wrangler_js" --version 2>/dev/null | tail -1)

# --- timing ------------------------------------------------------------------------------------
rows=(warm compiled cold wrangler jvm)
declare -A label=(
  [warm]="cfc generate, warm no-change"
  [compiled]="... without the fingerprint"
  [cold]="cfc generate, cold (fresh copy)"
  [wrangler]="wrangler deploy --dry-run"
  [jvm]="bare JVM start (java -version)"
)
for r in "${rows[@]}"; do : > "$work/times-$r"; done

# Appends "wall cpu" in seconds for one run of "$@" to $1's file; the command's output is dropped.
timed() {
  local row=$1; shift
  local TIMEFORMAT='%3R %3U %3S'
  local t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || { echo "$row failed" >&2; exit 1; }
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.3f %.3f\n", a[1], a[2] + a[3] }' \
    >> "$work/times-$row"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
for i in $(seq 1 "$N"); do
  rm -rf "$work/cold"; cp -R "$example" "$work/cold"; rm -rf "$work/cold/.cfc" "$work/cold/src/_generated"
  timed warm "$root/cfc" generate -C "$work/warm"
  rm -f "$work/warm/.cfc/fingerprint"
  timed compiled "$root/cfc" generate -C "$work/warm"
  [ -f "$work/warm/.cfc/fingerprint" ] || { echo "the full no-change run saved no fingerprint" >&2; exit 1; }
  timed cold "$root/cfc" generate -C "$work/cold"
  timed wrangler run_wrangler
  timed jvm "$java_bin" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version
  printf '.' >&2
done
printf '\n' >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)

# Median (lower middle for even N) and minimum of column $2 of file $1, in milliseconds.
stat() { sort -n -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
  printf "%d %d", v[int((NR + 1) / 2)] * 1000 + 0.5, v[1] * 1000 + 0.5 }'; }

read -r wrangler_median _ <<< "$(stat "$work/times-wrangler" 1)"
cds="no"
[ -f "$root/cli/target/cfc.jsa" ] && cds="yes (cli/target/cfc.jsa)"
{
  echo "# cfc generate vs wrangler deploy --dry-run on examples/quickstart"
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# machine: $(uname -srm), nproc $(nproc), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
  echo "# java: $("$java_bin" -version 2>&1 | head -1); CDS archive for cfc.jar: $cds"
  echo "# node: $(node --version); wrangler: $wrangler_version"
  echo "# load average (1/5/15 min) before: $load_before; after: $load_after"
  echo "# $N runs per row, interleaved; wall = elapsed, cpu = user + sys (children included)"
  echo
  printf '%-34s %12s %9s %12s %12s %8s\n' "" "median wall" "min wall" "median cpu" "× wrangler" "target"
  for r in "${rows[@]}"; do
    read -r med min <<< "$(stat "$work/times-$r" 1)"
    read -r cpu _ <<< "$(stat "$work/times-$r" 2)"
    ratio=$(awk -v a="$med" -v b="$wrangler_median" 'BEGIN { printf "%.3f", a / b }')
    case $r in
      warm) target=$(awk -v x="$ratio" 'BEGIN { print (x <= 0.15 ? "≤0.15 met" : "≤0.15 MISSED") }') ;;
      cold) target=$(awk -v x="$ratio" 'BEGIN { print (x <= 1.0 ? "≤1.0 met" : "≤1.0 MISSED") }') ;;
      *) target="" ;;
    esac
    printf '%-34s %9d ms %6d ms %9d ms %12s  %s\n' "${label[$r]}" "$med" "$min" "$cpu" "$ratio" "$target"
  done
} | tee "$work/report"
mkdir -p "$(dirname "$out_file")"
cp "$work/report" "$out_file"
echo "(written to ${out_file#"$root"/})" >&2
