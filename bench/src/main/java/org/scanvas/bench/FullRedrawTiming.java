package org.scanvas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.scanvas.plot.DotRedraw;
import org.scanvas.plot.FxPlatform;

/**
 * The full redraw of {@link FullRedrawBenchmark} timed by wall clock and by the thread's own
 * CPU time, for a machine shared with other work, where the wall clock also counts the time
 * other processes held the cores. Arguments: [probes] [runs]; prints the median of each.
 * Run with the same JVM flags as the benchmark's fork ({@code -Xmx3g}, Monocle headless).
 */
public final class FullRedrawTiming {

    private FullRedrawTiming() {
    }

    /** Prints the median wall and CPU time of a full redraw, whole day and zoomed. */
    public static void main(String[] args) {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        FxPlatform.startHeadless();
        for (boolean zoomed : new boolean[] {false, true}) {
            DotRedraw redraw = FullRedrawBenchmark.prepare(probes, zoomed);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            for (int warm = 0; warm < 5; warm++) {
                redraw.run();
            }
            for (int i = 0; i < runs; i++) {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long wallBefore = System.nanoTime();
                redraw.run();
                wall[i] = System.nanoTime() - wallBefore;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
            }
            System.out.printf(Locale.ROOT, "probes=%d view=%s median wall=%.1f ms cpu=%.1f ms%n",
                    probes, zoomed ? "zoomed" : "all", median(wall) / 1e6, median(cpu) / 1e6);
        }
        FxPlatform.shutdown();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
