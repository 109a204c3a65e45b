package org.scanvas.plot;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;

/**
 * A handful of probes with known times and ports, and where the house rules put them: a time
 * axis over {@code [T0, T0 + 60 s]} and a log port axis, computed here from the formulas
 * rather than by the code under test.
 */
public final class PlottedProbes {

    /** Time of the first probe, a whole second: the live axis starts here. */
    public static final long T0 = 1_714_557_600L * TimeUnit.SECONDS.toNanos(1);
    /** Span a live axis takes for probes within its first minute. */
    public static final long SPAN = TimeUnit.SECONDS.toNanos(60);

    /** One probe and the colour its dot must have. */
    public record Probe(TrafficClass trafficClass, long seconds, int port, int argb) {

        /** Time of the probe, ns since the epoch. */
        public long time() {
            return T0 + TimeUnit.SECONDS.toNanos(seconds);
        }

        /** Fills a packet with this probe. */
        public void fill(DecodedPacket packet) {
            packet.clear();
            packet.timestampNanos = time();
            packet.trafficClass = trafficClass;
            packet.ipVersion = trafficClass == TrafficClass.TCP6
                    || trafficClass == TrafficClass.UDP6 ? 6 : 4;
            packet.destinationPort = port;
            packet.sourceHigh = 0xffffL;
            packet.sourceLow = 0xc0000201L;
            packet.sourcePort = 50000;
            packet.ttl = 64;
        }

        /** Picture column of the dot in a {@code width} wide picture. */
        public int x(int width) {
            return x(width, T0, T0 + SPAN);
        }

        /** Picture column of the dot when the time axis runs from start to end (ns). */
        public int x(int width, long startNanos, long endNanos) {
            int plotWidth = width - PlotAxes.INSET_LEFT - PlotAxes.INSET_RIGHT;
            int column = (int) Math.floor((time() - startNanos) / (double) (endNanos - startNanos)
                    * plotWidth);
            return PlotAxes.INSET_LEFT + Math.min(column, plotWidth - 1);
        }

        /** Picture row of the dot in a {@code height} high picture. */
        public int y(int height) {
            int plotHeight = height - PlotAxes.INSET_TOP - PlotAxes.INSET_BOTTOM;
            double fraction = Math.log(Math.max(port, 1)) / Math.log(65535);
            return PlotAxes.INSET_TOP + (int) Math.round((plotHeight - 1) * (1 - fraction));
        }
    }

    /** The probes, in time order; the first one at {@link #T0}. */
    public static final List<Probe> PROBES = List.of(
            new Probe(TrafficClass.TCP4, 0, 22, 0xff00ff00),
            new Probe(TrafficClass.UDP4, 10, 53, 0xffb0b0ff),
            new Probe(TrafficClass.TCP6, 20, 443, 0xffff0000),
            new Probe(TrafficClass.UDP6, 31, 6881, 0xffffffff),
            new Probe(TrafficClass.TCP4, 42, 0, 0xff00ff00),
            new Probe(TrafficClass.UDP4, 53, 65535, 0xffb0b0ff));

    /** A place where no probe and no grid line is: 7.5 s in, at port 300. */
    public static final Probe NOTHING = new Probe(TrafficClass.TCP4, 7, 300, 0xff000000);

    private PlottedProbes() {
    }
}
