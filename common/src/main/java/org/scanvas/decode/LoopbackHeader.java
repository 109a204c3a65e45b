package org.scanvas.decode;

/**
 * BSD loopback header (LINKTYPE_NULL, and LINKTYPE_LOOP on OpenBSD; tcpdump.org/linktypes/
 * LINKTYPE_NULL.html): a 4-byte address family. For LINKTYPE_NULL it is in the byte order of
 * the host that captured, which a file does not record; for LINKTYPE_LOOP it is big-endian.
 *
 * <p>AF_INET is 2 everywhere, but AF_INET6 differs between the systems that write this header,
 * so all known values are accepted.
 */
public final class LoopbackHeader {
    /** Offset of the address family, 4 bytes. */
    public static final int FAMILY = 0;
    /** Length of the header. */
    public static final int LENGTH = 4;

    /** AF_INET on every system. */
    public static final int AF_INET = 2;
    /** AF_INET6 on Linux. */
    public static final int AF_INET6_LINUX = 10;
    /** AF_INET6 on NetBSD, OpenBSD and BSD/OS. */
    public static final int AF_INET6_BSD = 24;
    /** AF_INET6 on FreeBSD and DragonFly. */
    public static final int AF_INET6_FREEBSD = 28;
    /** AF_INET6 on macOS (Darwin). */
    public static final int AF_INET6_DARWIN = 30;

    private LoopbackHeader() {
    }

    /** Whether {@code family} is AF_INET6 on any system known to write loopback captures. */
    public static boolean isInet6(int family) {
        return family == AF_INET6_LINUX || family == AF_INET6_BSD
                || family == AF_INET6_FREEBSD || family == AF_INET6_DARWIN;
    }
}
