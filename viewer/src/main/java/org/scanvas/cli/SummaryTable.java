package org.scanvas.cli;

import java.io.PrintWriter;
import org.scanvas.decode.TrafficClass;
import org.scanvas.summary.CaptureSummary;

/**
 * The human-readable form of a {@link CaptureSummary}: one "label value" line per count, labels
 * padded to a common width so that the commands that add lines of their own stay aligned.
 */
final class SummaryTable {

    private final PrintWriter out;
    private final String lineFormat;

    /**
     * @param out where the lines go
     * @param labelWidth column at which values start; at least the longest label plus one
     */
    SummaryTable(PrintWriter out, int labelWidth) {
        this.out = out;
        this.lineFormat = "%-" + labelWidth + "s%s%n";
    }

    /** Writes one line. */
    void line(String label, Object value) {
        out.printf(lineFormat, label, value);
    }

    /** Writes the counts every summary shows: packets, probes per class, sources, time span. */
    void counts(CaptureSummary summary) {
        line("packets", summary.packets());
        line("probes", String.format("tcp4 %d  udp4 %d  tcp6 %d  udp6 %d",
                summary.count(TrafficClass.TCP4), summary.count(TrafficClass.UDP4),
                summary.count(TrafficClass.TCP6), summary.count(TrafficClass.UDP6)));
        line("backscatter", summary.count(TrafficClass.BACKSCATTER));
        line("other", summary.count(TrafficClass.OTHER));
        line("malformed", summary.count(TrafficClass.MALFORMED));
        line("sources", summary.sources());
        line("first", summary.first() == null ? "-" : summary.first());
        line("last", summary.last() == null ? "-" : summary.last());
    }
}
