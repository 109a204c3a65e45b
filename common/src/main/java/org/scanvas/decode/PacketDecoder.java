package org.scanvas.decode;

import static org.scanvas.decode.NetworkOrder.u16;
import static org.scanvas.decode.NetworkOrder.u32;
import static org.scanvas.decode.NetworkOrder.u32LittleEndian;
import static org.scanvas.decode.NetworkOrder.u64;
import static org.scanvas.decode.NetworkOrder.u8;

import java.nio.ByteBuffer;

/**
 * Decodes one captured record into a {@link DecodedPacket} and classifies it.
 *
 * <p>Contract, relied upon by every source: never throws on any bytes, allocates nothing, and
 * reads only {@code [offset, offset + capturedLength)} of the buffer with absolute gets (the
 * buffer's position and byte order are left alone and do not matter; reads stop at its limit
 * should {@code capturedLength} claim more bytes than it holds).
 *
 * <p>Rules: only the outermost IP header counts. IPv4 options and IPv6 extension headers are
 * stepped over; tunnels, ICMP errors, ESP and non-first fragments are {@link TrafficClass#OTHER}.
 * A TCP segment needs its ports and flags byte, a UDP datagram its ports; a record cut by the
 * snap length after those still classifies. An IP length that points past the packet as it was
 * on the wire, an impossible header length, a wrong version or a header cut short is
 * {@link TrafficClass#MALFORMED}. A first fragment too short to hold the ports is
 * {@link TrafficClass#OTHER}: its ports travel in a later fragment.
 *
 * <p>Internally every position is an absolute index into the buffer; {@code end} is one past
 * the last captured byte and {@code wireEnd} one past the last byte the packet had on the wire
 * (a long, since a bogus original length may be huge).
 */
public final class PacketDecoder {

    private PacketDecoder() {
    }

    /**
     * Decodes a record.
     *
     * @param linkType LINKTYPE_ value of the record's interface
     * @param frame buffer holding the record's bytes; null is taken as an empty record
     * @param offset index in {@code frame} of the record's first byte
     * @param capturedLength bytes captured (present in the buffer)
     * @param originalLength bytes the packet had on the wire; when smaller than
     *     {@code capturedLength} the captured length is taken instead
     * @param timestampNanos capture time, nanoseconds since the epoch
     * @param out packet to overwrite; every field is set
     */
    public static void decode(int linkType, ByteBuffer frame, int offset, int capturedLength,
            int originalLength, long timestampNanos, DecodedPacket out) {
        out.clear();
        out.timestampNanos = timestampNanos;
        out.linkType = linkType;
        out.capturedLength = capturedLength;
        out.originalLength = originalLength;

        int present = presentBytes(frame, offset, capturedLength);
        int end = offset + present;
        long wireEnd = offset + (long) Math.max(present, originalLength);
        out.trafficClass = present == 0
                ? TrafficClass.MALFORMED
                : decodeLink(linkType, frame, offset, end, wireEnd, out);
    }

    private static int presentBytes(ByteBuffer frame, int offset, int capturedLength) {
        if (frame == null || offset < 0 || offset > frame.limit() || capturedLength <= 0) {
            return 0;
        }
        return Math.min(capturedLength, frame.limit() - offset);
    }

    private static TrafficClass decodeLink(int linkType, ByteBuffer frame, int start, int end,
            long wireEnd, DecodedPacket out) {
        switch (linkType) {
            case LinkType.ETHERNET:
                return decodeEthernet(frame, start, end, wireEnd, out);
            case LinkType.LINUX_SLL:
                return decodeLinuxSll(frame, start, end, wireEnd, out);
            case LinkType.LINUX_SLL2:
                return decodeLinuxSll2(frame, start, end, wireEnd, out);
            case LinkType.RAW:
            case LinkType.RAW_BSD:
            case LinkType.RAW_OPENBSD:
                return decodeIpByVersion(frame, start, end, wireEnd, out);
            case LinkType.IPV4:
                return decodeIpv4(frame, start, end, wireEnd, out);
            case LinkType.IPV6:
                return decodeIpv6(frame, start, end, wireEnd, out);
            case LinkType.NULL:
                return decodeLoopback(frame, start, end, wireEnd, out, false);
            case LinkType.LOOP:
                return decodeLoopback(frame, start, end, wireEnd, out, true);
            case LinkType.PPP:
                return decodePpp(frame, start, end, wireEnd, out);
            default:
                return TrafficClass.OTHER;
        }
    }

    private static TrafficClass decodeEthernet(ByteBuffer frame, int start, int end,
            long wireEnd, DecodedPacket out) {
        if (end - start < EthernetHeader.LENGTH) {
            return TrafficClass.MALFORMED;
        }
        int etherType = u16(frame, start + EthernetHeader.ETHER_TYPE);
        int next = start + EthernetHeader.LENGTH;

        while (EtherType.isVlanTag(etherType)) {
            if (end - next < VlanTag.LENGTH) {
                return TrafficClass.MALFORMED;
            }
            etherType = u16(frame, next + VlanTag.ETHER_TYPE);
            next += VlanTag.LENGTH;
        }
        return decodeEtherType(etherType, frame, next, end, wireEnd, out);
    }

    private static TrafficClass decodeLinuxSll(ByteBuffer frame, int start, int end,
            long wireEnd, DecodedPacket out) {
        if (end - start < LinuxSllHeader.LENGTH) {
            return TrafficClass.MALFORMED;
        }
        int protocol = u16(frame, start + LinuxSllHeader.PROTOCOL);
        return decodeEtherType(protocol, frame, start + LinuxSllHeader.LENGTH, end, wireEnd, out);
    }

    private static TrafficClass decodeLinuxSll2(ByteBuffer frame, int start, int end,
            long wireEnd, DecodedPacket out) {
        if (end - start < LinuxSll2Header.LENGTH) {
            return TrafficClass.MALFORMED;
        }
        int protocol = u16(frame, start + LinuxSll2Header.PROTOCOL);
        return decodeEtherType(protocol, frame, start + LinuxSll2Header.LENGTH, end, wireEnd,
                out);
    }

    private static TrafficClass decodeEtherType(int etherType, ByteBuffer frame, int ip, int end,
            long wireEnd, DecodedPacket out) {
        switch (etherType) {
            case EtherType.IPV4:
                return decodeIpv4(frame, ip, end, wireEnd, out);
            case EtherType.IPV6:
                return decodeIpv6(frame, ip, end, wireEnd, out);
            default:
                return TrafficClass.OTHER;
        }
    }

    private static TrafficClass decodeLoopback(ByteBuffer frame, int start, int end,
            long wireEnd, DecodedPacket out, boolean networkOrder) {
        if (end - start < LoopbackHeader.LENGTH) {
            return TrafficClass.MALFORMED;
        }
        int family = loopbackFamily(frame, start + LoopbackHeader.FAMILY, networkOrder);
        int ip = start + LoopbackHeader.LENGTH;

        if (family == LoopbackHeader.AF_INET) {
            return decodeIpv4(frame, ip, end, wireEnd, out);
        }
        if (LoopbackHeader.isInet6(family)) {
            return decodeIpv6(frame, ip, end, wireEnd, out);
        }
        return TrafficClass.OTHER;
    }

    /**
     * Reads the loopback address family. For LINKTYPE_NULL the writer's byte order is unknown;
     * every family value is below 65536, so a value with its high half set was written
     * big-endian and is read again that way (the same test libpcap makes).
     */
    private static int loopbackFamily(ByteBuffer frame, int index, boolean networkOrder) {
        long bigEndian = u32(frame, index);
        if (networkOrder) {
            return (int) bigEndian;
        }
        long littleEndian = u32LittleEndian(frame, index);
        return (int) ((littleEndian & 0xFFFF_0000L) != 0 ? bigEndian : littleEndian);
    }

    private static TrafficClass decodePpp(ByteBuffer frame, int start, int end, long wireEnd,
            DecodedPacket out) {
        int next = start;
        if (end - next >= PppHeader.ADDRESS_CONTROL_LENGTH
                && u8(frame, next + PppHeader.ADDRESS) == PppHeader.ALL_STATIONS
                && u8(frame, next + PppHeader.CONTROL) == PppHeader.UNNUMBERED_INFORMATION) {
            next += PppHeader.ADDRESS_CONTROL_LENGTH;
        }
        if (end - next < 1) {
            return TrafficClass.MALFORMED;
        }
        int protocol = u8(frame, next);
        if (PppHeader.isCompressedProtocol(protocol)) {
            next += 1;
        } else if (end - next < 2) {
            return TrafficClass.MALFORMED;
        } else {
            protocol = u16(frame, next);
            next += 2;
        }
        return decodePppProtocol(protocol, frame, next, end, wireEnd, out);
    }

    private static TrafficClass decodePppProtocol(int protocol, ByteBuffer frame, int ip,
            int end, long wireEnd, DecodedPacket out) {
        switch (protocol) {
            case PppHeader.PROTOCOL_IPV4:
                return decodeIpv4(frame, ip, end, wireEnd, out);
            case PppHeader.PROTOCOL_IPV6:
                return decodeIpv6(frame, ip, end, wireEnd, out);
            default:
                return TrafficClass.OTHER;
        }
    }

    private static TrafficClass decodeIpByVersion(ByteBuffer frame, int ip, int end,
            long wireEnd, DecodedPacket out) {
        if (end - ip < 1) {
            return TrafficClass.MALFORMED;
        }
        switch (u8(frame, ip) >>> 4) {
            case Ipv4Header.VERSION:
                return decodeIpv4(frame, ip, end, wireEnd, out);
            case Ipv6Header.VERSION_NUMBER:
                return decodeIpv6(frame, ip, end, wireEnd, out);
            default:
                return TrafficClass.MALFORMED;
        }
    }

    private static TrafficClass decodeIpv4(ByteBuffer frame, int ip, int end, long wireEnd,
            DecodedPacket out) {
        if (end - ip < Ipv4Header.MIN_LENGTH
                || u8(frame, ip + Ipv4Header.VERSION_AND_IHL) >>> 4 != Ipv4Header.VERSION) {
            return TrafficClass.MALFORMED;
        }
        readIpv4Fields(frame, ip, out);
        int headerLength = (u8(frame, ip + Ipv4Header.VERSION_AND_IHL) & 0x0F)
                * Ipv4Header.IHL_UNIT;
        int totalLength = out.ipLength;

        if (headerLength < Ipv4Header.MIN_LENGTH || headerLength > end - ip
                || totalLength < headerLength || totalLength > wireEnd - ip) {
            return TrafficClass.MALFORMED;
        }
        int fragment = u16(frame, ip + Ipv4Header.FLAGS_AND_FRAGMENT_OFFSET);
        if ((fragment & Ipv4Header.FRAGMENT_OFFSET_MASK) != 0) {
            return TrafficClass.OTHER;
        }
        boolean firstFragment = (fragment & Ipv4Header.MORE_FRAGMENTS) != 0;
        return decodeTransport(out.protocol, false, frame, ip + headerLength,
                Math.min(end, ip + totalLength), ip + totalLength, firstFragment, out);
    }

    private static void readIpv4Fields(ByteBuffer frame, int ip, DecodedPacket out) {
        out.ipVersion = Ipv4Header.VERSION;
        out.ipLength = u16(frame, ip + Ipv4Header.TOTAL_LENGTH);
        out.ttl = u8(frame, ip + Ipv4Header.TTL);
        out.protocol = u8(frame, ip + Ipv4Header.PROTOCOL);
        out.sourceHigh = 0;
        out.sourceLow = IpAddresses.IPV4_MAPPED_PREFIX | u32(frame, ip + Ipv4Header.SOURCE);
        out.destinationHigh = 0;
        out.destinationLow = IpAddresses.IPV4_MAPPED_PREFIX
                | u32(frame, ip + Ipv4Header.DESTINATION);
    }

    private static TrafficClass decodeIpv6(ByteBuffer frame, int ip, int end, long wireEnd,
            DecodedPacket out) {
        if (end - ip < Ipv6Header.LENGTH
                || u8(frame, ip + Ipv6Header.VERSION) >>> 4 != Ipv6Header.VERSION_NUMBER) {
            return TrafficClass.MALFORMED;
        }
        readIpv6Fields(frame, ip, out);
        long datagramEnd = (long) ip + out.ipLength;

        // A jumbogram states payload length 0 and carries its length in a hop-by-hop option
        // (RFC 2675); the wire length bounds it instead.
        if (out.ipLength == Ipv6Header.LENGTH && out.protocol == IpProtocol.HOP_BY_HOP) {
            datagramEnd = wireEnd;
        }
        if (datagramEnd > wireEnd) {
            return TrafficClass.MALFORMED;
        }
        return decodeIpv6Chain(frame, ip + Ipv6Header.LENGTH, (int) Math.min(end, datagramEnd),
                datagramEnd, out);
    }

    private static void readIpv6Fields(ByteBuffer frame, int ip, DecodedPacket out) {
        out.ipVersion = Ipv6Header.VERSION_NUMBER;
        out.ipLength = Ipv6Header.LENGTH + u16(frame, ip + Ipv6Header.PAYLOAD_LENGTH);
        out.ttl = u8(frame, ip + Ipv6Header.HOP_LIMIT);
        out.protocol = u8(frame, ip + Ipv6Header.NEXT_HEADER);
        out.sourceHigh = u64(frame, ip + Ipv6Header.SOURCE);
        out.sourceLow = u64(frame, ip + Ipv6Header.SOURCE + 8);
        out.destinationHigh = u64(frame, ip + Ipv6Header.DESTINATION);
        out.destinationLow = u64(frame, ip + Ipv6Header.DESTINATION + 8);
    }

    /**
     * Steps over extension headers until a header that is not one. Each step advances at least
     * 8 bytes and stays within {@code end}, so the walk ends.
     */
    private static TrafficClass decodeIpv6Chain(ByteBuffer frame, int first, int end,
            long datagramEnd, DecodedPacket out) {
        int header = first;
        int nextHeader = out.protocol;
        boolean firstFragment = false;

        while (Ipv6ExtensionHeader.isSkippable(nextHeader)) {
            if (end - header < Ipv6ExtensionHeader.MIN_LENGTH) {
                return TrafficClass.MALFORMED;
            }
            int length = extensionLength(nextHeader, frame, header);
            if (nextHeader == IpProtocol.FRAGMENT) {
                int field = u16(frame, header + Ipv6ExtensionHeader.FRAGMENT_OFFSET_AND_FLAGS);
                if ((field & Ipv6ExtensionHeader.FRAGMENT_OFFSET_MASK) != 0) {
                    out.protocol = u8(frame, header + Ipv6ExtensionHeader.NEXT_HEADER);
                    return TrafficClass.OTHER;
                }
                firstFragment = (field & Ipv6ExtensionHeader.MORE_FRAGMENTS) != 0;
            }
            if (length > end - header) {
                return TrafficClass.MALFORMED;
            }
            nextHeader = u8(frame, header + Ipv6ExtensionHeader.NEXT_HEADER);
            header += length;
        }
        out.protocol = nextHeader;
        return decodeTransport(nextHeader, true, frame, header, end, datagramEnd, firstFragment,
                out);
    }

    private static int extensionLength(int nextHeader, ByteBuffer frame, int header) {
        int field = u8(frame, header + Ipv6ExtensionHeader.LENGTH);
        if (nextHeader == IpProtocol.FRAGMENT) {
            return Ipv6ExtensionHeader.FRAGMENT_LENGTH;
        }
        if (nextHeader == IpProtocol.AUTHENTICATION) {
            return (field + Ipv6ExtensionHeader.AUTHENTICATION_LENGTH_BIAS)
                    * Ipv6ExtensionHeader.AUTHENTICATION_LENGTH_UNIT;
        }
        return (field + 1) * Ipv6ExtensionHeader.MIN_LENGTH;
    }

    /**
     * Classifies by the transport header at {@code header}; bytes up to {@code end} are present,
     * the datagram (or this fragment of it) runs to {@code datagramEnd}.
     */
    private static TrafficClass decodeTransport(int protocol, boolean ipv6, ByteBuffer frame,
            int header, int end, long datagramEnd, boolean firstFragment, DecodedPacket out) {
        int needed;
        if (protocol == IpProtocol.TCP) {
            needed = TcpHeader.CLASSIFIABLE_LENGTH;
        } else if (protocol == IpProtocol.UDP) {
            needed = UdpHeader.CLASSIFIABLE_LENGTH;
        } else {
            return TrafficClass.OTHER;
        }
        if (end - header < needed) {
            boolean portsInLaterFragment = firstFragment && datagramEnd - header < needed;
            return portsInLaterFragment ? TrafficClass.OTHER : TrafficClass.MALFORMED;
        }
        if (protocol == IpProtocol.UDP) {
            readPorts(frame, header + UdpHeader.SOURCE_PORT, header + UdpHeader.DESTINATION_PORT,
                    out);
            return ipv6 ? TrafficClass.UDP6 : TrafficClass.UDP4;
        }
        readPorts(frame, header + TcpHeader.SOURCE_PORT, header + TcpHeader.DESTINATION_PORT, out);
        out.tcpFlags = u8(frame, header + TcpHeader.FLAGS);
        if ((out.tcpFlags & (TcpHeader.ACK | TcpHeader.RST)) != 0) {
            return TrafficClass.BACKSCATTER;
        }
        return ipv6 ? TrafficClass.TCP6 : TrafficClass.TCP4;
    }

    private static void readPorts(ByteBuffer frame, int source, int destination,
            DecodedPacket out) {
        out.sourcePort = u16(frame, source);
        out.destinationPort = u16(frame, destination);
    }
}
