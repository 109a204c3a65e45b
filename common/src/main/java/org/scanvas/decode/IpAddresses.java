package org.scanvas.decode;

/**
 * Text forms of the 128-bit addresses in {@link DecodedPacket}: IPv4-mapped addresses
 * ({@code ::ffff:a.b.c.d}) print as plain dotted IPv4, everything else in the canonical IPv6
 * form of RFC 5952 (lowercase hex, no leading zeros, the longest run of two or more zero
 * groups, leftmost on a tie, shortened to {@code ::}).
 */
public final class IpAddresses {

    /** Low 64 bits of an IPv4-mapped address before the IPv4 address is or-ed in. */
    public static final long IPV4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

    private static final long MAPPED_PREFIX_MASK = 0xFFFF_FFFF_0000_0000L;
    private static final int GROUPS = 8;
    private static final int GROUPS_PER_HALF = 4;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private IpAddresses() {
    }

    /** Whether the address is IPv4-mapped, as the decoder stores every IPv4 address. */
    public static boolean isIpv4Mapped(long high, long low) {
        return high == 0 && (low & MAPPED_PREFIX_MASK) == IPV4_MAPPED_PREFIX;
    }

    /** The IPv4-mapped form of a 32-bit IPv4 address given as an int (network order value). */
    public static long ipv4MappedLow(int ipv4) {
        return IPV4_MAPPED_PREFIX | (ipv4 & 0xFFFF_FFFFL);
    }

    /** The address as text; allocates, so not for the per-packet path. */
    public static String format(long high, long low) {
        return append(new StringBuilder(39), high, low).toString();
    }

    /**
     * Appends the address as text to {@code text} and returns it. Allocates nothing beyond what
     * the builder may need to grow.
     */
    public static StringBuilder append(StringBuilder text, long high, long low) {
        if (isIpv4Mapped(high, low)) {
            return appendIpv4(text, (int) low);
        }
        int zeroRunStart = longestZeroRunStart(high, low);
        int zeroRunEnd = zeroRunStart < 0 ? -1 : zeroRunEnd(high, low, zeroRunStart);

        for (int group = 0; group < GROUPS; group++) {
            if (group == zeroRunStart) {
                text.append("::");
                group = zeroRunEnd - 1;
            } else {
                if (group > 0 && group != zeroRunEnd) {
                    text.append(':');
                }
                appendHex(text, group(high, low, group));
            }
        }
        return text;
    }

    private static StringBuilder appendIpv4(StringBuilder text, int ipv4) {
        return text.append(ipv4 >>> 24).append('.')
                .append(ipv4 >>> 16 & 0xFF).append('.')
                .append(ipv4 >>> 8 & 0xFF).append('.')
                .append(ipv4 & 0xFF);
    }

    private static void appendHex(StringBuilder text, int value) {
        boolean leading = true;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = value >>> shift & 0xF;
            if (digit != 0 || !leading || shift == 0) {
                text.append(HEX_DIGITS[digit]);
                leading = false;
            }
        }
    }

    private static int group(long high, long low, int index) {
        long half = index < GROUPS_PER_HALF ? high : low;
        int shift = (GROUPS_PER_HALF - 1 - index % GROUPS_PER_HALF) * 16;
        return (int) (half >>> shift) & 0xFFFF;
    }

    /** Start of the longest run of at least two zero groups (leftmost on a tie), or -1. */
    private static int longestZeroRunStart(long high, long low) {
        int bestStart = -1;
        int bestLength = 1;
        int runStart = -1;
        for (int group = 0; group <= GROUPS; group++) {
            boolean zero = group < GROUPS && group(high, low, group) == 0;
            if (zero && runStart < 0) {
                runStart = group;
            } else if (!zero && runStart >= 0) {
                if (group - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = group - runStart;
                }
                runStart = -1;
            }
        }
        return bestStart;
    }

    private static int zeroRunEnd(long high, long low, int start) {
        int group = start;
        while (group < GROUPS && group(high, low, group) == 0) {
            group++;
        }
        return group;
    }
}
