package org.scanvas.inspect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.scanvas.store.ProbeStore;

/**
 * Writes the probes of a selection as CSV (RFC 4180), one row per probe, oldest first:
 * time in UTC (ISO 8601, nanoseconds) and as epoch nanoseconds, class, source address and
 * port, protocol, destination port, service, TTL or hop limit, TCP flag names.
 *
 * <p>Every text cell is guarded against formula injection: a spreadsheet would run a cell
 * that starts with {@code = + - @}, a tab or a carriage return, so such a cell gets a leading
 * apostrophe; cells with a comma, quote or line break are quoted. Store's thread only.
 */
public final class CsvExport {

    /** The header row. */
    public static final String HEADER = "time_utc,time_epoch_ns,class,source,source_port,"
            + "protocol,destination_port,service,ttl,tcp_flags";

    private CsvExport() {
    }

    /**
     * Writes the rows of {@code summary} to {@code out}.
     *
     * @return rows written, the header not counted
     * @throws UncheckedIOException when the file cannot be written
     */
    public static long write(ProbeStore store, SelectionSummary summary, Path out) {
        long rows = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            writer.write("\r\n");
            long first = store.firstIndex();
            for (long index : summary.indices()) {
                if (index >= first) {
                    writer.write(row(store, index));
                    writer.write("\r\n");
                    rows++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String row(ProbeStore store, long index) {
        long time = store.timeNanos(index);
        int classOrdinal = store.classOrdinal(index);
        int port = store.destinationPort(index);
        return String.join(",",
                cell(Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L),
                        Math.floorMod(time, 1_000_000_000L)).toString()),
                Long.toString(time),
                cell(ProbeText.className(classOrdinal)),
                cell(ProbeText.source(store, index)),
                Integer.toString(store.sourcePort(index)),
                ProbeText.isTcp(classOrdinal) ? "tcp" : "udp",
                Integer.toString(port),
                cell(ProbeText.service(classOrdinal, port)),
                Integer.toString(store.ttl(index)),
                cell(ProbeText.tcpFlags(store.tcpFlags(index))));
    }

    /** A text cell made safe for spreadsheets and for CSV parsers. */
    public static String cell(String text) {
        String guarded = text;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            guarded = "'" + text;
        }
        if (guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0
                || guarded.indexOf('\n') >= 0 || guarded.indexOf('\r') >= 0) {
            guarded = '"' + guarded.replace("\"", "\"\"") + '"';
        }
        return guarded;
    }
}
