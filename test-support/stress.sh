#!/usr/bin/env bash
# The PDF and thread tests, run again and again while two busy processes keep the cores loaded (issue 15, part 2).
#
#   test-support/stress.sh [RUNS] [TEST PATH...]
#
# RUNS defaults to 30 (STRESS_RUNS); the paths default to the PDF folder (packages/pdf/src, or packages/core/src/pdf
# before it moved). STRESS_BUSY sets how many busy processes run beside the tests (default 2: one per core of this
# machine, and more on top of whatever else it runs). Stops at the first run that fails or crashes and prints the
# end of its output; the log of every run is kept in STRESS_LOGS (default a new folder under the temp directory).
# Exit 0 only when every run passed.
set -u
cd "$(dirname "$0")/.."

runs=${1:-${STRESS_RUNS:-30}}
shift || true
if [ $# -gt 0 ]; then
  paths=("$@")
elif [ -d packages/pdf/src ]; then
  paths=(packages/pdf/src)
else
  paths=(packages/core/src/pdf)
fi
busy=${STRESS_BUSY:-2}
logs=${STRESS_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/tongban-stress-XXXXXX")}
mkdir -p "$logs"

for tool in qpdf pdftotext; do
  command -v "$tool" >/dev/null || echo "stress: $tool is missing, so the PDF tests that read files back will fail (apt-get install qpdf poppler-utils, as .ci/run does)"
done

pids=()
stop_busy() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait "${pids[@]}" 2>/dev/null
}
trap stop_busy EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 "$busy"); do
  node -e 'for (;;) {}' &
  pids+=($!)
done

echo "stress: ${runs} runs of vitest on ${paths[*]} beside ${busy} busy processes; logs in ${logs}"
start=$(date +%s)
for i in $(seq 1 "$runs"); do
  log="$logs/run-$i.log"
  t0=$(date +%s)
  node node_modules/vitest/vitest.mjs run "${paths[@]}" >"$log" 2>&1
  rc=$?
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
  # a test file whose fork died is reported by vitest, but a crash of Node itself must fail the run in any case
  if [ "$rc" -ne 0 ] || grep -qE 'Assertion failed|FATAL ERROR|Segmentation fault|core dumped' "$log"; then
    echo "stress: run $i of $runs FAILED (exit $rc, load $load, $(($(date +%s) - t0)) s); end of $log:"
    tail -n 60 "$log"
    echo "stress: $((i - 1)) runs passed before run $i failed"
    exit 1
  fi
  echo "stress: run $i of $runs passed ($(($(date +%s) - t0)) s, load $load)"
done
echo "stress: ${runs} passed, 0 failed in $(($(date +%s) - start)) s beside ${busy} busy processes"
