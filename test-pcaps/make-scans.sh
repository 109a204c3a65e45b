#!/usr/bin/env bash
# Records real scans into test-pcaps/: nmap, masscan and hping3 probe a dark host while
# tcpdump listens on the dark side. Run as root:
#   sudo test-pcaps/make-scans.sh [--small] [OUT-DIR]
# --small leaves out the demo recording (FreshScansTest uses it); OUT-DIR defaults to the
# script's own directory.
#
# Two network namespaces joined by a veth pair, documentation addresses only:
#   scanner  192.0.2.1  2001:db8::1   (addresses on its end of the veth)
#   dark     192.0.2.2  2001:db8::2   (no address, ARP and IPv6 off: it answers nothing)
# The scanner reaches the dark addresses through static neighbour entries, which is why nmap
# runs with --send-ip (its own ARP and neighbour discovery would get no answer).
#
# Writes one small capture per scanner kind (nmap-*.pcap, masscan.pcap, hping3.pcap) and
# demo-scans.pcap, a separate longer recording of many scans for `scanvas demo`. Namespaces and
# veths carry this run's pid in their names and are deleted on exit, also on failure.
set -euo pipefail

demo=1
if [ "${1:-}" = "--small" ]; then demo=0; shift; fi
out="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "make-scans.sh: run as root (namespaces, raw sockets)" >&2; exit 2; }
for tool in ip nmap masscan hping3 tcpdump; do
  command -v "$tool" >/dev/null || { echo "make-scans.sh: $tool is not installed" >&2; exit 2; }
done

tag="pc$$"
scanner_ns="${tag}s"
dark_ns="${tag}d"
scanner_if="${tag}s"               # interface names stay under 15 characters
dark_if="${tag}d"
scanner4=192.0.2.1 dark4=192.0.2.2
scanner6=2001:db8::1 dark6=2001:db8::2
spoofed4=198.51.100.7              # a second, forged source for hping3
work="$(mktemp -d)"
tcpdump_pid=""

cleanup() {
  if [ -n "$tcpdump_pid" ]; then kill -TERM "$tcpdump_pid" 2>/dev/null || true; fi
  ip netns del "$scanner_ns" 2>/dev/null || true
  ip netns del "$dark_ns" 2>/dev/null || true
  ip link del "$scanner_if" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

in_scanner() { ip netns exec "$scanner_ns" "$@"; }
in_dark() { ip netns exec "$dark_ns" "$@"; }

make_namespaces() {
  ip netns add "$scanner_ns"
  ip netns add "$dark_ns"
  ip link add "$scanner_if" type veth peer name "$dark_if"
  ip link set "$scanner_if" netns "$scanner_ns"
  ip link set "$dark_if" netns "$dark_ns"

  # The dark side: no address, no ARP, no IPv6, so nothing there ever answers.
  in_dark sysctl -qw "net.ipv6.conf.$dark_if.disable_ipv6=1"
  in_dark ip link set "$dark_if" arp off up
  dark_mac="$(in_dark cat "/sys/class/net/$dark_if/address")"

  # The scanner side: router solicitations and DAD off keeps its own chatter small.
  in_scanner sysctl -qw "net.ipv6.conf.$scanner_if.router_solicitations=0"
  in_scanner sysctl -qw "net.ipv6.conf.$scanner_if.accept_dad=0"
  in_scanner ip link set lo up
  in_scanner ip link set "$scanner_if" up
  in_scanner ip addr add "$scanner4/24" dev "$scanner_if"
  in_scanner ip addr add "$scanner6/64" dev "$scanner_if" nodad
  in_scanner ip neigh replace "$dark4" lladdr "$dark_mac" nud permanent dev "$scanner_if"
  in_scanner ip neigh replace "$dark6" lladdr "$dark_mac" nud permanent dev "$scanner_if"
  scanner_mac="$(in_scanner cat "/sys/class/net/$scanner_if/address")"
}

# record FILE: starts tcpdump on the dark side writing FILE, returns once it listens.
record() {
  local log="$work/tcpdump.log"
  : >"$log"
  # Not through in_dark: a function in the background is a subshell, and $! would be its pid.
  ip netns exec "$dark_ns" tcpdump -i "$dark_if" -n -U -Z root -w "$1" 2>"$log" &
  tcpdump_pid=$!
  for _ in $(seq 100); do
    grep -q "listening on" "$log" && return 0
    sleep 0.1
  done
  echo "make-scans.sh: tcpdump did not start: $(cat "$log")" >&2
  return 1
}

# stop_recording: lets the last packets land, then stops tcpdump and waits for its file.
stop_recording() {
  sleep 1
  kill -TERM "$tcpdump_pid"
  wait "$tcpdump_pid" || true
  tcpdump_pid=""
}

nmap_at() {  # nmap_at TARGET NMAP-ARGS...: one nmap run that waits for no answer
  local target="$1"
  shift
  in_scanner nmap -n -Pn --send-ip -e "$scanner_if" --max-retries 0 --host-timeout 120s \
      "$@" "$target" >/dev/null
}

masscan_at() {  # masscan_at SECONDS TARGET ADAPTER-IP MASSCAN-ARGS...
  local seconds="$1" target="$2" adapter="$3"
  shift 3
  # masscan 1.3.2 here often never exits after sending ("waiting -17-secs" forever): it gets
  # SECONDS to send, then is stopped; tcpdump on the other side has the packets by then.
  in_scanner timeout -k 2 -s INT "$seconds" masscan "$target" --adapter "$scanner_if" \
      --adapter-ip "$adapter" --adapter-mac "$scanner_mac" --router-mac "$dark_mac" \
      --wait 1 "$@" </dev/null >/dev/null 2>&1 || true
}

hping_at() {  # hping_at HPING3-ARGS...: quiet, against the dark IPv4 address
  in_scanner hping3 -q -I "$scanner_if" "$@" "$dark4" >/dev/null 2>&1 || true
}

log_spaced_ports() {  # log_spaced_ports N: about N distinct ports from 1 to 65535, comma-separated
  awk -v n="$1" 'BEGIN { for (i = 0; i <= n; i++) { p = int(exp(i * log(65535) / n) + 0.5);
      if (p != last) { printf "%s%d", (i ? "," : ""), p; last = p } } }'
}

small_captures() {
  record "$work/nmap-syn.pcap"
  nmap_at "$dark4" -sS --top-ports 300 --min-rate 2000
  stop_recording

  record "$work/nmap-udp.pcap"
  nmap_at "$dark4" -sU --top-ports 100 --min-rate 2000
  stop_recording

  record "$work/nmap-null-fin-xmas.pcap"
  nmap_at "$dark4" -sN --top-ports 60 --min-rate 2000
  nmap_at "$dark4" -sF --top-ports 60 --min-rate 2000
  nmap_at "$dark4" -sX --top-ports 60 --min-rate 2000
  stop_recording

  record "$work/nmap-ipv6.pcap"
  nmap_at "$dark6" -6 -sS --top-ports 200 --min-rate 2000
  nmap_at "$dark6" -6 -sU --top-ports 60 --min-rate 2000
  stop_recording

  record "$work/masscan.pcap"
  masscan_at 4 "$dark4" "$scanner4" -p1-400 --rate 2000
  masscan_at 3 "$dark4" "$scanner4" -pU:1-100 --rate 2000
  stop_recording

  record "$work/hping3.pcap"
  hping_at -S -p ++1 -c 200 -i u2000              # SYN, destination port counting up
  hping_at --udp -p ++1000 -c 100 -i u2000        # UDP from port 1000 on
  hping_at -S -a "$spoofed4" -p 443 -c 20 -i u5000
  hping_at -S -A -p 80 -c 20 -i u5000             # SYN-ACK: backscatter
  hping_at -R -p 80 -c 20 -i u5000                # RST: backscatter
  hping_at --icmp -c 5 -i u20000                  # ICMP echo: other
  stop_recording
}

# The demo: scans one after another with pauses, so each draws its own vertical line or band.
demo_capture() {
  record "$work/demo-scans.pcap"
  sleep 2
  nmap_at "$dark4" -sS -p 1-3000 --min-rate 3000
  sleep 4
  nmap_at "$dark4" -sU --top-ports 500 --min-rate 2000
  sleep 4
  nmap_at "$dark6" -6 -sS --top-ports 2000 --min-rate 3000
  sleep 3
  masscan_at 5 "$dark4" "$scanner4" -p"$(log_spaced_ports 5000)" --rate 4000 --seed 7
  sleep 3
  nmap_at "$dark6" -6 -sU --top-ports 800 --min-rate 2000
  sleep 4
  hping_at -S -p ++1 -c 1500 -i u1000
  sleep 3
  nmap_at "$dark4" -sN --top-ports 600 --min-rate 2000
  nmap_at "$dark4" -sF --top-ports 600 --min-rate 2000
  nmap_at "$dark4" -sX --top-ports 600 --min-rate 2000
  sleep 4
  hping_at --udp -p ++5000 -c 1000 -i u1000
  hping_at -S -a "$spoofed4" -p 22 -c 60 -i u50000
  sleep 3
  nmap_at "$dark6" -6 -sS -p 1-1024 --min-rate 2000
  sleep 2
  stop_recording
}

make_namespaces
small_captures
if [ "$demo" -eq 1 ]; then demo_capture; fi
for capture in "$work"/*.pcap; do
  cp "$capture" "$out/"
  echo "make-scans.sh: wrote $out/$(basename "$capture")"
done
