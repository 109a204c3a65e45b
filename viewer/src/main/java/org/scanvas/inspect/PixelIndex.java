package org.scanvas.inspect;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import org.scanvas.plot.PlotAxes;
import org.scanvas.store.ProbeStore;

/**
 * From a pixel of the plot area to the store entries drawn there, for one set of axes.
 *
 * <p>Two parts. The <em>built</em> part covers the entries that were in the store when the
 * index was built: a counting sort by cell (column-major, so a column's rows are adjacent)
 * into one array of entry offsets, ascending within each cell, with each entry's class beside
 * it; a cell's entries are one contiguous run, and a column's rows a run of runs. The
 * <em>appended</em> part takes every entry the store receives later, one at a time: each cell
 * holds its newest entry and each entry the previous one of its cell, newest first. Appending
 * writes two ints and allocates only one chunk per {@value #CHUNK_SIZE} entries.
 *
 * <p>Evicted entries are skipped by their index alone: an entry below the store's
 * {@link ProbeStore#firstIndex()} is gone. That also covers entries the store overwrote while
 * a background build was reading them, since the store only overwrites what it has evicted.
 *
 * <p>Memory: 4 bytes per cell twice (built runs and appended heads) and 5 bytes per built
 * entry plus 4 per appended one; the build needs 4 more bytes per entry while it runs.
 *
 * <p>Threading: {@link #build} runs on any thread (it reads the store through
 * {@link ProbeStore#scanConcurrently}); everything else belongs to the store's owner, the
 * JavaFX application thread.
 */
public final class PixelIndex {

    /** Entries per chunk of the appended part. */
    public static final int CHUNK_SIZE = 1 << 16;

    /** Pixels around the pointer within which a dot still counts as hovered. */
    public static final int HOVER_RADIUS = 4;

    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int NONE = -1;
    private static final int CLASS_SHIFT = 28;
    private static final int CELL_MASK = (1 << CLASS_SHIFT) - 1;
    /** Entries read per step of a build, between checks for cancellation. */
    private static final int BUILD_STEP = 1 << 20;
    private static final int[][] HOVER_OFFSETS = new int[9][];

    private final PlotAxes axes;
    private final int plotHeight;
    private final int cells;

    private final long base;
    private final long builtEnd;
    private final int[] runStart;
    private final int[] builtOffsets;
    private final byte[] builtClasses;

    private final int[] newestAppended;
    private int[][] previousAppended = new int[16][];
    private long end;
    private final Appender appender = new Appender();
    private long[] oldestScratch = new long[0];

    private PixelIndex(PlotAxes axes, long base, long builtEnd, int[] runStart,
            int[] builtOffsets, byte[] builtClasses) {
        this.axes = axes;
        this.plotHeight = axes.plotHeight();
        this.cells = axes.plotWidth() * plotHeight;
        this.base = base;
        this.builtEnd = builtEnd;
        this.end = builtEnd;
        this.runStart = runStart;
        this.builtOffsets = builtOffsets;
        this.builtClasses = builtClasses;
        this.newestAppended = new int[cells];
        Arrays.fill(newestAppended, NONE);
    }

    /**
     * Builds an index of the entries {@code [from, end)} for the given axes. Runs on any
     * thread; see {@link ProbeStore#scanConcurrently} for what the caller must guarantee.
     * An interrupted build stops early with a {@link CancellationException}.
     *
     * @param from the store's first retained index when the build was asked for
     * @param end the store's end index then
     */
    public static PixelIndex build(ProbeStore store, PlotAxes axes, long from, long end) {
        int cellCount = axes.plotWidth() * axes.plotHeight();
        if (axes.plotWidth() > 0 && cellCount / axes.plotWidth() != axes.plotHeight()
                || cellCount > CELL_MASK) {
            throw new IllegalArgumentException("plot area too large to index: width="
                    + axes.plotWidth() + " height=" + axes.plotHeight());
        }
        int count = (int) (end - from);
        int[] packedCells = new int[count];
        CellMapper mapper = new CellMapper(axes, packedCells);
        for (long step = from; step < end; step += BUILD_STEP) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("index build cancelled");
            }
            store.scanConcurrently(step, Math.min(end, step + BUILD_STEP), mapper);
        }

        int[] runStart = new int[cellCount + 1];
        for (int packed : packedCells) {
            if (packed != NONE) {
                runStart[(packed & CELL_MASK) + 1]++;
            }
        }
        for (int cell = 0; cell < cellCount; cell++) {
            runStart[cell + 1] += runStart[cell];
        }
        int[] cursor = Arrays.copyOf(runStart, cellCount);
        int[] offsets = new int[runStart[cellCount]];
        byte[] classes = new byte[offsets.length];
        for (int offset = 0; offset < count; offset++) {
            int packed = packedCells[offset];
            if (packed != NONE) {
                int at = cursor[packed & CELL_MASK]++;
                offsets[at] = offset;
                classes[at] = (byte) (packed >>> CLASS_SHIFT);
            }
        }
        return new PixelIndex(axes, from, end, runStart, offsets, classes);
    }

    /** The axes this index maps entries with. */
    public PlotAxes axes() {
        return axes;
    }

    /** Entries placed by the build (those inside the time range). */
    public int builtCount() {
        return builtOffsets.length;
    }

    /** Entries taken one by one since the build, inside the time range or not. */
    public long appendedCount() {
        return end - builtEnd;
    }

    /** Store index below which every entry has been indexed. */
    public long end() {
        return end;
    }

    /**
     * Takes the entries the store received since the last call (or since the build). Call on
     * the store's thread, once per frame or before a question. Allocation-free except for one
     * chunk per {@value #CHUNK_SIZE} entries.
     */
    public void catchUp(ProbeStore store) {
        long storeEnd = store.endIndex();
        if (end >= storeEnd) {
            return;
        }
        if (storeEnd - builtEnd > Integer.MAX_VALUE) {
            throw new IllegalStateException("appended part full, rebuild first: appended="
                    + (storeEnd - builtEnd));
        }
        long from = Math.max(end, store.firstIndex());
        appender.next = from;
        store.scan(from, storeEnd, appender);
        end = storeEnd;
    }

    /**
     * The cell of the visible dot nearest to a pixel, within {@link #HOVER_RADIUS}: a dot of
     * edge {@code dotSize} drawn at cell (c, r) covers columns c..c+dotSize-1 and rows
     * r..r+dotSize-1, as the plot paints it.
     *
     * @param column pixel column in the plot area
     * @param row pixel row in the plot area
     * @param visibleClasses bit {@code 1 << ordinal} set for each class shown
     * @return the cell ({@code column * plotHeight + row}), or -1 when no dot is near
     */
    public int nearestCell(int column, int row, int dotSize, ProbeStore store,
            int visibleClasses) {
        int[] offsets = hoverOffsets(Math.max(1, Math.min(dotSize, HOVER_OFFSETS.length - 1)));
        for (int packed : offsets) {
            int cellColumn = column + (short) (packed >> 16);
            int cellRow = row + (short) packed;
            if (cellColumn >= 0 && cellColumn < axes.plotWidth() && cellRow >= 0
                    && cellRow < plotHeight) {
                int cell = cellColumn * plotHeight + cellRow;
                if (hasVisible(cell, store, visibleClasses)) {
                    return cell;
                }
            }
        }
        return NONE;
    }

    /** Column of a cell returned by {@link #nearestCell}. */
    public int columnOf(int cell) {
        return cell / plotHeight;
    }

    /** Row of a cell returned by {@link #nearestCell}. */
    public int rowOf(int cell) {
        return cell % plotHeight;
    }

    private boolean hasVisible(int cell, ProbeStore store, int visibleClasses) {
        long first = store.firstIndex();
        long minOffset = first - base;
        for (int at = runStart[cell + 1] - 1; at >= runStart[cell]; at--) {
            if (builtOffsets[at] < minOffset) {
                break;
            }
            if ((visibleClasses & 1 << builtClasses[at]) != 0) {
                return true;
            }
        }
        for (int offset = newestAppended[cell]; offset != NONE; offset = previous(offset)) {
            long index = builtEnd + offset;
            if (index < first) {
                break;
            }
            if ((visibleClasses & 1 << store.classOrdinal(index)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts the visible entries of one cell and lists the oldest of them.
     *
     * @param listed receives the store indices of the oldest visible entries, oldest first,
     *     as many as fit
     * @return how many visible entries the cell holds
     */
    public int collect(int cell, ProbeStore store, int visibleClasses, long[] listed) {
        long first = store.firstIndex();
        int count = 0;
        int listedCount = 0;
        int at = firstRetained(runStart[cell], runStart[cell + 1], first - base);
        for (; at < runStart[cell + 1]; at++) {
            if ((visibleClasses & 1 << builtClasses[at]) != 0) {
                if (listedCount < listed.length) {
                    listed[listedCount++] = base + builtOffsets[at];
                }
                count++;
            }
        }

        int room = listed.length - listedCount;
        if (oldestScratch.length < room) {
            oldestScratch = new long[room];
        }
        int seen = 0;
        for (int offset = newestAppended[cell]; offset != NONE; offset = previous(offset)) {
            long index = builtEnd + offset;
            if (index < first) {
                break;
            }
            if ((visibleClasses & 1 << store.classOrdinal(index)) != 0) {
                if (room > 0) {
                    oldestScratch[seen % room] = index;
                }
                seen++;
            }
        }
        int take = Math.min(seen, room);
        for (int k = 0; k < take; k++) {
            listed[listedCount++] = oldestScratch[(seen - 1 - k) % room];
        }
        return count + seen;
    }

    /**
     * Hands every visible retained entry inside a rectangle of cells to {@code visitor}, by
     * store index, in no particular order.
     *
     * @param fromColumn first column, inclusive; the others likewise, clipped to the plot
     */
    public void visitRectangle(int fromColumn, int toColumn, int fromRow, int toRow,
            ProbeStore store, int visibleClasses, LongConsumer visitor) {
        int firstColumn = Math.max(0, fromColumn);
        int lastColumn = Math.min(axes.plotWidth() - 1, toColumn);
        int firstRow = Math.max(0, fromRow);
        int lastRow = Math.min(plotHeight - 1, toRow);
        if (firstColumn > lastColumn || firstRow > lastRow) {
            return;
        }
        long first = store.firstIndex();
        long minOffset = first - base;
        for (int column = firstColumn; column <= lastColumn; column++) {
            int columnBase = column * plotHeight;
            for (int at = runStart[columnBase + firstRow]; at < runStart[columnBase + lastRow + 1];
                    at++) {
                if (builtOffsets[at] >= minOffset
                        && (visibleClasses & 1 << builtClasses[at]) != 0) {
                    visitor.accept(base + builtOffsets[at]);
                }
            }
            for (int row = firstRow; row <= lastRow; row++) {
                visitAppended(columnBase + row, first, store, visibleClasses, visitor);
            }
        }
    }

    private void visitAppended(int cell, long first, ProbeStore store, int visibleClasses,
            LongConsumer visitor) {
        for (int offset = newestAppended[cell]; offset != NONE; offset = previous(offset)) {
            long index = builtEnd + offset;
            if (index < first) {
                return;
            }
            if ((visibleClasses & 1 << store.classOrdinal(index)) != 0) {
                visitor.accept(index);
            }
        }
    }

    /** First position in {@code [from, to)} whose offset is at least {@code minOffset}. */
    private int firstRetained(int from, int to, long minOffset) {
        if (minOffset <= 0) {
            return from;
        }
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (builtOffsets[middle] < minOffset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int previous(int offset) {
        return previousAppended[offset >>> CHUNK_SHIFT][offset & CHUNK_MASK];
    }

    /**
     * Offsets (column in the high 16 bits, row in the low 16, both signed) from the pointer to
     * the cells whose dot lies within the hover radius, nearest first.
     */
    private static synchronized int[] hoverOffsets(int dotSize) {
        if (HOVER_OFFSETS[dotSize] == null) {
            HOVER_OFFSETS[dotSize] = nearestFirst(dotSize);
        }
        return HOVER_OFFSETS[dotSize];
    }

    private static int[] nearestFirst(int dotSize) {
        int reach = HOVER_RADIUS + dotSize - 1;
        int side = reach + HOVER_RADIUS + 1;
        long[] keyed = new long[side * side];
        int count = 0;
        for (int dx = -reach; dx <= HOVER_RADIUS; dx++) {
            for (int dy = -reach; dy <= HOVER_RADIUS; dy++) {
                int gapX = gap(dx, dotSize);
                int gapY = gap(dy, dotSize);
                int distance = gapX * gapX + gapY * gapY;
                if (distance <= HOVER_RADIUS * HOVER_RADIUS) {
                    int packed = (dx << 16) | (dy & 0xffff);
                    keyed[count++] = ((long) distance << 32) | (packed & 0xffffffffL);
                }
            }
        }
        long[] sorted = Arrays.copyOf(keyed, count);
        Arrays.sort(sorted);
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = (int) sorted[i];
        }
        return offsets;
    }

    /** Pixels between the pointer and a dot starting {@code offset} away, along one axis. */
    private static int gap(int offset, int dotSize) {
        if (offset > 0) {
            return offset;
        }
        return offset < -(dotSize - 1) ? -(dotSize - 1) - offset : 0;
    }

    /** The cell an entry is drawn in, or NONE outside the time range or the shown ports. */
    private static int cellOf(PlotAxes axes, int plotHeight, long timeNanos, int port) {
        int column = axes.column(timeNanos);
        int row = axes.row(port);
        return column < 0 || row < 0 || row >= plotHeight ? NONE : column * plotHeight + row;
    }

    /** Maps entries to packed cells during a build: class in the top bits, -1 outside. */
    private static final class CellMapper implements ProbeStore.EntryVisitor {
        private final PlotAxes axes;
        private final int plotHeight;
        private final int[] packedCells;
        private int next;

        CellMapper(PlotAxes axes, int[] packedCells) {
            this.axes = axes;
            this.plotHeight = axes.plotHeight();
            this.packedCells = packedCells;
        }

        @Override
        public void visit(long timeNanos, int destinationPort, int classOrdinal) {
            int cell = cellOf(axes, plotHeight, timeNanos, destinationPort);
            packedCells[next++] = cell == NONE ? NONE : cell | classOrdinal << CLASS_SHIFT;
        }
    }

    /** Chains each appended entry into its cell; a field so that appending allocates nothing. */
    private final class Appender implements ProbeStore.EntryVisitor {
        private long next;

        @Override
        public void visit(long timeNanos, int destinationPort, int classOrdinal) {
            int offset = (int) (next - builtEnd);
            next++;
            int cell = cellOf(axes, plotHeight, timeNanos, destinationPort);
            if (cell == NONE) {
                return;
            }
            int chunk = offset >>> CHUNK_SHIFT;
            if (chunk >= previousAppended.length) {
                previousAppended = Arrays.copyOf(previousAppended, previousAppended.length * 2);
            }
            if (previousAppended[chunk] == null) {
                previousAppended[chunk] = new int[CHUNK_SIZE];
            }
            previousAppended[chunk][offset & CHUNK_MASK] = newestAppended[cell];
            newestAppended[cell] = offset;
        }
    }
}
