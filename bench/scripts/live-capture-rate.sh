#!/usr/bin/env bash
# Highest probe rate captured without loss: tcpreplay sends scan-like SYN/UDP frames over a
# veth pair between two namespaces at each rate given, into `scanvas sensor` and, in a second
# pass, into tcpdump on the same dark interface. Prints, per rate, what each received and
# dropped. Needs root, tcpreplay, tcpdump, python3.
# With RECORD=1 the sensor also records every packet (--record into a temporary directory);
# SEND_OPTS adds tcpreplay options (SEND_OPTS=-K preloads the file into memory).
# Usage: sudo bench/scripts/live-capture-rate.sh [PACKETS] [RATE|topspeed]...
# Example: sudo bench/scripts/live-capture-rate.sh 500000 100000 200000 topspeed
set -euo pipefail

packets="${1:-300000}"; shift || true
rates=("${@:-100000 200000 topspeed}")
[ "$#" -gt 0 ] || read -r -a rates <<<"100000 200000 topspeed"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$home/viewer/target/scanvas-viewer.jar"
id="$(printf '%05x' $((RANDOM * 32 + RANDOM % 32)))"
scan="sn-rs-$id"; dark="sn-rd-$id"; vscan="snrs$id"; vdark="snrd$id"
work="$(mktemp -d)"
cleanup() {
  ip netns del "$scan" 2>/dev/null || true
  ip netns del "$dark" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -f "$jar" ] || (cd "$home" && mvn -B -q -DskipTests -pl viewer -am package)
python3 "$home/bench/scripts/make-large-capture.py" "$work/scan.pcap" "$packets"

ip netns add "$scan"; ip netns add "$dark"
ip link add "$vscan" netns "$scan" type veth peer name "$vdark" netns "$dark"
ip netns exec "$dark" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip netns exec "$dark" ip link set "$vdark" arp off up
ip netns exec "$scan" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip netns exec "$scan" ip link set "$vscan" arp off up

transmitted() {
  ip netns exec "$scan" cat "/sys/class/net/$vscan/statistics/tx_packets"
}

send() {  # rate; prints "packets-that-left-the-interface@pps"
  local pace=(--pps="$1") before rated
  [ "$1" = topspeed ] && pace=(--topspeed)
  before=$(transmitted)
  # shellcheck disable=SC2086
  rated=$(ip netns exec "$scan" tcpreplay -q -i "$vscan" "${pace[@]}" ${SEND_OPTS:-} \
      "$work/scan.pcap" 2>&1 \
    | grep -Eo '[0-9.]+ pps' | head -1 | cut -d. -f1 || true)
  echo "$(( $(transmitted) - before ))@${rated:-?}"
}

echo "packets per run $packets; recording ${RECORD:-0}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(uname -r)"
# sent: packets that left the scanner's end (its TX counter), @ the rate tcpreplay reached
printf '%-9s %-15s %-34s %-15s %s\n' rate sent@pps "scanvas sensor: probes/kernel/ring" \
  sent@pps "tcpdump: captured/kernel drops"
for rate in "${rates[@]}"; do
  record=(); [ "${RECORD:-0}" = 1 ] && record=(--record "$work/recording")
  rm -rf "$work/recording"
  ip netns exec "$dark" java -jar "$jar" sensor -i "$vdark" --json "${record[@]}" \
      >"$work/sensor.json" 2>"$work/sensor.err" &
  sensor=$!
  until grep -q "capturing on" "$work/sensor.err" 2>/dev/null; do sleep 0.2; done
  sent=$(send "$rate")
  sleep 1; kill -TERM "$sensor"; wait "$sensor" || true
  ours=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
print("%d/%d/%d" % (sum(d["probes"].values()), d["kernelDrops"], d["ringDrops"]))' \
      "$work/sensor.json")

  ip netns exec "$dark" tcpdump -i "$vdark" -n -s 256 -w /dev/null 2>"$work/tcpdump.err" &
  dump=$!
  until grep -q "listening on" "$work/tcpdump.err" 2>/dev/null; do sleep 0.2; done
  sent2=$(send "$rate")
  sleep 1; kill -INT "$dump"; wait "$dump" || true
  theirs=$(awk '/captured/ {c=$1} /dropped by kernel/ {d=$1} END {print c "/" d}' \
      "$work/tcpdump.err")
  printf '%-9s %-15s %-34s %-15s %s\n' "$rate" "$sent" "$ours" "$sent2" "$theirs"
done
