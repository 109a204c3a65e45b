#!/usr/bin/env python3
"""Writes the generated captures of test-pcaps/ from the real scans that make-scans.sh recorded.

Usage: test-pcaps/generate.py   (after make-scans.sh; python3 standard library only)

Every variant is derived from real scan packets where that works: the IP packets nmap, masscan
and hping3 sent are taken out of their Ethernet frames and wrapped again in the other link
layers (802.1Q and 802.1ad tags, Linux SLL and SLL2, raw IP, BSD loopback), written in the
other file formats (pcap with micro- and nanosecond timestamps in both byte orders, pcapng
with several sections and interfaces), given IPv4 options and IPv6 extension-header chains,
or cut and damaged on purpose. Only the slow scan is built from a single template packet
whose destination port and time are rewritten. Only documentation addresses appear.
Deterministic: the same inputs give the same bytes.
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

ETHERNET, NULL, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 = 1, 0, 101, 108, 113, 228, 229, 276
ETH_IPV4, ETH_IPV6, ETH_ARP, ETH_VLAN, ETH_QINQ, ETH_LLDP = (
    0x0800, 0x86DD, 0x0806, 0x8100, 0x88A8, 0x88CC)
TCP, UDP, HOP_BY_HOP, ROUTING, FRAGMENT, DEST_OPTS, AUTH, GRE, IPIP = (
    6, 17, 0, 43, 44, 60, 51, 47, 4)
SCANNER_MAC = bytes.fromhex("020000000001")
DARK_MAC = bytes.fromhex("020000000002")
NANOS = 1_000_000_000


# ---------------------------------------------------------------- reading the real scans

def read_pcap(name):
    """Records of a classic pcap written by tcpdump: (link type, [(ns, data, wire length)])."""
    with open(os.path.join(HERE, name), "rb") as f:
        raw = f.read()
    magic = struct.unpack_from("<I", raw, 0)[0]
    order = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    nano = struct.unpack_from(order + "I", raw, 0)[0] == 0xA1B23C4D
    link_type = struct.unpack_from(order + "I", raw, 20)[0]
    records, at = [], 24
    while at + 16 <= len(raw):
        sec, frac, caplen, wirelen = struct.unpack_from(order + "IIII", raw, at)
        data = raw[at + 16:at + 16 + caplen]
        records.append((sec * NANOS + (frac if nano else frac * 1000), data, wirelen))
        at += 16 + caplen
    return link_type, records


def ip_packets(name, version=None, limit=None):
    """The IP packets inside the Ethernet frames of a real scan: [(ns, ip bytes)]."""
    _, records = read_pcap(name)
    packets = []
    for ns, frame, _ in records:
        ether_type = struct.unpack_from("!H", frame, 12)[0]
        found = {ETH_IPV4: 4, ETH_IPV6: 6}.get(ether_type)
        if found and (version is None or version == found):
            packets.append((ns, frame[14:]))
    return packets[:limit]


# ---------------------------------------------------------------- checksums and rewriting

def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4_header(protocol, source, destination, payload_length, options=b"", ident=1,
                flags_fragment=0, ttl=64):
    ihl = 5 + len(options) // 4
    header = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, ihl * 4 + payload_length, ident,
                         flags_fragment, ttl, protocol, 0, source, destination) + options
    return header[:10] + struct.pack("!H", checksum(header)) + header[12:]


def transport_checksum(ip, protocol, segment):
    """Fills in the TCP or UDP checksum of segment for the addresses of ip (v4 or v6)."""
    if ip[0] >> 4 == 4:
        pseudo = ip[12:20] + struct.pack("!BBH", 0, protocol, len(segment))
    else:
        pseudo = ip[8:40] + struct.pack("!IxxxB", len(segment), protocol)
    at = 16 if protocol == TCP else 6
    segment = segment[:at] + b"\0\0" + segment[at + 2:]
    value = checksum(pseudo + segment) or (0xFFFF if protocol == UDP else 0)
    return segment[:at] + struct.pack("!H", value) + segment[at + 2:]


def split_ipv4(ip):
    ihl = (ip[0] & 0x0F) * 4
    return ip[:ihl], ip[ihl:struct.unpack_from("!H", ip, 2)[0]]


def with_ipv4_options(ip, options):
    """The same IPv4 datagram with options added to its header (checksums redone)."""
    header, payload = split_ipv4(ip)
    rebuilt = ipv4_header(header[9], header[12:16], header[16:20], len(payload), options,
                          ident=struct.unpack_from("!H", header, 4)[0], ttl=header[8])
    return rebuilt + transport_checksum(rebuilt, header[9], payload)


def extension(kind, next_header, body):
    """One IPv6 extension header: next header, length field, body padded to its unit."""
    if kind == FRAGMENT:
        return bytes([next_header, 0]) + body
    if kind == AUTH:
        body += b"\0" * (-(len(body) + 2) % 4)
        return bytes([next_header, (len(body) + 2) // 4 - 2]) + body
    body += padn(-(len(body) + 2) % 8)
    return bytes([next_header, (len(body) + 2) // 8 - 1]) + body


def padn(length):
    if length == 0:
        return b""
    if length == 1:
        return b"\0"
    return bytes([1, length - 2]) + b"\0" * (length - 2)


def with_destination_port(ip, port):
    """The IPv4 TCP or UDP packet ip with its destination port replaced (checksums redone)."""
    header, payload = split_ipv4(ip)
    payload = payload[:2] + struct.pack("!H", port) + payload[4:]
    return header + transport_checksum(header, header[9], payload)


def with_tcp_flags(ip, flags):
    """An IPv4 or IPv6 TCP packet ip (no extension headers) with other TCP flags."""
    start = (ip[0] & 0x0F) * 4 if ip[0] >> 4 == 4 else 40
    segment = ip[start:]
    segment = segment[:13] + bytes([flags]) + segment[14:]
    return ip[:start] + transport_checksum(ip, TCP, segment)


def swap_addresses(ip):
    """The reply direction: source and destination exchanged (IPv4 checksum redone)."""
    if ip[0] >> 4 == 4:
        header, payload = split_ipv4(ip)
        header = header[:12] + header[16:20] + header[12:16] + header[20:]
        header = header[:10] + b"\0\0" + header[12:]
        header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
        segment = payload[2:4] + payload[0:2] + payload[4:]
        return header + transport_checksum(header, header[9], segment)
    swapped = ip[:8] + ip[24:40] + ip[8:24]
    segment = ip[42:44] + ip[40:42] + ip[44:]
    return swapped[:40] + transport_checksum(swapped, ip[6], segment)


# ---------------------------------------------------------------- link layers

def ethernet(ip, tags=()):
    """An Ethernet frame around ip, with (tag protocol, VLAN id) tags outermost first."""
    ether_type = ETH_IPV4 if ip[0] >> 4 == 4 else ETH_IPV6
    return ethernet_of(ether_type, ip, tags)


def ethernet_of(ether_type, payload, tags=()):
    """An Ethernet frame of ether_type; each tag is 4 bytes (tag protocol, VLAN id) that sits
    before the type it wraps, so the frame reads tpid1 vid1 tpid2 vid2 ... ether_type."""
    frame = DARK_MAC + SCANNER_MAC
    for tpid, vid in tags:
        frame += struct.pack("!HH", tpid, vid)
    return frame + struct.pack("!H", ether_type) + payload


def linux_sll(ip, ether_type=None):
    ether_type = ether_type or (ETH_IPV4 if ip[0] >> 4 == 4 else ETH_IPV6)
    return struct.pack("!HHH8sH", 0, 1, 6, SCANNER_MAC + b"\0\0", ether_type) + ip


def linux_sll2(ip, ether_type=None):
    ether_type = ether_type or (ETH_IPV4 if ip[0] >> 4 == 4 else ETH_IPV6)
    return struct.pack("!HHIHBB8s", ether_type, 0, 3, 1, 0, 6, SCANNER_MAC + b"\0\0") + ip


def loopback(ip, order, inet6=24):
    family = 2 if ip[0] >> 4 == 4 else inet6
    return struct.pack(order + "I", family) + ip


# ---------------------------------------------------------------- writers

def write_pcap(name, link_type, records, nano=False, big_endian=False, snaplen=65535):
    """records: [(ns, data)] or [(ns, data, wire length)]."""
    order = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    out = [struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, snaplen, link_type)]
    for record in records:
        ns, data = record[0], record[1]
        wire = record[2] if len(record) > 2 else len(data)
        frac = ns % NANOS if nano else ns % NANOS // 1000
        out.append(struct.pack(order + "IIII", ns // NANOS, frac, len(data), wire) + data)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(b"".join(out))
    print("generate.py: wrote %s (%d records)" % (name, len(records)))


def block(order, kind, body):
    body += b"\0" * (-len(body) % 4)
    length = 12 + len(body)
    return struct.pack(order + "II", kind, length) + body + struct.pack(order + "I", length)


def option(order, code, value):
    return struct.pack(order + "HH", code, len(value)) + value + b"\0" * (-len(value) % 4)


def end_of_options(order):
    return struct.pack(order + "HH", 0, 0)


def pcapng_section(order, interfaces, packets, extra_blocks=()):
    """A section: interfaces [(link type, if_tsresol byte or None, if_tsoffset s or None)],
    packets [(interface, ns, data)], extra blocks appended after the packets."""
    shb = struct.pack(order + "IHHq", 0x1A2B3C4D, 1, 0, -1) \
        + option(order, 4, b"scanvas test-pcaps/generate.py") + end_of_options(order)
    blocks = [block(order, 0x0A0D0D0A, shb)]
    for link_type, resolution, offset in interfaces:
        options = b""
        if resolution is not None:
            options += option(order, 9, bytes([resolution]))
        if offset is not None:
            options += option(order, 14, struct.pack(order + "q", offset))
        options += end_of_options(order) if options else b""
        blocks.append(block(order, 1, struct.pack(order + "HHI", link_type, 0, 0) + options))
    for interface, ns, data in packets:
        resolution, offset = interfaces[interface][1], interfaces[interface][2] or 0
        units = to_units(ns - offset * NANOS, resolution)
        body = struct.pack(order + "IIIII", interface, units >> 32, units & 0xFFFFFFFF,
                           len(data), len(data)) + data + b"\0" * (-len(data) % 4)
        blocks.append(block(order, 6, body))
    blocks.extend(extra_blocks)
    return b"".join(blocks)


def to_units(ns, resolution):
    if resolution is None:
        return ns // 1000
    if resolution & 0x80:
        return (ns << (resolution & 0x7F)) // NANOS
    exponent = resolution
    return ns * 10 ** exponent // NANOS if exponent <= 9 else ns * 10 ** (exponent - 9)


def name_resolution_block(order):
    record = struct.pack(order + "HH", 1, 4 + len(b"dark.example\0")) + bytes([192, 0, 2, 2]) \
        + b"dark.example\0"
    record += b"\0" * (-len(record) % 4)
    return block(order, 4, record + struct.pack(order + "HH", 0, 0))


def statistics_block(order, interface, ns):
    units = ns // 1000
    return block(order, 5, struct.pack(order + "III", interface, units >> 32, units & 0xFFFFFFFF)
                 + option(order, 4, struct.pack(order + "Q", 0)) + end_of_options(order))


# ---------------------------------------------------------------- the captures

BASE = 1_763_942_400 * NANOS  # 2025-11-24T00:00:00Z, where the generated-only captures start


def slow_scan():
    """One source stepping through the ports over eight hours: a diagonal on the log axis."""
    template = ip_packets("nmap-syn.pcap", version=4, limit=1)[0][1]
    header, payload = split_ipv4(template)
    header = header[:12] + bytes([203, 0, 113, 77]) + header[16:]
    header = header[:10] + b"\0\0" + header[12:]
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    template = header + payload
    probes, steps, hours = [], 1500, 8
    for i in range(steps):
        port = round(65535 ** (i / (steps - 1)))
        ns = BASE + i * hours * 3600 * NANOS // steps + (i * 7919 % 1000) * 1_000_000
        probes.append((ns, ethernet(with_destination_port(template, port))))
    write_pcap("gen-slow-scan.pcap", ETHERNET, probes)


def formats():
    """The same real SYN scan in the four classic pcap flavours (tcpdump wrote LE us)."""
    _, records = read_pcap("nmap-syn.pcap")
    records = records[:120]
    nanos = [(ns + i * 37, data, wire) for i, (ns, data, wire) in enumerate(records)]
    write_pcap("gen-pcap-us-be.pcap", ETHERNET, records, big_endian=True)
    write_pcap("gen-pcap-ns-le.pcap", ETHERNET, nanos, nano=True)
    write_pcap("gen-pcap-ns-be.pcap", ETHERNET, nanos, nano=True, big_endian=True)


def mixed_ip(limit_each):
    """Real probes of every kind, interleaved: TCP and UDP over IPv4 and IPv6."""
    ipv6 = ip_packets("nmap-ipv6.pcap", 6)
    picked = (ip_packets("nmap-syn.pcap", 4, limit_each)
              + ip_packets("nmap-udp.pcap", 4, limit_each)
              + [p for p in ipv6 if p[1][6] == TCP][:limit_each]
              + [p for p in ipv6 if p[1][6] == UDP][:limit_each])
    return sorted(picked, key=lambda p: p[0])


def link_layers():
    packets = mixed_ip(25)
    tagged = []
    for i, (ns, ip) in enumerate(packets):
        tags = [((ETH_VLAN, 100),), ((ETH_QINQ, 200), (ETH_VLAN, 300)),
                ((ETH_VLAN, 10), (ETH_VLAN, 20), (ETH_VLAN, 30))][i % 3]
        tagged.append((ns, ethernet(ip, tags)))
    tagged.append((packets[-1][0] + 1000, ethernet_of(ETH_ARP, arp_request(), ((ETH_QINQ, 5),
                                                                                 (ETH_VLAN, 6)))))
    write_pcap("gen-vlan-qinq.pcap", ETHERNET, tagged)

    non_ip = (packets[-1][0] + 2000, None)
    last = packets[-1][1]
    cut = (non_ip[0] + 1000, linux_sll(last)[:12], len(linux_sll(last)))
    write_pcap("gen-sll.pcap", LINUX_SLL, [(ns, linux_sll(ip)) for ns, ip in packets]
               + [(non_ip[0], linux_sll(arp_request(), ETH_ARP)), cut], snaplen=262144)
    cut = (non_ip[0] + 1000, linux_sll2(last)[:18], len(linux_sll2(last)))
    write_pcap("gen-sll2.pcap", LINUX_SLL2, [(ns, linux_sll2(ip)) for ns, ip in packets]
               + [(non_ip[0], linux_sll2(arp_request(), ETH_ARP)), cut], snaplen=262144)
    write_pcap("gen-raw-101.pcap", RAW, packets)
    write_pcap("gen-raw-ipv4-228.pcap", IPV4, [p for p in packets if p[1][0] >> 4 == 4])
    write_pcap("gen-raw-ipv6-229.pcap", IPV6, [p for p in packets if p[1][0] >> 4 == 6])

    families = (24, 28, 30)
    null_records = [(ns, loopback(ip, "<", families[i % 3])) for i, (ns, ip) in enumerate(packets)]
    # A writer on a big-endian host: the family reads as 0x02000000 little-endian.
    null_records += [(ns + 500, loopback(ip, ">", 24)) for ns, ip in packets[:6]]
    # An address family no system uses, and a record cut inside the family.
    null_records += [(packets[-1][0] + 1000, struct.pack("<I", 0x0F) + packets[-1][1]),
                     (packets[-1][0] + 2000, b"\x02\x00", 4 + len(packets[-1][1]))]
    write_pcap("gen-null-0.pcap", NULL, sorted(null_records, key=lambda r: r[0]))
    write_pcap("gen-loop-108.pcap", LOOP,
               [(ns, loopback(ip, ">", families[i % 3])) for i, (ns, ip) in enumerate(packets)])


def arp_request():
    return struct.pack("!HHBBH6s4s6s4s", 1, ETH_IPV4, 6, 4, 1, SCANNER_MAC,
                       bytes([192, 0, 2, 1]), b"\0" * 6, bytes([192, 0, 2, 2]))


def ipv4_options():
    """Real IPv4 probes with options: NOP, record route, timestamp, router alert, up to IHL 15."""
    options = [
        b"\x01\x01\x01\x01",                                       # four NOPs
        b"\x94\x04\x00\x00",                                       # router alert
        b"\x07\x0b\x04" + b"\0" * 8 + b"\x00",                     # record route, 2 slots + EOL
        b"\x44\x0c\x05\x00" + b"\0" * 8,                           # timestamp, 2 slots
        b"\x07\x27\x04" + b"\0" * 36 + b"\x00",                    # record route: IHL 15
    ]
    packets = mixed_ip(10)
    out = []
    for i, (ns, ip) in enumerate(p for p in packets if p[1][0] >> 4 == 4):
        out.append((ns, ethernet(with_ipv4_options(ip, options[i % len(options)]))))
    write_pcap("gen-ipv4-options.pcap", ETHERNET, out)


def hop_by_hop():
    return padn(6)


def routing_type0():
    return bytes([0, 1]) + b"\0\0\0\0" + bytes.fromhex("20010db8000000000000000000000001")


def routing_type4():  # a segment routing header, one segment
    return bytes([4, 0, 0, 0, 0, 0]) + bytes.fromhex("20010db8000000000000000000000002")


def fragment(offset_units, more, ident=0x1234):
    return struct.pack("!HI", offset_units << 3 | more, ident)


def authentication():
    return b"\0\0" + struct.pack("!II", 0x100, 1) + b"\0" * 12


def ipv6_chains():
    """Real IPv6 probes behind chains of extension headers, and fragments of them."""
    packets = ip_packets("nmap-ipv6.pcap", 6)
    tcp = [p for p in packets if p[1][6] == TCP][:12]
    udp = [p for p in packets if p[1][6] == UDP][:12]
    chains = [
        [(HOP_BY_HOP, hop_by_hop())],
        [(DEST_OPTS, padn(6))],
        [(HOP_BY_HOP, hop_by_hop()), (DEST_OPTS, padn(14))],
        [(HOP_BY_HOP, hop_by_hop()), (ROUTING, routing_type0()), (DEST_OPTS, padn(6))],
        [(ROUTING, routing_type4())],
        [(FRAGMENT, fragment(0, 0))],                              # atomic fragment
        [(FRAGMENT, fragment(0, 1))],                              # first of several
        [(HOP_BY_HOP, hop_by_hop()), (DEST_OPTS, padn(6)), (ROUTING, routing_type0()),
         (FRAGMENT, fragment(0, 0)), (AUTH, authentication()), (DEST_OPTS, padn(6))],
        [(AUTH, authentication())],
    ]
    out = []
    for i, chain in enumerate(chains):
        for ns, ip in (tcp[i], udp[i]):
            out.append((ns, ethernet(chained(ip, chain))))
    # Non-first fragments: no ports, not probes.
    for ns, ip in tcp[10:12] + udp[10:12]:
        out.append((ns, ethernet(chained(ip, [(FRAGMENT, fragment(3, 0))]))))
        out.append((ns + 1000, ethernet(chained(ip, [(DEST_OPTS, padn(6)),
                                                      (FRAGMENT, fragment(185, 1))]))))
    write_pcap("gen-ipv6-extensions.pcap", ETHERNET, sorted(out, key=lambda r: r[0]))


def chained(ip, chain):
    transport = ip[6]
    types = [kind for kind, _ in chain] + [transport]
    headers = b"".join(extension(kind, types[i + 1], body) for i, (kind, body) in enumerate(chain))
    payload = headers + ip[40:]
    return ip[:4] + struct.pack("!HB", len(payload), types[0]) + ip[7:40] + payload


def classes():
    """Every class on Ethernet: probes of each TCP flag set, backscatter, other, malformed."""
    syn4 = ip_packets("nmap-syn.pcap", 4, 1)[0][1]
    udp4 = ip_packets("nmap-udp.pcap", 4, 1)[0][1]
    ipv6 = ip_packets("nmap-ipv6.pcap", 6)
    syn6 = next(ip for _, ip in ipv6 if ip[6] == TCP)
    udp6 = next(ip for _, ip in ipv6 if ip[6] == UDP)
    hping = [ip for _, ip in ip_packets("hping3.pcap", 4)]
    icmp = next(ip for ip in hping if ip[9] == 1)
    frames = []

    def add(data, wire=None):
        frames.append((data, len(data) if wire is None else wire))

    # Probes: SYN, NULL, FIN, Xmas, SYN+ECE+CWR, URG, PSH+FIN; UDP; over both versions.
    for flags in (0x02, 0x00, 0x01, 0x29, 0xC2, 0x20, 0x09):
        add(ethernet(with_tcp_flags(syn4, flags)))
        add(ethernet(with_tcp_flags(syn6, flags)))
    add(ethernet(udp4))
    add(ethernet(udp6))
    # Backscatter: SYN-ACK, RST, RST-ACK, ACK, FIN-ACK, each the reply direction.
    for flags in (0x12, 0x04, 0x14, 0x10, 0x11):
        add(ethernet(with_tcp_flags(swap_addresses(syn4), flags)))
        add(ethernet(with_tcp_flags(swap_addresses(syn6), flags)))
    # Other: not IP, not TCP/UDP, tunnels, ICMP errors quoting a probe, non-first fragments.
    add(ethernet_of(ETH_ARP, arp_request()))
    add(ethernet_of(ETH_LLDP, bytes.fromhex("020704020000000001040302000106020078") + b"\0\0"))
    add(ethernet(icmp))
    add(ethernet(icmp_unreachable(syn4)))
    add(ethernet(tunnel(syn4, IPIP)))
    add(ethernet(tunnel(gre(syn6), GRE)))
    add(ethernet(tunnel(syn6, 41)))
    with_payload = next(ip for _, ip in ip_packets("nmap-udp.pcap", 4) if len(ip) >= 20 + 8 + 16)
    first, later = fragments(with_payload)
    add(ethernet(first))                 # first fragment holds the ports: a probe
    add(ethernet(later))                 # no ports: other
    tiny_first, tiny_rest = fragments(syn4, first_payload=8)
    add(ethernet(tiny_first))            # first fragment without the TCP flags: other
    add(ethernet(tiny_rest))
    # Malformed: bad IHL, lengths past the data, wrong version, cut before the fields.
    add(ethernet(bytes([0x44]) + syn4[1:]))                                   # IHL 4
    add(ethernet(bytes([0x4F]) + syn4[1:]))                                   # IHL 15 > data
    add(ethernet(syn4[:2] + struct.pack("!H", 16) + syn4[4:]))                 # total < IHL
    add(ethernet(syn4[:2] + struct.pack("!H", len(syn4) + 40) + syn4[4:]))     # past the wire
    add(ethernet(syn6[:4] + struct.pack("!H", len(syn6)) + syn6[6:]))          # IPv6 too
    add(ethernet(syn4[:2] + struct.pack("!H", 30) + syn4[4:]))                 # ends in TCP
    add(ethernet_of(ETH_IPV4, syn6))                                          # version 6 as v4
    add(ethernet(syn4)[:14 + 20 + 12], len(ethernet(syn4)))                   # cut before flags
    add(ethernet(udp6)[:14 + 40 + 3], len(ethernet(udp6)))                    # cut in the ports
    add(ethernet(syn4)[:10], len(ethernet(syn4)))                             # cut in Ethernet
    add(ethernet_of(ETH_IPV6, syn4))                                          # version 4 as v6
    add(ethernet(chained(syn6, [(HOP_BY_HOP, hop_by_hop()), (DEST_OPTS, padn(14))]))[:14 + 40
                                                                                       + 12],
        14 + len(syn6) + 24)                                                  # cut in the chain
    add(ethernet_of(ETH_VLAN, syn4[:20])[:16], 14 + 4 + len(syn4))            # cut in a VLAN tag
    # Edge cases that are not malformed.
    add(ethernet(with_tcp_data_offset(syn4, 2)))                              # TCP offset 2: probe
    add(ethernet(ipv6_no_next_header(syn6)))                                  # next header 59
    add(ethernet(chained(syn6, [(DEST_OPTS, padn(6)), (HOP_BY_HOP, hop_by_hop())])))
    tiny6 = chained(syn6[:40 + 8], [(FRAGMENT, fragment(0, 1))])             # ports, no flags
    add(ethernet(tiny6[:4] + struct.pack("!H", 8 + 8) + tiny6[6:]))
    add(ethernet(fragments(syn4, first_payload=16)[0]))                       # flags in 16 bytes
    add(ethernet_of(38, b"\x42\x42\x03" + b"\0" * 35))                        # 802.3 STP
    padded = ethernet(udp4) + b"\0" * (60 - len(ethernet(udp4)))
    add(padded)                                                               # Ethernet padding
    # Cut by the snap length after the fields: still probes.
    add(ethernet(syn4)[:14 + 20 + 14], len(ethernet(syn4)))
    add(ethernet(udp6)[:14 + 40 + 4], len(ethernet(udp6)))
    add(ethernet(swap_addresses(with_tcp_flags(syn4, 0x12)))[:14 + 20 + 14], 58)  # backscatter
    records = [(BASE + 3600 * NANOS + i * 250_000_000, data, wire)
               for i, (data, wire) in enumerate(frames)]
    write_pcap("gen-classes.pcap", ETHERNET, records, snaplen=65535)


def with_tcp_data_offset(ip, words):
    """An IPv4 TCP packet whose data offset field says words (an impossible value below 5)."""
    header, segment = split_ipv4(ip)
    segment = segment[:12] + bytes([words << 4 | segment[12] & 0x0F]) + segment[13:]
    return header + transport_checksum(header, TCP, segment)


def ipv6_no_next_header(ip):
    return ip[:4] + struct.pack("!HB", 0, 59) + ip[7:40]


def icmp_unreachable(quoted):
    """An ICMP port unreachable from the dark side quoting the first 28 bytes of a probe."""
    body = struct.pack("!BBHI", 3, 3, 0, 0) + quoted[:28]
    body = body[:2] + struct.pack("!H", checksum(body)) + body[4:]
    return ipv4_header(1, quoted[16:20], quoted[12:16], len(body)) + body


def tunnel(inner, protocol):
    return ipv4_header(protocol, bytes([198, 51, 100, 1]), bytes([198, 51, 100, 2]),
                       len(inner)) + inner


def gre(ipv6_packet):
    return struct.pack("!HH", 0, ETH_IPV6) + ipv6_packet


def fragments(ip, first_payload=None):
    """ip split in two IPv4 fragments; the first carries first_payload bytes (a multiple of 8)
    of the transport, by default all but the last 8."""
    header, payload = split_ipv4(ip)
    cut = first_payload if first_payload is not None else (len(payload) - 8) // 8 * 8
    ident = struct.unpack_from("!H", header, 4)[0]
    src, dst, protocol = header[12:16], header[16:20], header[9]
    first = ipv4_header(protocol, src, dst, cut, ident=ident, flags_fragment=0x2000)
    rest = ipv4_header(protocol, src, dst, len(payload) - cut, ident=ident,
                       flags_fragment=cut // 8)
    return first + payload[:cut], rest + payload[cut:]


def pcapng_sections():
    """Three sections (one big-endian), interfaces of different link types and resolutions."""
    packets = mixed_ip(12)
    interfaces = [(ETHERNET, None, None), (RAW, 9, None), (LINUX_SLL, 3, None),
                  (IPV6, 0x80 | 20, None), (LINUX_SLL2, 6, 1000)]
    wrap = [ethernet, lambda ip: ip, linux_sll, lambda ip: ip, linux_sll2]
    v6_only = 3

    def section(order, chosen, shift):
        records = []
        for i, (ns, ip) in enumerate(packets):
            interface = chosen[i % len(chosen)]
            if interface == v6_only and ip[0] >> 4 != 6:
                interface = chosen[0]
            records.append((interface, ns + shift, wrap[interface](ip)))
        return records

    first = section("<", [0, 1, 2, 3, 4], 0)
    second = section(">", [0, 1, 2, 3, 4], 60 * NANOS)
    third = [(0, ns + 120 * NANOS, loopback(ip, "<", 30)) for ns, ip in packets[:10]]
    data = (pcapng_section("<", interfaces, first,
                           [name_resolution_block("<"), statistics_block("<", 0, first[-1][1])])
            + pcapng_section(">", interfaces, second, [statistics_block(">", 1, second[-1][1])])
            + pcapng_section("<", [(NULL, 9, None)], third))
    with open(os.path.join(HERE, "gen-multi-section.pcapng"), "wb") as f:
        f.write(data)
    print("generate.py: wrote gen-multi-section.pcapng (%d records)"
          % (len(first) + len(second) + len(third)))


def main():
    missing = [n for n in ("nmap-syn.pcap", "nmap-udp.pcap", "nmap-ipv6.pcap", "hping3.pcap")
               if not os.path.exists(os.path.join(HERE, n))]
    if missing:
        sys.exit("generate.py: run make-scans.sh first; missing " + ", ".join(missing))
    slow_scan()
    formats()
    link_layers()
    ipv4_options()
    ipv6_chains()
    classes()
    pcapng_sections()


if __name__ == "__main__":
    main()
