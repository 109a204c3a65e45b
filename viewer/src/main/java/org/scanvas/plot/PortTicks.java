package org.scanvas.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled ticks for the logarithmic port axis at any zoom. The house ports come first, each
 * kept only where its label does not crowd one already placed. On a zoomed axis (where house
 * ports lie unevenly, leaving wide gaps), or when too few of them are in view, finer ticks
 * fill in: 1, 2 and 5 times a power of ten, then whole multiples of
 * round steps, from one small enough to label the narrowest stretch in view (the top, on a log
 * axis) down to finer ones where the axis spreads ports wider. No two labels come closer than
 * the spacing asked for, and finer ticks keep twice that from every other label.
 */
public final class PortTicks {

    /** Least vertical distance between two labels, in pixels, at the normal font. */
    public static final int MIN_LABEL_SPACING = 15;

    private static final int[] ROUND = {1, 2, 5};
    private static final int MAX_FINE_TICKS = 400;

    private PortTicks() {
    }

    /** One tick: the port and whether it is a house port (else a finer tick). */
    public record Tick(int port, boolean house) {
    }

    /**
     * Ticks for the axes' port range, bottom to top in no particular order.
     *
     * @param spacing least distance between labels in pixels
     */
    public static List<Tick> ticks(PlotAxes axes, int spacing) {
        List<Tick> ticks = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int port : PlotStyle.PORT_TICKS) {
            place(axes, port, true, spacing, ticks, rows);
        }
        int wanted = Math.max(3, axes.plotHeight() / (spacing * 4));
        boolean zoomed = axes.lowPort() > PlotAxes.MIN_PORT || axes.highPort() < PlotAxes.MAX_PORT;
        if (!zoomed && ticks.size() >= wanted) {
            return ticks;
        }
        for (int exponent = 0; exponent <= 4; exponent++) {
            for (int factor : ROUND) {
                place(axes, factor * (int) Math.pow(10, exponent), false, spacing, ticks, rows);
            }
        }
        int fineSpacing = 2 * spacing;
        for (int step = linearStep(axes, spacing); step >= 1; step = smallerRound(step)) {
            int first = Math.max(step, (int) Math.ceil(axes.lowPort() / step) * step);
            for (int port = first, n = 0; port <= axes.highPort() && n < MAX_FINE_TICKS;
                    port += step, n++) {
                place(axes, port, false, fineSpacing, ticks, rows);
            }
        }
        return ticks;
    }

    /**
     * The smallest round step (1, 2, 5 times a power of ten) whose ticks stay two spacings
     * apart at the top of the range, where a log axis packs ports closest.
     */
    static int linearStep(PlotAxes axes, int spacing) {
        double high = axes.highPort();
        double pixelsPerLog = (axes.plotHeight() - 1)
                / (Math.log(high) - Math.log(axes.lowPort()));
        for (int exponent = 0; exponent <= 4; exponent++) {
            for (int factor : ROUND) {
                int step = factor * (int) Math.pow(10, exponent);
                double gap = (Math.log(high) - Math.log(Math.max(1, high - step))) * pixelsPerLog;
                if (gap >= 2 * spacing) {
                    return step;
                }
            }
        }
        return 50_000;
    }

    /** The next smaller step of 1, 2, 5 times a power of ten; 0 below 1. */
    static int smallerRound(int step) {
        int power = 1;
        while (power * 10 <= step) {
            power *= 10;
        }
        int leading = step / power;
        if (leading >= 5) {
            return 2 * power;
        }
        if (leading >= 2) {
            return power;
        }
        return power / 2 >= 1 ? power / 2 : 0;
    }

    private static void place(PlotAxes axes, int port, boolean house, int spacing,
            List<Tick> ticks, List<Integer> rows) {
        if (port > PlotAxes.MAX_PORT) {
            return;
        }
        int row = axes.row(port);
        if (row < 0) {
            return;
        }
        for (int taken : rows) {
            if (Math.abs(taken - row) < spacing) {
                return;
            }
        }
        ticks.add(new Tick(port, house));
        rows.add(row);
    }
}
