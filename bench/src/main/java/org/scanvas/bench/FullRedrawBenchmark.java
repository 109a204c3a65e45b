package org.scanvas.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.DotRedraw;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotAxes;
import org.scanvas.store.ProbeStore;

/**
 * Cost of one full redraw of the plot's dots after a view change (zoom, pan, time window,
 * class toggle), as the {@code scanvas-redraw} thread runs it: every retained probe is mapped
 * through the axes and painted, with density counts, into a spare raster the size of the plot
 * area of a 1280x800 window. The store holds a day of synthetic scans: a slow sweep over all
 * ports, a few busy ports, noise, in all four probe classes.
 *
 * <p>{@code view=all} shows the whole day; {@code view=zoomed} an hour and ports 1000-10000,
 * where most probes fall outside and are only mapped. Results in bench/README.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dglass.platform=Monocle",
    "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true"})
@State(Scope.Benchmark)
public class FullRedrawBenchmark {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long DAY = 86_400 * SECOND;
    private static final long START = 1_764_000_000L * SECOND;
    private static final int[] BUSY_PORTS = {22, 23, 80, 443, 445, 3389, 5060, 8080};
    private static final TrafficClass[] CLASSES = {
        TrafficClass.TCP4, TrafficClass.TCP4, TrafficClass.TCP4, TrafficClass.UDP4,
        TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6,
    };

    /** Probes held in the store. */
    @Param({"1000000", "10000000"})
    public int probes;

    /** What the axes show: the whole day, or a zoom into it. */
    @Param({"all", "zoomed"})
    public String view;

    private DotRedraw redraw;

    @Setup(Level.Trial)
    public void fillStore() {
        FxPlatform.startHeadless();
        redraw = prepare(probes, view.equals("zoomed"));
    }

    /** A redraw of {@code probes} synthetic probes, over the whole day or zoomed. */
    static DotRedraw prepare(int probes, boolean zoomed) {
        ProbeStore store = new ProbeStore(probes);
        DecodedPacket packet = new DecodedPacket();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < probes; i++) {
            fill(packet, random, i, probes);
            store.append(packet);
        }
        PlotAxes axes = PlotAxes.of(1280, 800, START, START + DAY);
        if (zoomed) {
            axes = axes.withTimeRange(START + 10 * 3600 * SECOND, START + 11 * 3600 * SECOND)
                    .withPortRange(1000, 10_000);
        }
        int dotSize = probes >= 100_000 ? 1 : 2;
        return new DotRedraw(store, axes, dotSize, true);
    }

    private static void fill(DecodedPacket packet, SplittableRandom random, int i, int probes) {
        packet.clear();
        packet.timestampNanos = START + (long) i * (DAY / probes);
        packet.trafficClass = CLASSES[random.nextInt(CLASSES.length)];
        packet.ipVersion = packet.trafficClass == TrafficClass.TCP6
                || packet.trafficClass == TrafficClass.UDP6 ? 6 : 4;
        int kind = random.nextInt(10);
        packet.destinationPort = kind < 4 ? 1 + (i / 64) % 65535
                : kind < 8 ? BUSY_PORTS[random.nextInt(BUSY_PORTS.length)]
                : 1 + random.nextInt(65535);
        packet.sourceHigh = 0xffffL;
        packet.sourceLow = 0xcb007100L | random.nextInt(256);
        packet.sourcePort = 40000;
        packet.ttl = 64;
    }

    /** Returns the probes in view, so the work cannot be optimised away. */
    @Benchmark
    public long fullRedraw() {
        return redraw.run();
    }
}
