package org.scanvas.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.PlotAxes;
import org.scanvas.store.ProbeStore;

/**
 * The index answers what a scan of every retained entry answers: the same entries per cell,
 * the same oldest ones first, the same rectangle, whether an entry came with the build or
 * later, and never an evicted one.
 */
class PixelIndexTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long START = 1_700_000_000L * SECOND;
    private static final PlotAxes AXES = PlotAxes.of(300, 200, START, START + 60 * SECOND);
    private static final int ALL = (1 << TrafficClass.count()) - 1;
    private static final int PROBES_ONLY = ALL & ~(1 << TrafficClass.BACKSCATTER.ordinal());

    private final SplittableRandom random = new SplittableRandom(4);
    private final DecodedPacket packet = new DecodedPacket();

    @Test
    void findsEveryEntryOfACellWhetherBuiltOrAppended() {
        ProbeStore store = new ProbeStore(400_000);
        appendRandom(store, 100_000);
        PixelIndex index = PixelIndex.build(store, AXES, store.firstIndex(), store.endIndex());

        appendRandom(store, 100_000);
        index.catchUp(store);

        assertCellsMatchAScan(index, store, PROBES_ONLY);
        assertCellsMatchAScan(index, store, ALL);
    }

    @Test
    void skipsEvictedEntries() {
        ProbeStore store = new ProbeStore(1 << 16);
        appendRandom(store, 50_000);
        PixelIndex index = PixelIndex.build(store, AXES, store.firstIndex(), store.endIndex());

        appendRandom(store, 100_000);
        index.catchUp(store);

        assertThat(store.firstIndex()).isPositive();
        assertCellsMatchAScan(index, store, ALL);
    }

    @Test
    void visitsExactlyTheEntriesOfARectangle() {
        ProbeStore store = new ProbeStore(400_000);
        appendRandom(store, 60_000);
        PixelIndex index = PixelIndex.build(store, AXES, store.firstIndex(), store.endIndex());
        appendRandom(store, 60_000);
        index.catchUp(store);

        for (int trial = 0; trial < 20; trial++) {
            int fromColumn = random.nextInt(AXES.plotWidth());
            int toColumn = fromColumn + random.nextInt(AXES.plotWidth() - fromColumn);
            int fromRow = random.nextInt(AXES.plotHeight());
            int toRow = fromRow + random.nextInt(AXES.plotHeight() - fromRow);
            List<Long> visited = new ArrayList<>();

            index.visitRectangle(fromColumn, toColumn, fromRow, toRow, store, PROBES_ONLY,
                    visited::add);

            List<Long> scanned = new ArrayList<>();
            for (long i = store.firstIndex(); i < store.endIndex(); i++) {
                int column = AXES.column(store.timeNanos(i));
                int row = AXES.row(store.destinationPort(i));
                if (column >= fromColumn && column <= toColumn && row >= fromRow && row <= toRow
                        && (PROBES_ONLY & 1 << store.classOrdinal(i)) != 0) {
                    scanned.add(i);
                }
            }
            assertThat(visited).containsExactlyInAnyOrderElementsOf(scanned);
        }
    }

    @Test
    void findsTheDotNearestToThePointer() {
        ProbeStore store = new ProbeStore(1000);
        append(store, START + 10 * SECOND, 80, TrafficClass.TCP4);
        append(store, START + 30 * SECOND, 80, TrafficClass.BACKSCATTER);
        PixelIndex index = PixelIndex.build(store, AXES, store.firstIndex(), store.endIndex());
        int column = AXES.column(START + 10 * SECOND);
        int row = AXES.row(80);

        int near = index.nearestCell(column + 3, row - 2, 1, store, PROBES_ONLY);
        int far = index.nearestCell(column + 5, row, 1, store, PROBES_ONLY);
        int hidden = index.nearestCell(AXES.column(START + 30 * SECOND), row, 1, store,
                PROBES_ONLY);

        assertThat(index.columnOf(near)).isEqualTo(column);
        assertThat(index.rowOf(near)).isEqualTo(row);
        assertThat(far).isNegative();
        assertThat(hidden).isNegative();
    }

    @Test
    void buildsLargeStoresOnItsOwnThreadAndThenAnswers() throws InterruptedException {
        ProbeStore store = new ProbeStore(400_000);
        appendRandom(store, LiveIndex.BUILD_IN_PLACE_LIMIT * 3);
        try (LiveIndex live = new LiveIndex(store)) {
            PixelIndex first = live.forAxes(AXES);
            appendRandom(store, 1000);
            PixelIndex index = null;
            for (int attempt = 0; attempt < 500 && index == null; attempt++) {
                Thread.sleep(10);
                index = live.forAxes(AXES);
            }

            assertThat(first).isNull();
            assertThat(index).isNotNull();
            assertCellsMatchAScan(index, store, ALL);
        }
    }

    private void assertCellsMatchAScan(PixelIndex index, ProbeStore store, int visible) {
        long[] listed = new long[HoverText.LISTED];
        for (int trial = 0; trial < 300; trial++) {
            long entry = store.firstIndex()
                    + random.nextLong(store.endIndex() - store.firstIndex());
            int column = AXES.column(store.timeNanos(entry));
            if (column < 0) {
                continue;
            }
            int row = AXES.row(store.destinationPort(entry));
            long[] expected = scanCell(store, column, row, visible);

            Arrays.fill(listed, -1);
            int count = index.collect(column * AXES.plotHeight() + row, store, visible, listed);

            assertThat(count).isEqualTo(expected.length);
            int shown = Math.min(expected.length, listed.length);
            assertThat(Arrays.copyOf(listed, shown)).containsExactly(
                    Arrays.copyOf(expected, shown));
        }
    }

    private static long[] scanCell(ProbeStore store, int column, int row, int visible) {
        List<Long> found = new ArrayList<>();
        for (long i = store.firstIndex(); i < store.endIndex(); i++) {
            if (AXES.column(store.timeNanos(i)) == column
                    && AXES.row(store.destinationPort(i)) == row
                    && (visible & 1 << store.classOrdinal(i)) != 0) {
                found.add(i);
            }
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }

    /** Entries crowded into few cells (some outside the time range), of every plotted class. */
    private void appendRandom(ProbeStore store, int count) {
        TrafficClass[] classes = {TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.TCP6,
            TrafficClass.UDP6, TrafficClass.BACKSCATTER};
        for (int i = 0; i < count; i++) {
            long time = START - 5 * SECOND + random.nextLong(70 * SECOND);
            int port = random.nextInt(4) == 0 ? random.nextInt(65536) : 1 + random.nextInt(40);
            append(store, time, port, classes[random.nextInt(classes.length)]);
        }
    }

    private void append(ProbeStore store, long time, int port, TrafficClass trafficClass) {
        packet.clear();
        packet.timestampNanos = time;
        packet.destinationPort = port;
        packet.trafficClass = trafficClass;
        packet.sourceHigh = 0;
        packet.sourceLow = 0xffff_c000_0201L;
        store.append(packet);
    }
}
