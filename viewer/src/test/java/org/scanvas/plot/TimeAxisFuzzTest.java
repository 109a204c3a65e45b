package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneId;
import java.util.List;

/**
 * Feeds the time axis arbitrary pairs of timestamps, as a capture's records can carry, with
 * picture widths from the least to the most the command line allows and zones of every kind
 * of offset. A plain test
 * run replays the seeds under {@code TimeAxisFuzzTestInputs/anyTimeRangeMakesASaneAxis};
 * {@code JAZZER_FUZZ=1} fuzzes (see README.md, "Fuzzing"). Written after a span from 1970 to
 * 2262 hung the JavaFX thread ({@link ExtremeTimestampsTest}).
 *
 * <p>Properties: ticks are few (at most one per label's width, plus the ends), sorted and
 * inside the range; both ends of the range map onto the plot's first and last columns and
 * every time between them onto a column of the plot; a tidy span is at least what was asked.
 * A hang is a libFuzzer timeout.
 */
class TimeAxisFuzzTest {

    private static final ZoneId[] ZONES = {
        ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"),
        ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"), ZoneId.of("Pacific/Kiritimati"),
    };

    /** Picture widths the command line allows, from the least to the most. */
    private static final int[] WIDTHS = {200, 201, 1280, 1600, 4093, 16384};

    /** Axes per width, built once: the port table takes longer than all the rest. */
    private final PlotAxes[] axesByWidth = new PlotAxes[WIDTHS.length];

    @FuzzTest(maxDuration = "30s")
    void anyTimeRangeMakesASaneAxis(FuzzedDataProvider data) {
        long first = data.consumeLong();
        long second = data.consumeLong();
        long start = Math.min(first, second);
        long end = Math.max(first, second);
        int widthIndex = data.consumeInt(0, WIDTHS.length - 1);
        int width = WIDTHS[widthIndex];
        ZoneId zone = ZONES[data.consumeInt(0, ZONES.length - 1)];
        long between = (long) ((double) start
                + data.consumeProbabilityDouble() * ((double) end - (double) start));

        List<TimeTicks.Tick> ticks = TimeTicks.ticks(start, end, width, zone);

        assertThat(ticks.size()).isLessThanOrEqualTo(width / TimeTicks.MIN_TICK_SPACING + 2);
        long previous = Long.MIN_VALUE;
        for (TimeTicks.Tick tick : ticks) {
            assertThat(tick.timeNanos()).isBetween(Math.max(start, previous), end);
            previous = tick.timeNanos();
        }
        if (start < end) {
            if (axesByWidth[widthIndex] == null) {
                axesByWidth[widthIndex] = PlotAxes.of(width, 800, 0, 1);
            }
            PlotAxes axes = axesByWidth[widthIndex].withTimeRange(start, end);
            assertThat(axes.column(start)).isZero();
            assertThat(axes.column(end)).isEqualTo(axes.plotWidth() - 1);
            assertThat(axes.column(Math.min(end, Math.max(start, between))))
                    .isBetween(0, axes.plotWidth() - 1);
        }
        long asked = end - start;
        if (asked >= 0) {
            assertThat(TimeTicks.tidySpan(asked)).isGreaterThanOrEqualTo(asked);
        }
    }
}
