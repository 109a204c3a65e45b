#!/usr/bin/env bash
# Takes the README's pictures of the live window attached to a sensor while nmap scans a dark
# host: "live" (docs/live.png), or "history" (docs/live-history.png): a first sensor run
# records a scan, a second one serves while the viewer loads that recording and a new scan
# goes on live.
#
# Two network namespaces joined by a veth pair: the scanner side has 192.0.2.1 and
# 2001:db8::1, the dark side no address and ARP off; the scanner reaches the dark side's
# 192.0.2.20 / 2001:db8::20 through static neighbour entries. The sensor captures on the dark
# side (as root, in that namespace) and serves the channel; the viewer attaches from the
# root namespace under Xvfb, as an unprivileged user would. Everything is removed on exit.
#
# Usage (root): docs/live-screenshot.sh DISPLAY_NUMBER live|history [OUT.png]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

display=":${1:?display number, e.g. 73}"
scene="${2:?live or history}"
out="${3:-docs/$([ "$scene" = history ] && echo live-history || echo live).png}"
id="$(printf '%04x' $((RANDOM % 65536)))"
scan="chs$id"; dark="chd$id"; vscan="chvs$id"; vdark="chvd$id"
work="$(mktemp -d /tmp/scanvas-shot.XXXXXX)"
sock="$work/run/sensor.sock"
rec="$work/recording"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  ip netns delete "$scan" 2>/dev/null || true
  ip netns delete "$dark" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$scan"
ip netns add "$dark"
ip link add "$vscan" type veth peer name "$vdark"
ip link set "$vscan" netns "$scan"
ip link set "$vdark" netns "$dark"
ip -n "$scan" link set lo up
ip -n "$scan" addr add 192.0.2.1/24 dev "$vscan"
ip -n "$scan" addr add 2001:db8::1/64 dev "$vscan" nodad
ip -n "$scan" link set "$vscan" up
ip -n "$dark" link set "$vdark" arp off
# No IPv6 on the dark side either: no link-local address, so no MLD reports or solicitations.
ip netns exec "$dark" sysctl -qw "net.ipv6.conf.$vdark.disable_ipv6=1"
ip -n "$dark" link set "$vdark" up
mac="$(ip -n "$dark" -o link show "$vdark" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')"
ip -n "$scan" neigh add 192.0.2.20 lladdr "$mac" dev "$vscan" nud permanent
ip -n "$scan" neigh add 2001:db8::20 lladdr "$mac" dev "$vscan" nud permanent

./scanvas --version >/dev/null   # builds once, before the clocks start
# nmap's own ARP and neighbour discovery get no answer from a dark host: hence --send-ip.
nmap=(nmap -n -Pn --send-ip --max-retries 0)
in_scan() { ip netns exec "$scan" "$@" >/dev/null; }

serve_and_view() {
  ip netns exec "$dark" ./scanvas sensor -i "$vdark" --serve "$sock" --record "$rec" \
      >"$work/sensor.out" 2>"$work/sensor.err" &
  pids+=($!)
  for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
  DISPLAY="$display" ./scanvas live --sensor "$sock" "$@" >"$work/viewer.out" 2>&1 &
  pids+=($!)
  sleep 4
}

if [ "$scene" = history ]; then
  ip netns exec "$dark" ./scanvas sensor -i "$vdark" --record "$rec" --no-serve \
      >"$work/first.json" 2>"$work/first.err" &
  first=$!
  for _ in $(seq 200); do grep -q "capturing on" "$work/first.err" && break; sleep 0.1; done
  in_scan "${nmap[@]}" -sS -r -p 1-20000 --min-rate 1500 --max-rate 1500 192.0.2.20
  kill -TERM "$first"; wait "$first" || true
  sleep 5
  serve_and_view --history 1h --record "$rec"
  in_scan "${nmap[@]}" -sU -p 1-2000 --min-rate 150 --max-rate 150 192.0.2.20 &
  pids+=($!)
  sleep 12
else
  serve_and_view
  in_scan "${nmap[@]}" -sS -r -p 1-65535 --min-rate 2500 --max-rate 2500 192.0.2.20 &
  pids+=($!)
  sleep 2
  in_scan "${nmap[@]}" -sU --top-ports 400 --min-rate 20 --max-rate 20 192.0.2.20 &
  pids+=($!)
  sleep 6
  in_scan "${nmap[@]}" -6 -sS -r -p 1000-40000 --min-rate 2000 --max-rate 2000 2001:db8::20 &
  pids+=($!)
  sleep 4
  in_scan "${nmap[@]}" -6 -sU --top-ports 200 --min-rate 10 --max-rate 10 2001:db8::20 &
  pids+=($!)
  sleep 14
fi
import -window root -display "$display" "$out"
echo "wrote $out"
