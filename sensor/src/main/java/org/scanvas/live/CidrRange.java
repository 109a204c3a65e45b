package org.scanvas.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.scanvas.decode.IpAddresses;

/**
 * An address range in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}), held the way
 * {@link org.scanvas.decode.DecodedPacket} holds addresses: 128 bits in two longs, IPv4 mapped
 * to {@code ::ffff:0:0/96}. A bare address is a range of one.
 *
 * @param high most significant 64 bits of the range's first address
 * @param low least significant 64 bits of the range's first address
 * @param prefixLength leading bits that must match, 0..128 (an IPv4 /24 is 120 here)
 * @param text the range as the user wrote it, for messages
 */
public record CidrRange(long high, long low, int prefixLength, String text) {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int IPV4_MAPPED_BITS = 96;

    /** Checks the prefix length and clears the address bits past it. */
    public CidrRange {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length must be 0..128: " + prefixLength);
        }
        high &= highMask(prefixLength);
        low &= lowMask(prefixLength);
    }

    /**
     * Parses {@code ADDRESS[/PREFIX]}. Only address literals are accepted, never host names,
     * so parsing never touches the network.
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    public static CidrRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean ipv4 = DOTTED_QUAD.matcher(address).matches();
        if (!ipv4 && address.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + text);
        }
        byte[] bytes = ipv4 ? dottedQuadBytes(address, text) : ipv6Bytes(address, text);
        int maxPrefix = bytes.length * 8;
        int prefix = slash < 0 ? maxPrefix
                : prefixOf(trimmed.substring(slash + 1), maxPrefix, text);

        if (bytes.length == 4) {
            long v4 = ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16)
                    | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
            return new CidrRange(0, IpAddresses.IPV4_MAPPED_PREFIX | v4, IPV4_MAPPED_BITS + prefix,
                    trimmed);
        }
        return new CidrRange(longAt(bytes, 0), longAt(bytes, 8), prefix, trimmed);
    }

    /** Whether the 128-bit address (IPv4-mapped for IPv4) lies in this range. */
    public boolean contains(long addressHigh, long addressLow) {
        return (addressHigh & highMask(prefixLength)) == high
                && (addressLow & lowMask(prefixLength)) == low;
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] dottedQuadBytes(String address, String text) {
        String[] parts = address.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    /** A text with a colon is only ever parsed as an IPv6 literal, never looked up. */
    private static byte[] ipv6Bytes(String address, String text) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                return bytes;
            }
            // Java hands back ::ffff:a.b.c.d as an IPv4 address; keep it 128 bits wide.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    private static int prefixOf(String digits, int maxPrefix, String text) {
        try {
            int prefix = Integer.parseInt(digits);
            if (prefix >= 0 && prefix <= maxPrefix) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "prefix length must be 0.." + maxPrefix + " in " + text);
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }

    private static long highMask(int prefix) {
        return prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static long lowMask(int prefix) {
        return prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    }
}
