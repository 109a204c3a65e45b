#!/usr/bin/env python3
"""Writes a classic pcap of two days of scan-like traffic, for screenshots of the day view.

Usage: make-scan-days.py OUT.pcap [START_EPOCH_SECONDS]

Starts at local-independent UTC midnight of START (default 2026-12-01T00:00Z) and runs 48 h:
a slow TCP sweep over every port each day (diagonals), short bursts over all ports from one
source (vertical lines), steady probes of popular TCP and UDP ports (bands), sparse IPv6 TCP
and UDP, and some backscatter (SYN-ACKs). Sources are in 203.0.113.0/24 and 2001:db8::/32,
the destination 198.51.100.2 / 2001:db8::2: documentation addresses only. Deterministic.
"""
import random
import struct
import sys

ETH4 = b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00"
ETH6 = b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x86\xdd"
BUSY_TCP = [22, 23, 80, 443, 445, 1433, 3306, 3389, 5900, 8080]
BUSY_UDP = [53, 123, 161, 500, 1900, 5060, 11211]


def transport(tcp, port, flags=0x02):
    if tcp:
        return struct.pack("!HHIIBBHHH", 40000, port, 1, 0, 0x50, flags, 1024, 0, 0)
    return struct.pack("!HHHH", 40000, port, 8, 0)


def ipv4(tcp, source, port, flags=0x02):
    body = transport(tcp, port, flags)
    header = struct.pack("!BBHHHBBHII", 0x45, 0, 20 + len(body), 0, 0, 52,
                         6 if tcp else 17, 0, 0xCB007100 | source, 0xC6336402)
    return ETH4 + header + body


def ipv6(tcp, source, port):
    body = transport(tcp, port)
    header = struct.pack("!IHBB", 0x60000000, len(body), 6 if tcp else 17, 57)
    src = bytes.fromhex("20010db8000000000000000000%06x" % source)
    dst = bytes.fromhex("20010db8000000000000000000000002")
    return ETH6 + header + src + dst + body


def events(start, rng):
    day = 86400
    for d in range(2):
        base = start + d * day
        for i in range(65535):          # slow sweep: one port every ~0.9 s over 16 h
            yield base + 3600 + i * 0.9, ipv4(True, 7 + d, 1 + i)
        for b in range(6):              # bursts: all ports in ~20 s
            t0 = base + rng.uniform(0, day - 60)
            step = rng.choice([1, 3, 7])
            for port in range(1, 65536, step):
                yield t0 + port / 65535 * 20, ipv4(True, 100 + b, port)
        for _ in range(60000):          # busy ports
            yield base + rng.uniform(0, day), ipv4(True, rng.randrange(256),
                                                   rng.choice(BUSY_TCP))
        for _ in range(30000):
            yield base + rng.uniform(0, day), ipv4(False, rng.randrange(256),
                                                   rng.choice(BUSY_UDP))
        for _ in range(20000):          # noise over all ports
            yield base + rng.uniform(0, day), ipv4(rng.random() < 0.7, rng.randrange(256),
                                                   int(65535 ** rng.random()))
        for _ in range(3000):
            yield base + rng.uniform(0, day), ipv6(True, rng.randrange(4096),
                                                   rng.choice(BUSY_TCP + [int(65535 ** rng.random())]))
        for _ in range(2000):
            yield base + rng.uniform(0, day), ipv6(False, rng.randrange(4096),
                                                   rng.choice(BUSY_UDP))
        for _ in range(8000):           # backscatter
            yield base + rng.uniform(0, day), ipv4(True, rng.randrange(256),
                                                   rng.randrange(1024, 65536), 0x12)


def main():
    out = sys.argv[1]
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 1764547200
    rng = random.Random(5)
    records = sorted(events(start, rng), key=lambda e: e[0])
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for t, data in records:
            seconds = int(t)
            micros = int((t - seconds) * 1e6)
            f.write(struct.pack("<IIII", seconds, micros, len(data), len(data)))
            f.write(data)


if __name__ == "__main__":
    main()
