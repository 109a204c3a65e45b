package org.scanvas.inspect;

import java.time.ZoneId;
import org.scanvas.store.ProbeStore;

/**
 * The text of the hover tooltip: who sent the dot under the pointer. One probe gets three
 * lines (source and destination, time, source port with TTL and flags); a dot where several
 * probes landed says how many and lists the first few, one line each.
 */
final class HoverText {

    /** Probes listed for a dot that holds several. */
    static final int LISTED = 5;

    private HoverText() {
    }

    /**
     * The tooltip for a dot.
     *
     * @param listed store indices of the dot's oldest probes, oldest first
     * @param listedCount how many of {@code listed} are filled, at least 1
     * @param total how many probes the dot holds
     */
    static String of(ProbeStore store, long[] listed, int listedCount, int total, ZoneId zone) {
        if (total == 1) {
            return single(store, listed[0], zone);
        }
        StringBuilder text = new StringBuilder();
        text.append(total).append(" probes on this dot, the first ").append(listedCount)
                .append(':');
        long firstTime = store.timeNanos(listed[0]);
        String firstDay = ProbeText.day(firstTime, zone);
        boolean oneDay = true;
        for (int i = 1; i < listedCount; i++) {
            oneDay &= ProbeText.day(store.timeNanos(listed[i]), zone).equals(firstDay);
        }
        for (int i = 0; i < listedCount; i++) {
            long index = listed[i];
            long time = store.timeNanos(index);
            text.append('\n');
            if (!oneDay) {
                text.append(ProbeText.day(time, zone)).append(' ');
            }
            text.append(ProbeText.clock(time, zone)).append("  ").append(route(store, index))
                    .append("  ").append(details(store, index, false));
        }
        text.append('\n');
        if (total > listedCount) {
            text.append("and ").append(total - listedCount).append(" more; ");
        }
        text.append(oneDay ? firstDay + ", " : "").append("times in ")
                .append(ProbeText.zoneName(firstTime, zone));
        return text.toString();
    }

    private static String single(ProbeStore store, long index, ZoneId zone) {
        return route(store, index) + '\n'
                + ProbeText.dateTime(store.timeNanos(index), zone) + '\n'
                + details(store, index, true);
    }

    /** "192.0.2.1 → tcp/22 (ssh)". */
    private static String route(ProbeStore store, long index) {
        return ProbeText.source(store, index) + " \u2192 "
                + ProbeText.protocolPort(store.classOrdinal(index), store.destinationPort(index));
    }

    /** "source port 40000, TTL 64, SYN" (or without the source port, for a compact line). */
    private static String details(ProbeStore store, long index, boolean withSourcePort) {
        int classOrdinal = store.classOrdinal(index);
        StringBuilder text = new StringBuilder();
        if (withSourcePort) {
            text.append("source port ").append(store.sourcePort(index)).append(", ");
        }
        text.append(ProbeText.ttl(classOrdinal, store.ttl(index)));
        if (ProbeText.isTcp(classOrdinal)) {
            String flags = ProbeText.tcpFlags(store.tcpFlags(index));
            text.append(", ").append(flags.isEmpty() ? "no flags" : flags);
        }
        return text.toString();
    }
}
