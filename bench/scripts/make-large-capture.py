#!/usr/bin/env python3
"""Writes a large classic pcap of scan-like traffic for whole-process speed comparisons.

Usage: make-large-capture.py OUT.pcap [RECORDS]

Records are Ethernet frames from 203.0.113.0/24 to 198.51.100.2: nine in ten are TCP SYNs,
one in ten UDP datagrams, destination ports stepping through 1..65535, one record every
100 microseconds. Only documentation addresses appear. Deterministic: same arguments, same
bytes.
"""
import struct
import sys


def frame(index):
    source = 0xCB007100 | (index % 251)          # 203.0.113.x
    destination = 0xC6336402                     # 198.51.100.2
    port = 1 + (index * 7919) % 65535
    ethernet = b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00"
    if index % 10 == 9:
        transport = struct.pack("!HHHH", 40000, port, 8, 0)
        protocol = 17
    else:
        transport = struct.pack("!HHIIBBHHH", 40000, port, index, 0, 0x50, 0x02, 1024, 0, 0)
        protocol = 6
    ip = struct.pack("!BBHHHBBHII", 0x45, 0, 20 + len(transport), index & 0xFFFF, 0, 64,
                     protocol, 0, source, destination)
    return ethernet + ip + transport


def main():
    out = sys.argv[1]
    records = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000
    start = 1_764_000_000
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        chunk = []
        for i in range(records):
            data = frame(i)
            micros = i * 100
            chunk.append(struct.pack("<IIII", start + micros // 1_000_000, micros % 1_000_000,
                                     len(data), len(data)))
            chunk.append(data)
            if len(chunk) >= 20000:
                f.write(b"".join(chunk))
                chunk.clear()
        f.write(b"".join(chunk))


if __name__ == "__main__":
    main()
