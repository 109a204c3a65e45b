#!/usr/bin/env bash
# Computes the expected counts of every capture in test-pcaps/ with tshark (never with Scanvas)
# and writes test-pcaps/expected.json, one entry per file, in the shape of `scanvas summary
# --json`. Usage: test-pcaps/expected.sh [DIR]   (needs tshark and python3; DIR defaults to
# the script's own directory and gets DIR/expected.json)
#
# tshark dissects each frame (reassembly off, so fragments stay fragments) and prints, per
# frame, the protocol stack and the first occurrence of the fields below: the first
# occurrence is the outermost header, which is the one that counts. The classification rules
# (README.md, "What counts as what") are then applied to those fields by the python below:
#   probe        TCP with neither ACK nor RST, or any UDP, right after the outermost IP header
#                (and its IPv6 extension headers); split tcp4 / udp4 / tcp6 / udp6
#   backscatter  any other TCP there
#   other        no IP, IP carrying something else (ICMP, tunnels, ...), non-first fragments,
#                and first fragments too short on the wire to hold the ports (and TCP flags)
#   malformed    a link header cut short; an IPv4 header length below 20 or past the captured
#                bytes; an IPv4 total length below its header length or past the frame as it
#                was on the wire; an IPv6 payload length past the frame; a version that is not
#                the one the link layer announced; TCP without its ports and flags byte, UDP
#                without its ports, when that is not explained by a fragment
# Where tshark itself cannot say what a rule needs, the script says so (see "tshark cannot"
# below) instead of asking Scanvas.
set -euo pipefail

here="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
command -v tshark >/dev/null || { echo "expected.sh: tshark is not installed" >&2; exit 2; }

fields=(frame.time_epoch frame.len frame.cap_len frame.protocols
        ip.version ip.hdr_len ip.len ip.flags.mf ip.frag_offset ip.proto ip.src
        ipv6.version ipv6.plen ipv6.src ipv6.fraghdr.offset ipv6.fraghdr.more
        sll.ifindex tcp.flags tcp.srcport udp.dstport _ws.malformed)
field_args=()
for field in "${fields[@]}"; do field_args+=(-e "$field"); done

dissect() {  # dissect FILE: one tab-separated line of the fields above per frame
  tshark -n -r "$1" -o ip.defragment:FALSE -o ipv6.defragment:FALSE \
      -o tcp.desegment_tcp_streams:FALSE -T fields -E occurrence=f -E separator=/t \
      "${field_args[@]}" 2>/dev/null
}

# tshark cannot give tcp.flags for a TCP header cut short by the snap length: its dissector
# gives up before it adds the flags, even when the flags byte (byte 13) was captured. Its
# display filters can still read that byte, so this pass lists such frames and what the byte
# says: "probe" (neither ACK nor RST) or "backscatter".
marks() {  # marks FILE: "#mark CLASS FRAME" lines, CLASS saying what tshark missed
  local cut='tcp && !tcp.flags && len(tcp) >= 14'
  tshark -n -r "$1" -o ip.defragment:FALSE -o ipv6.defragment:FALSE \
      -Y "$cut && !(tcp[13] & 0x14)" -T fields -e frame.number 2>/dev/null \
      | sed 's/^/#mark probe /'
  tshark -n -r "$1" -o ip.defragment:FALSE -o ipv6.defragment:FALSE \
      -Y "$cut && (tcp[13] & 0x14)" -T fields -e frame.number 2>/dev/null \
      | sed 's/^/#mark backscatter /'
  # An EtherType of IPv6 before a header of another version: tshark shows it as data.
  tshark -n -r "$1" -Y "ipv6.bogus_ipv6_version && !ipv6.src" -T fields -e frame.number \
      2>/dev/null | sed 's/^/#mark wrong-version /'
}

{
  for capture in "$here"/*.pcap "$here"/*.pcapng; do
    [ -f "$capture" ] || continue
    echo "#file $(basename "$capture")"
    # A damaged file: tshark prints the frames before the damage and fails; count those.
    marks "$capture" || true
    dissect "$capture" || echo "expected.sh: tshark stopped early in $capture" >&2
  done
} | python3 -c '
import datetime
import json
import sys

FIELDS = sys.argv[1].split()
TRACE = sys.argv[2] == "1"     # EXPECTED_TRACE=1: each frame and its class on standard error
LINK = {"eth", "ethertype", "vlan", "ieee8021ad", "sll", "null", "raw"}
IPV6_EXTENSIONS = {"ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "ah"}
NEEDED = {"tcp": 14, "udp": 4}   # bytes of the transport header that classify it


def number(text):
    return int(text, 0) if text else None


def link_length(stack, f):
    """Bytes of link header before the IP header, from the link layers tshark found."""
    first = stack[0]
    if first == "eth":
        return 14 + 4 * sum(1 for p in stack if p in ("vlan", "ieee8021ad"))
    if first == "sll":
        return 20 if f["sll.ifindex"] else 16       # SLL2 carries an interface index
    if first == "null":
        return 4
    return 0                                         # raw IP: 101, 228, 229


def classify(f, cut_class):
    """The class of one frame (a probe as (class, source)); cut_class is what the marks pass
    said of it: the flags byte of a cut TCP header, a wrong IP version, or None."""
    stack = f["frame.protocols"].split(":")
    wire, captured = number(f["frame.len"]), number(f["frame.cap_len"])
    outer = next((i for i, p in enumerate(stack) if p not in LINK), len(stack))
    if outer == len(stack) or stack[outer] not in ("ip", "ipv6"):
        cut_in_link = captured < max(link_length(stack, f), 4 if stack[0] == "null" else 0)
        wrong_version = cut_class == "wrong-version"
        return "malformed" if cut_in_link or wrong_version else "other"

    ip = link_length(stack, f)
    if stack[outer] == "ip":
        ipv6 = False
        header, total = number(f["ip.hdr_len"]), number(f["ip.len"])
        if f["ip.version"] != "4" or header < 20 or header > captured - ip:
            return "malformed"
        if total is None or total < header or total > wire - ip:
            return "malformed"
        if number(f["ip.frag_offset"]):
            return "other"
        protocol = {6: "tcp", 17: "udp"}.get(number(f["ip.proto"]))
        first_fragment = f["ip.flags.mf"] in ("1", "True")
        short_on_wire = total - header < NEEDED.get(protocol, 0)
        source = f["ip.src"]
    else:
        ipv6 = True
        if captured - ip < 40 or f["ipv6.version"] not in ("", "6"):
            return "malformed"
        if 40 + number(f["ipv6.plen"]) > wire - ip and number(f["ipv6.plen"]) != 0:
            return "malformed"
        rest = stack[outer + 1:]
        while rest and rest[0] in IPV6_EXTENSIONS:
            rest = rest[1:]
        if number(f["ipv6.fraghdr.offset"]):
            return "other"
        protocol = rest[0] if rest and rest[0] in NEEDED else None
        if protocol is None and not rest:
            # tshark cannot: when it stops inside the extension chain it does not say which
            # header came next; a chain cut short counts as malformed, like the decoder rule.
            return "malformed" if f["_ws.malformed"] or captured < wire else "other"
        first_fragment = f["ipv6.fraghdr.more"] in ("1", "True")
        # tshark cannot: it gives no length of the transport part of an IPv6 fragment, so a
        # first fragment is taken as too short on the wire when the record was not cut.
        short_on_wire = captured == wire
        source = f["ipv6.src"]
    if protocol is None:
        return "other"

    flags = f["tcp.flags"]
    if protocol == "tcp" and not flags and cut_class:
        flags = "0x02" if cut_class == "probe" else "0x14"
    complete = flags if protocol == "tcp" else f["udp.dstport"]
    if not complete:
        return "other" if first_fragment and short_on_wire else "malformed"
    if protocol == "tcp" and number(flags) & 0x14:
        return "backscatter"
    return ("tcp" if protocol == "tcp" else "udp") + ("6" if ipv6 else "4"), source


def iso(epoch):
    seconds, _, fraction = epoch.partition(".")
    moment = datetime.datetime.fromtimestamp(int(seconds), datetime.timezone.utc)
    fraction = fraction.rstrip("0")
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + ("." + fraction if fraction else "") + "Z"


def nanos(epoch):
    seconds, _, fraction = epoch.partition(".")
    return int(seconds) * 10**9 + int((fraction + "0" * 9)[:9])


def empty():
    return {"packets": 0, "probes": {"tcp4": 0, "udp4": 0, "tcp6": 0, "udp6": 0},
            "backscatter": 0, "other": 0, "malformed": 0, "sources": set(),
            "first": None, "last": None}


files = {}
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("#file "):
        current_name = line[6:]
        current = files.setdefault(current_name, empty())
        cut_tcp = {}
        continue
    if line.startswith("#mark "):
        _, verdict, frame = line.split()
        cut_tcp[int(frame)] = verdict
        continue
    f = dict(zip(FIELDS, line.split("\t") + [""] * len(FIELDS)))
    verdict = classify(f, cut_tcp.get(current["packets"] + 1))
    if TRACE:
        print(current_name, current["packets"] + 1, verdict, f["frame.protocols"], file=sys.stderr)
    current["packets"] += 1
    if isinstance(verdict, tuple):
        current["probes"][verdict[0]] += 1
        current["sources"].add(verdict[1])
    else:
        current[verdict] += 1
    stamp = f["frame.time_epoch"]
    if not stamp:
        continue   # a pcapng simple packet block or custom block: tshark gives no time
    if current["first"] is None or nanos(stamp) < nanos(current["first"]):
        current["first"] = stamp
    if current["last"] is None or nanos(stamp) > nanos(current["last"]):
        current["last"] = stamp

for entry in files.values():
    entry["sources"] = len(entry["sources"])
    entry["first"] = entry["first"] and iso(entry["first"])
    entry["last"] = entry["last"] and iso(entry["last"])
json.dump(files, sys.stdout, indent=1, sort_keys=True)
print()
' "${fields[*]}" "${EXPECTED_TRACE:-0}" >"$here/expected.json.tmp"
mv "$here/expected.json.tmp" "$here/expected.json"
echo "expected.sh: wrote $here/expected.json"
