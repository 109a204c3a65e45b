package org.scanvas.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;

/**
 * What a selection holds, tallied once when the drag ends: every source with its probes, port
 * range and first and last time seen; every destination port (per protocol) with its probes;
 * the split per class; and the store indices of the entries, oldest first, for the CSV export.
 */
public final class SelectionSummary {

    /** One source address inside the selection. */
    public record SourceRow(String address, long probes, int lowPort, int highPort,
            long firstNanos, long lastNanos) {
    }

    /** One destination port of one protocol inside the selection. */
    public record PortRow(boolean tcp, int port, long probes) {
    }

    private final SelectionArea area;
    private final long[] indices;
    private final long[] perClass = new long[TrafficClass.count()];
    private final List<SourceRow> sources;
    private final List<PortRow> ports;

    private SelectionSummary(SelectionArea area, long[] indices, List<SourceRow> sources,
            List<PortRow> ports, long[] perClass) {
        this.area = area;
        this.indices = indices;
        this.sources = sources;
        this.ports = ports;
        System.arraycopy(perClass, 0, this.perClass, 0, perClass.length);
    }

    /**
     * Tallies the entries of an area through an index built for the axes the area was drawn
     * on. Store's thread only.
     */
    public static SelectionSummary of(SelectionArea area, PixelIndex index, ProbeStore store) {
        IndexList selected = new IndexList();
        if (!area.noPorts()) {
            index.visitRectangle(area.fromColumn(), area.toColumn(), area.fromRow(),
                    area.toRow(), store, area.classes(), selected::add);
        }
        long[] indices = selected.sorted();

        SourceTally tally = new SourceTally();
        long[] portCounts = new long[2 * (1 << 16)];
        long[] perClass = new long[TrafficClass.count()];
        for (long entry : indices) {
            int classOrdinal = store.classOrdinal(entry);
            int port = store.destinationPort(entry);
            perClass[classOrdinal]++;
            portCounts[(ProbeText.isTcp(classOrdinal) ? 1 << 16 : 0) + port]++;
            tally.add(store.sourceHigh(entry), store.sourceLow(entry), port,
                    store.timeNanos(entry));
        }
        return new SelectionSummary(area, indices, tally.rows(), portRows(portCounts),
                perClass);
    }

    private static List<PortRow> portRows(long[] portCounts) {
        List<PortRow> rows = new ArrayList<>();
        for (int key = 0; key < portCounts.length; key++) {
            if (portCounts[key] != 0) {
                rows.add(new PortRow(key >= 1 << 16, key & 0xffff, portCounts[key]));
            }
        }
        rows.sort(Comparator.comparingLong(PortRow::probes).reversed()
                .thenComparingInt(PortRow::port));
        return rows;
    }

    /** The area tallied. */
    public SelectionArea area() {
        return area;
    }

    /** Entries inside, of the classes shown. */
    public int total() {
        return indices.length;
    }

    /** Entries inside of one class. */
    public long count(TrafficClass trafficClass) {
        return perClass[trafficClass.ordinal()];
    }

    /** Every source, most probes first. */
    public List<SourceRow> sources() {
        return sources;
    }

    /** Every destination port per protocol, most probes first. */
    public List<PortRow> ports() {
        return ports;
    }

    /** Store indices of the entries inside, oldest first; valid while they are retained. */
    long[] indices() {
        return indices;
    }

    /** A growable list of store indices. */
    private static final class IndexList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sorted() {
            long[] result = Arrays.copyOf(values, size);
            Arrays.sort(result);
            return result;
        }
    }
}
