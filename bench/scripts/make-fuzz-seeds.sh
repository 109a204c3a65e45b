#!/usr/bin/env bash
# Writes the seed captures of the pcap and pcapng reader fuzz tests: small valid files of
# several link types, byte orders, precisions and block kinds. The packets are the decoder's
# fuzz seeds (records written by hand, one per link type); text2pcap, editcap and mergecap
# (Wireshark) wrap them, so the files come from tools other than Scanvas. Big-endian and
# obsolete-block files, which those tools do not write, are put together by format_extras
# below from the pcapng specification (draft-ietf-opsawg-pcapng).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

records=common/src/test/resources/org/scanvas/decode/PacketDecoderFuzzTestInputs/decoderNeverThrows
res=sensor/src/test/resources/org/scanvas/capture
pcap_seeds=$res/PcapReaderFuzzTestInputs/readsAnyPcapFileCleanly
pcapng_seeds=$res/PcapngReaderFuzzTestInputs/readsAnyPcapngFileCleanly
mkdir -p "$pcap_seeds" "$pcapng_seeds"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# hexdump NAME...: the records (less their 5-byte fuzz prefix) as text2pcap input, one second
# apart from 2024-05-01T10:00:00Z, so that the files come out the same on every run.
hexdump() {
  local second=1714557600
  for name in "$@"; do
    tail -c +6 "$records/$name" | od -An -tx1 -v -w16 |
      awk -v t="$second" '{ printf "%s%06x %s\n", (NR == 1 ? t ". " : ""), (NR-1)*16, $0 }'
    echo
    second=$((second + 1))
  done
}

# wrap LINKTYPE OUT RECORD...: a little-endian microsecond pcap of the records.
wrap() {
  local link=$1 out=$2
  shift 2
  hexdump "$@" > "$work/in.txt"
  text2pcap -q -F pcap -l "$link" -t '%s.' "$work/in.txt" "$out"
}

wrap 1 "$pcap_seeds/ethernet-syn-and-qinq-udp.pcap" ethernet-ipv4-tcp-syn ethernet-qinq-ipv4-options-udp
wrap 113 "$pcap_seeds/linux-sll-cut-by-snaplen.pcap" sll-ipv4-tcp-cut-by-snaplen
wrap 276 "$pcap_seeds/linux-sll2-ipv6-udp.pcap" sll2-ipv6-extension-chain-udp
wrap 0 "$pcap_seeds/null-ipv6-tcp.pcap" null-le-ipv6-tcp
wrap 9 "$pcap_seeds/ppp-ipv4-udp.pcap" ppp-ipv4-udp
wrap 101 "$pcap_seeds/raw-ipv6-jumbogram.pcap" raw-ipv6-jumbo-hop-by-hop
wrap 228 "$pcap_seeds/ipv4-only-syn.pcap" ipv4-only-tcp-syn
wrap 229 "$pcap_seeds/ipv6-only-syn.pcap" ipv6-only-tcp-syn
wrap 108 "$pcap_seeds/loop-ipv4-udp.pcap" loop-ipv4-udp
editcap -F nsecpcap "$pcap_seeds/ethernet-syn-and-qinq-udp.pcap" \
  "$pcap_seeds/ethernet-nanoseconds.pcap"

editcap -F pcapng "$pcap_seeds/ethernet-syn-and-qinq-udp.pcap" "$pcapng_seeds/ethernet.pcapng"
editcap -F pcapng "$pcap_seeds/ethernet-nanoseconds.pcap" \
  "$pcapng_seeds/ethernet-nanosecond-resolution.pcapng"
mergecap -F pcapng -w "$pcapng_seeds/three-interfaces-three-link-types.pcapng" \
  "$pcap_seeds/ethernet-syn-and-qinq-udp.pcap" "$pcap_seeds/linux-sll2-ipv6-udp.pcap" \
  "$pcap_seeds/raw-ipv6-jumbogram.pcap"
cat "$pcapng_seeds/ethernet.pcapng" "$pcapng_seeds/ethernet-nanosecond-resolution.pcapng" \
  > "$pcapng_seeds/two-sections.pcapng"

times=viewer/src/test/resources/org/scanvas/cli/timestamps
mkdir -p "$times"
python3 - "$pcap_seeds" "$pcapng_seeds" "$records" "$times" <<'PY'
import struct, sys
pcap_dir, pcapng_dir, records = sys.argv[1:4]

def record(name):
    return open(f"{records}/{name}", "rb").read()[5:]

def pad(data):
    return data + b"\0" * (-len(data) % 4)

def block(order, kind, body):
    length = 12 + len(pad(body))
    return struct.pack(order + "II", kind, length) + pad(body) + struct.pack(order + "I", length)

def section(order):
    return block(order, 0x0a0d0d0a, struct.pack(order + "IHHq", 0x1a2b3c4d, 1, 0, -1))

def interface(order, link, options=b""):
    return block(order, 1, struct.pack(order + "HHI", link, 0, 65535) + options)

syn, udp = record("ethernet-ipv4-tcp-syn"), record("ppp-ipv4-udp")

# Big-endian pcap, microseconds, Ethernet.
with open(f"{pcap_dir}/ethernet-big-endian.pcap", "wb") as out:
    out.write(struct.pack(">IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    out.write(struct.pack(">IIII", 1, 500000, len(syn), len(syn)) + syn)

# Big-endian pcapng: PPP interface with if_tsresol 6 (option 9), an enhanced, a simple and an
# obsolete packet block, and an unknown block to skip.
tsresol = struct.pack(">HH", 9, 1) + b"\x06\0\0\0" + struct.pack(">HH", 0, 0)
with open(f"{pcapng_dir}/big-endian-block-kinds.pcapng", "wb") as out:
    out.write(section(">") + interface(">", 9, tsresol))
    out.write(block(">", 6, struct.pack(">IIIII", 0, 0, 1_000_000, len(udp), len(udp)) + udp))
    out.write(block(">", 3, struct.pack(">I", len(udp)) + udp))
    out.write(block(">", 0x0bad, b"skip me!"))
    out.write(block(">", 2, struct.pack(">HHIIII", 0, 0, 0, 2_000_000, len(udp), len(udp)) + udp))

# Little-endian pcapng, Ethernet, the packet cut by the snap length.
with open(f"{pcapng_dir}/snap-length-cut.pcapng", "wb") as out:
    out.write(section("<") + interface("<", 1))
    out.write(block("<", 6, struct.pack("<IIIII", 0, 0, 1, 40, len(syn)) + syn[:40]))

# Timestamps at the ends of what 64-bit nanoseconds hold, which once hung render's time axis:
# raw IPv4 (LINKTYPE_IPV4) SYN probes at the given microsecond counts.
times_dir = sys.argv[4]
ipv4 = record("ipv4-only-tcp-syn")
for name, stamps in [("1970-and-2262", [0, (2**63 - 1) // 1000]),
                     ("1677-and-2262", [-(2**63) // 1000 + 1, (2**63 - 1) // 1000]),
                     ("around-the-epoch", [-1, 5]),
                     ("one-probe", [1_714_557_600_000_000]),
                     ("same-instant", [5, 5])]:
    with open(f"{times_dir}/{name}.pcapng", "wb") as out:
        out.write(section("<") + interface("<", 228))
        for stamp in stamps:
            units = stamp & (2**64 - 1)
            out.write(block("<", 6, struct.pack("<IIIII", 0, units >> 32, units & 0xffffffff,
                                                len(ipv4), len(ipv4)) + ipv4))
PY
ls -l "$pcap_seeds" "$pcapng_seeds" "$times"
