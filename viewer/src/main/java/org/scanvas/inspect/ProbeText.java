package org.scanvas.inspect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.scanvas.decode.IpAddresses;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;

/**
 * Words for stored entries: addresses as text (never raw bytes), protocol and port with the
 * service name, times in a chosen zone, TCP flag names. Used by the tooltip, the selection
 * panel and the CSV export, so they all say the same thing.
 */
public final class ProbeText {

    /** TCP flag names, most significant bit first, as RFC 9293 and RFC 3168 name them. */
    private static final String[] FLAG_NAMES = {"CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN",
        "FIN"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter ZONE_NAME =
            DateTimeFormatter.ofPattern("zzz", Locale.ROOT);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ProbeText() {
    }

    /** Whether an entry's class is TCP (a TCP probe or backscatter, which is always TCP). */
    public static boolean isTcp(int classOrdinal) {
        return classOrdinal == TrafficClass.TCP4.ordinal()
                || classOrdinal == TrafficClass.TCP6.ordinal()
                || classOrdinal == TrafficClass.BACKSCATTER.ordinal();
    }

    /** "tcp/22 (ssh)", "udp/40123": the protocol, the port and its service name if known. */
    public static String protocolPort(int classOrdinal, int port) {
        boolean tcp = isTcp(classOrdinal);
        String service = ServiceNames.of(tcp, port);
        String text = (tcp ? "tcp/" : "udp/") + port;
        return service == null ? text : text + " (" + service + ")";
    }

    /** The service name of a port for a class, or "" when none is known. */
    public static String service(int classOrdinal, int port) {
        String service = ServiceNames.of(isTcp(classOrdinal), port);
        return service == null ? "" : service;
    }

    /** Names of the set TCP flags, most significant first, space separated; "" for none. */
    public static String tcpFlags(int flags) {
        StringBuilder names = new StringBuilder();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & (0x80 >>> bit)) != 0) {
                if (names.length() > 0) {
                    names.append(' ');
                }
                names.append(FLAG_NAMES[bit]);
            }
        }
        return names.toString();
    }

    /** The source address of a stored entry as text: dotted IPv4 or RFC 5952 IPv6. */
    public static String source(ProbeStore store, long index) {
        return IpAddresses.format(store.sourceHigh(index), store.sourceLow(index));
    }

    /** "2011-09-27 18:07:20.497541 UTC": day, clock, fraction (6 or 9 digits) and zone. */
    public static String dateTime(long timeNanos, ZoneId zone) {
        return day(timeNanos, zone) + " " + clock(timeNanos, zone) + " "
                + zoneName(timeNanos, zone);
    }

    /** The day of a time in a zone, "2011-09-27". */
    public static String day(long timeNanos, ZoneId zone) {
        return DAY.format(instant(timeNanos).atZone(zone));
    }

    /** The wall clock of a time in a zone with its fraction, "18:07:20.497541". */
    public static String clock(long timeNanos, ZoneId zone) {
        long nanos = Math.floorMod(timeNanos, NANOS_PER_SECOND);
        String fraction = nanos % 1000 == 0
                ? String.format(Locale.ROOT, "%06d", nanos / 1000)
                : String.format(Locale.ROOT, "%09d", nanos);
        return CLOCK.format(instant(timeNanos).atZone(zone)) + "." + fraction;
    }

    /** A short name of a zone at a time (so summer time shows): "UTC", "CEST". */
    public static String zoneName(long timeNanos, ZoneId zone) {
        return ZONE_NAME.format(instant(timeNanos).atZone(zone));
    }

    /** "TTL 64" for IPv4, "hop limit 64" for IPv6. */
    public static String ttl(int classOrdinal, int ttl) {
        boolean ipv6 = classOrdinal == TrafficClass.TCP6.ordinal()
                || classOrdinal == TrafficClass.UDP6.ordinal();
        return (ipv6 ? "hop limit " : "TTL ") + ttl;
    }

    /** Lowercase class name as the legend shows it: tcp4, udp4, tcp6, udp6, backscatter. */
    public static String className(int classOrdinal) {
        return TrafficClass.ofOrdinal(classOrdinal).name().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(long timeNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(timeNanos, NANOS_PER_SECOND),
                Math.floorMod(timeNanos, NANOS_PER_SECOND));
    }
}
