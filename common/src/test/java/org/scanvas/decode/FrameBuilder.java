package org.scanvas.decode;

import java.io.ByteArrayOutputStream;

/**
 * Writes test frames header by header, outermost first, so a test reads like the packet:
 * {@code FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN).build("syn")}.
 *
 * <p>Length fields the builder can work out (IPv4 total length, IPv6 payload length, UDP
 * length) are filled in by {@link #build(String)} from the bytes that follow the header,
 * unless a test overrides them to make a malformed packet.
 */
final class FrameBuilder {

    static final int IPV4 = 0x0800;
    static final int IPV6 = 0x86DD;
    static final int TCP = 6;
    static final int UDP = 17;

    /** 192.0.2.1 and 198.51.100.2 (RFC 5737 documentation ranges). */
    static final byte[] SOURCE_V4 = {(byte) 192, 0, 2, 1};
    static final byte[] DESTINATION_V4 = {(byte) 198, 51, 100, 2};
    /** 2001:db8::1 and 2001:db8::2 (RFC 3849 documentation range). */
    static final byte[] SOURCE_V6 = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1};
    static final byte[] DESTINATION_V6 = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 2};

    private final int linkType;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int ipv4Start = -1;
    private int ipv6Start = -1;
    private int udpStart = -1;
    private int totalLengthOverride = -1;
    private int payloadLengthOverride = -1;
    private int versionByteOverride = -1;

    private FrameBuilder(int linkType) {
        this.linkType = linkType;
    }

    /** Ethernet II with zero MAC addresses and the given EtherType (or tag identifier). */
    static FrameBuilder ethernet(int etherType) {
        return new FrameBuilder(LinkType.ETHERNET).zeros(12).u16(etherType);
    }

    /** Linux cooked v1: packet type 0, ARPHRD_ETHER, 6-byte address, protocol. */
    static FrameBuilder linuxSll(int protocol) {
        return new FrameBuilder(LinkType.LINUX_SLL).u16(0).u16(1).u16(6).zeros(8).u16(protocol);
    }

    /** Linux cooked v2: protocol, reserved, interface 1, ARPHRD_ETHER, type 0, 6-byte address. */
    static FrameBuilder linuxSll2(int protocol) {
        return new FrameBuilder(LinkType.LINUX_SLL2).u16(protocol).u16(0).u32(1).u16(1).u8(0)
                .u8(6).zeros(8);
    }

    /** BSD NULL header written by a little-endian host. */
    static FrameBuilder nullLittleEndian(int family) {
        return new FrameBuilder(LinkType.NULL).u8(family).u8(family >>> 8).u8(family >>> 16)
                .u8(family >>> 24);
    }

    /** BSD NULL header written by a big-endian host. */
    static FrameBuilder nullBigEndian(int family) {
        return new FrameBuilder(LinkType.NULL).u32(family);
    }

    /** OpenBSD LOOP header: the family in network byte order. */
    static FrameBuilder loop(int family) {
        return new FrameBuilder(LinkType.LOOP).u32(family);
    }

    /** PPP with address 0xFF, control 0x03 and a 2-byte protocol. */
    static FrameBuilder pppWithAddressAndControl(int protocol) {
        return new FrameBuilder(LinkType.PPP).u8(0xFF).u8(0x03).u16(protocol);
    }

    /** PPP with the address and control bytes left out and a 2-byte protocol. */
    static FrameBuilder ppp(int protocol) {
        return new FrameBuilder(LinkType.PPP).u16(protocol);
    }

    /** PPP with protocol-field compression: a 1-byte protocol. */
    static FrameBuilder pppCompressed(int protocol) {
        return new FrameBuilder(LinkType.PPP).u8(protocol);
    }

    /** No link header: the record starts with the IP header. */
    static FrameBuilder raw(int linkType) {
        return new FrameBuilder(linkType);
    }

    /** An 802.1Q / 802.1ad tag body: VLAN id and the EtherType that follows. */
    FrameBuilder vlanTag(int vlanId, int etherType) {
        return u16(vlanId).u16(etherType);
    }

    /** IPv4 header without options, TTL 64, not fragmented. */
    FrameBuilder ipv4(int protocol) {
        return ipv4(protocol, 0, 0);
    }

    /** IPv4 header followed by {@code optionWords} 4-byte words of NOP options. */
    FrameBuilder ipv4WithOptions(int protocol, int optionWords) {
        return ipv4(protocol, optionWords, 0);
    }

    /** IPv4 fragment: offset in 8-byte units and the more-fragments flag. */
    FrameBuilder ipv4Fragment(int protocol, int offsetUnits, boolean moreFragments) {
        return ipv4(protocol, 0, (moreFragments ? 0x2000 : 0) | offsetUnits);
    }

    private FrameBuilder ipv4(int protocol, int optionWords, int flagsAndOffset) {
        ipv4Start = out.size();
        u8(0x40 | (5 + optionWords)).u8(0).u16(0).u16(0x1234).u16(flagsAndOffset);
        u8(64).u8(protocol).u16(0).bytes(SOURCE_V4).bytes(DESTINATION_V4);
        for (int i = 0; i < optionWords * 4; i++) {
            u8(1);
        }
        return this;
    }

    /** IPv6 header, hop limit 64, from 2001:db8::1 to 2001:db8::2. */
    FrameBuilder ipv6(int nextHeader) {
        ipv6Start = out.size();
        return u32(0x6000_0000).u16(0).u8(nextHeader).u8(64).bytes(SOURCE_V6)
                .bytes(DESTINATION_V6);
    }

    /** Generic-format extension header (hop-by-hop, routing, destination options...). */
    FrameBuilder extensionHeader(int nextHeader, int lengthUnits) {
        return u8(nextHeader).u8(lengthUnits).zeros((lengthUnits + 1) * 8 - 2);
    }

    /** IPv6 fragment header: offset in 8-byte units and the M flag. */
    FrameBuilder fragmentHeader(int nextHeader, int offsetUnits, boolean moreFragments) {
        return u8(nextHeader).u8(0).u16(offsetUnits << 3 | (moreFragments ? 1 : 0)).u32(7);
    }

    /** Authentication header whose length field is {@code lengthField} (4-byte units - 2). */
    FrameBuilder authenticationHeader(int nextHeader, int lengthField) {
        return u8(nextHeader).u8(lengthField).zeros((lengthField + 2) * 4 - 2);
    }

    /** 20-byte TCP header with the given ports and flags byte. */
    FrameBuilder tcp(int sourcePort, int destinationPort, int flags) {
        return u16(sourcePort).u16(destinationPort).u32(1000).u32(0).u8(0x50).u8(flags)
                .u16(1024).u16(0).u16(0);
    }

    /** 8-byte UDP header with the given ports; its length covers what follows. */
    FrameBuilder udp(int sourcePort, int destinationPort) {
        udpStart = out.size();
        return u16(sourcePort).u16(destinationPort).u16(0).u16(0);
    }

    /** {@code count} bytes of payload. */
    FrameBuilder payload(int count) {
        return zeros(count);
    }

    /** Writes this IPv4 total length instead of the true one. */
    FrameBuilder withTotalLength(int totalLength) {
        totalLengthOverride = totalLength;
        return this;
    }

    /** Writes this IPv6 payload length instead of the true one. */
    FrameBuilder withPayloadLength(int payloadLength) {
        payloadLengthOverride = payloadLength;
        return this;
    }

    /** Writes this first byte (version and IHL for IPv4) into the IP header. */
    FrameBuilder withFirstIpByte(int value) {
        versionByteOverride = value;
        return this;
    }

    /** The finished frame, named for test reports. */
    Frame build(String name) {
        byte[] bytes = out.toByteArray();
        if (ipv4Start >= 0) {
            int total = totalLengthOverride >= 0 ? totalLengthOverride : bytes.length - ipv4Start;
            put16(bytes, ipv4Start + 2, total);
        }
        if (ipv6Start >= 0) {
            int payload = payloadLengthOverride >= 0
                    ? payloadLengthOverride : bytes.length - ipv6Start - 40;
            put16(bytes, ipv6Start + 4, payload);
        }
        if (versionByteOverride >= 0) {
            bytes[Math.max(ipv4Start, ipv6Start)] = (byte) versionByteOverride;
        }
        if (udpStart >= 0) {
            put16(bytes, udpStart + 4, bytes.length - udpStart);
        }
        return new Frame(name, linkType, bytes);
    }

    private static void put16(byte[] bytes, int index, int value) {
        bytes[index] = (byte) (value >>> 8);
        bytes[index + 1] = (byte) value;
    }

    FrameBuilder u8(int value) {
        out.write(value);
        return this;
    }

    FrameBuilder u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    FrameBuilder u32(int value) {
        return u16(value >>> 16).u16(value);
    }

    private FrameBuilder zeros(int count) {
        for (int i = 0; i < count; i++) {
            u8(0);
        }
        return this;
    }

    private FrameBuilder bytes(byte[] value) {
        out.write(value, 0, value.length);
        return this;
    }
}
