package org.scanvas.plot;

import org.scanvas.decode.TrafficClass;

/**
 * The colour of a pixel from its class and the number of dots on it. A lone dot has its
 * class's house colour exactly; with density on, each doubling of the count lightens it a step
 * towards white, up to {@link #MAX_TINT} at {@link #LEVELS} doublings (256 dots and more), so a
 * band of thousands of probes stands out from a single scan while every class keeps its hue.
 * With density off every count draws the house colour. Immutable; a table lookup per dot.
 */
final class DotShades {

    /** Count doublings that lighten a dot, 0 (one dot) to this; more count as this many. */
    static final int LEVELS = 8;
    /** Share of white mixed in at the highest level. */
    static final double MAX_TINT = 0.65;

    /** House colours, counts ignored. */
    static final DotShades FLAT = new DotShades(false);
    /** House colours lightened by count. */
    static final DotShades DENSITY = new DotShades(true);

    private final int[] argb = new int[TrafficClass.count() * (LEVELS + 1)];

    private DotShades(boolean density) {
        for (int classOrdinal = 0; classOrdinal < TrafficClass.count(); classOrdinal++) {
            int base = PlotStyle.dotArgb(classOrdinal);
            for (int level = 0; level <= LEVELS; level++) {
                double tint = density ? MAX_TINT * level / LEVELS : 0;
                argb[classOrdinal * (LEVELS + 1) + level] = lighten(base, tint);
            }
        }
    }

    /** The shade of a pixel holding {@code count} dots (1 or more) of the last drawn class. */
    int argb(int classOrdinal, int count) {
        int level = Math.min(LEVELS, 31 - Integer.numberOfLeadingZeros(count));
        return argb[classOrdinal * (LEVELS + 1) + level];
    }

    /** Mixes {@code tint} of white into an opaque colour. */
    static int lighten(int argb, double tint) {
        if (argb == 0) {
            return 0;
        }
        int red = mix((argb >> 16) & 0xff, tint);
        int green = mix((argb >> 8) & 0xff, tint);
        int blue = mix(argb & 0xff, tint);
        return (argb & 0xff000000) | red << 16 | green << 8 | blue;
    }

    private static int mix(int channel, double tint) {
        return (int) Math.round(channel + (255 - channel) * tint);
    }
}
