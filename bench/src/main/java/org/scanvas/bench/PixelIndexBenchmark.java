package org.scanvas.bench;

import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.inspect.PixelIndex;
import org.scanvas.inspect.ProbeText;
import org.scanvas.plot.PlotAxes;
import org.scanvas.store.ProbeStore;

/**
 * The pixel index behind hover and selection, at the sizes the issue names: a day of probes
 * on the plot of a 1600x1000 window. Measures a hover question (nearest dot, count, first
 * five) at a typical dot and at the densest one, a full build (what a resize or zoom costs
 * the index thread), and taking new probes one frame at a time (per probe; run with
 * {@code -prof gc} to see it allocate nothing but a chunk per 65,536 probes).
 *
 * <p>The store holds a day of scan-like traffic in time order, on an axis of two days: four
 * in five probes are spread over the day from 100,000 sources, half to twenty popular ports
 * and half to any port; one in five is a single source's telnet flood over ten minutes, so a
 * few cells hold a hundred thousand or more. The store is full, so new probes evict the
 * oldest and the store itself allocates nothing while the index takes them.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class PixelIndexBenchmark {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long DAY_START = 1_714_521_600L * SECOND;
    private static final long DAY = TimeUnit.DAYS.toNanos(1);
    private static final long FLOOD_START = DAY_START + DAY / 2;
    private static final long FLOOD = TimeUnit.MINUTES.toNanos(10);
    private static final int[] POPULAR = {22, 23, 80, 443, 445, 3389, 8080, 5900, 53, 123,
        161, 1433, 3306, 6379, 25, 110, 143, 1900, 5060, 6881};
    private static final int ALL_PROBES = 1 << TrafficClass.TCP4.ordinal()
            | 1 << TrafficClass.UDP4.ordinal() | 1 << TrafficClass.TCP6.ordinal()
            | 1 << TrafficClass.UDP6.ordinal();
    private static final int FRAME = 1 << 16;
    private static final int QUESTIONS = 1024;

    /** Probes held in the store. */
    @Param({"10000000"})
    public int probes;

    private final DecodedPacket packet = new DecodedPacket();
    private final SplittableRandom random = new SplittableRandom(7);
    private final long[] listed = new long[5];
    private ProbeStore store;
    private PlotAxes axes;
    private PixelIndex index;
    private int[] questionColumns;
    private int[] questionRows;
    private int question;
    private int denseColumn;
    private int denseRow;
    private long backgroundStep;
    private long background;
    private long floodStep;
    private long flood;

    @Setup(Level.Trial)
    public void fill() {
        store = new ProbeStore(probes);
        long floodCount = probes / 5;
        floodStep = FLOOD / floodCount;
        backgroundStep = DAY / (probes - floodCount);
        while (store.endIndex() < store.capacity()) {
            appendOne();
        }
        axes = PlotAxes.of(1600, 1000, DAY_START, DAY_START + 2 * DAY);
        questionColumns = new int[QUESTIONS];
        questionRows = new int[QUESTIONS];
        for (int i = 0; i < QUESTIONS; i++) {
            long entry;
            do {
                entry = random.nextLong(store.size());
            } while (store.destinationPort(entry) == 23);
            questionColumns[i] = axes.column(store.timeNanos(entry));
            questionRows[i] = axes.row(store.destinationPort(entry));
        }
        denseColumn = axes.column(FLOOD_START + FLOOD / 2);
        denseRow = axes.row(23);
        index = PixelIndex.build(store, axes, store.firstIndex(), store.endIndex());
    }

    /** Appends the next probe in time order: the flood's or the background's, earlier first. */
    private void appendOne() {
        packet.clear();
        long floodTime = FLOOD_START + flood * floodStep;
        long backgroundTime = DAY_START + background * backgroundStep;
        if (floodTime < FLOOD_START + FLOOD && floodTime <= backgroundTime) {
            flood++;
            packet.timestampNanos = floodTime;
            packet.destinationPort = 23;
            packet.sourceLow = 0xffff_cb00_7107L;
            packet.trafficClass = TrafficClass.TCP4;
        } else {
            background++;
            packet.timestampNanos = backgroundTime;
            packet.destinationPort = random.nextBoolean()
                    ? POPULAR[random.nextInt(POPULAR.length)] : 1 + random.nextInt(65535);
            if (packet.destinationPort == 23) {
                packet.destinationPort = 24;
            }
            packet.sourceLow = 0xffff_c633_0000L + random.nextInt(100_000);
            packet.trafficClass = random.nextInt(10) == 0 ? TrafficClass.UDP4 : TrafficClass.TCP4;
        }
        packet.sourceHigh = 0;
        packet.sourcePort = 40000;
        packet.ttl = 64;
        packet.tcpFlags = packet.trafficClass == TrafficClass.TCP4 ? 0x02 : 0;
        store.append(packet);
    }

    /** A hover at a typical dot (not the flood's): nearest cell, its count and five oldest. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int hoverTypicalDot() {
        int at = question++ & (QUESTIONS - 1);
        int cell = index.nearestCell(questionColumns[at] + 1, questionRows[at] + 1, 1, store,
                ALL_PROBES);
        return index.collect(cell, store, ALL_PROBES, listed);
    }

    /** The same with the tooltip's words for the first probe: address, service, time. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String hoverTypicalDotWithText() {
        int at = question++ & (QUESTIONS - 1);
        int cell = index.nearestCell(questionColumns[at], questionRows[at], 1, store,
                ALL_PROBES);
        index.collect(cell, store, ALL_PROBES, listed);
        return ProbeText.source(store, listed[0]) + ProbeText.protocolPort(
                store.classOrdinal(listed[0]), store.destinationPort(listed[0]))
                + ProbeText.dateTime(store.timeNanos(listed[0]), ZoneId.of("UTC"));
    }

    /** A hover at the densest dot, in the flood, whose count walks its whole run. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int hoverDensestDot() {
        int cell = index.nearestCell(denseColumn, denseRow, 1, store, ALL_PROBES);
        return index.collect(cell, store, ALL_PROBES, listed);
    }

    /** A full build over every probe held, as after a resize or a zoom. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public PixelIndex fullBuild() {
        return PixelIndex.build(store, axes, store.firstIndex(), store.endIndex());
    }

    /**
     * New probes, one frame's worth, taken by the index (per probe). One frame per iteration,
     * so that sixty frames stay within the axis's second day.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(FRAME)
    @Warmup(iterations = 30)
    @Measurement(iterations = 30)
    public long appendFrame(FrameOfProbes frame) {
        index.catchUp(store);
        return index.end();
    }

    /** Appends a frame's probes to the store before each call, outside the measurement. */
    @State(Scope.Thread)
    public static class FrameOfProbes {
        @Setup(Level.Invocation)
        public void arrive(PixelIndexBenchmark benchmark) {
            for (int i = 0; i < FRAME; i++) {
                benchmark.appendOne();
            }
        }
    }
}
