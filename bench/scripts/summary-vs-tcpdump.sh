#!/usr/bin/env bash
# Whole-process speed of `scanvas summary` against `tcpdump -r FILE -w /dev/null` on the same
# capture, from the page cache. Usage: bench/scripts/summary-vs-tcpdump.sh [RECORDS] [RUNS]
# Needs tcpdump and python3; writes the capture under /tmp and deletes it afterwards.
set -euo pipefail

records="${1:-5000000}"
runs="${2:-5}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
capture="$(mktemp --suffix=.pcap)"
trap 'rm -f "$capture"' EXIT

python3 "$home/bench/scripts/make-large-capture.py" "$capture" "$records"
"$home/scanvas" --version >/dev/null          # builds if needed, outside the timing
cat "$capture" >/dev/null                      # into the page cache

best() {  # best wall time in seconds over $runs runs of the command
  local best=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
    best=$(echo "$start $end ${best:-999999}" | awk '{t=$2-$1; print (t<$3)?t:$3}')
  done
  echo "$best"
}

ours=$(best "$home/scanvas" summary "$capture")
theirs=$(best tcpdump -r "$capture" -w /dev/null)
echo "records $records, best of $runs runs, $(nproc) cores, $(uname -r)"
awk -v n="$records" -v s="$ours" -v t="$theirs" 'BEGIN {
  printf "scanvas summary  %.2f s  %.1f M packets/s\n", s, n / s / 1e6
  printf "tcpdump -w null  %.2f s  %.1f M packets/s\n", t, n / t / 1e6 }'
