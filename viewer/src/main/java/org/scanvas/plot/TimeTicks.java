package org.scanvas.plot;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tick marks for the time axis, in local time: picks a step that leaves room for the labels,
 * aligns ticks to whole steps of the local clock and labels them in a format that suits the
 * step (milliseconds, seconds, minutes, dates). Also picks tidy spans for a growing axis.
 */
public final class TimeTicks {

    /** Least distance between two labelled ticks, in pixels. */
    static final int MIN_TICK_SPACING = 96;

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static final long[] STEPS = {
        SECOND / 1000, SECOND / 100, SECOND / 10, SECOND / 5, SECOND / 2,
        SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
        HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
        DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 364 * DAY,
    };

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d");

    private TimeTicks() {
    }

    /** One tick: where it is and what it says. */
    public record Tick(long timeNanos, String label) {
    }

    /**
     * The ticks inside {@code [startNanos, endNanos]} for an axis {@code widthPixels} wide.
     * Any pair of times works, however far apart (a capture's timestamps are whatever its
     * writer put there): spans and steps saturate instead of overflowing.
     *
     * @param zone the zone whose wall clock the labels show
     */
    public static List<Tick> ticks(long startNanos, long endNanos, int widthPixels, ZoneId zone) {
        List<Tick> ticks = new ArrayList<>();
        if (endNanos < startNanos) {
            return ticks;
        }
        long span = endNanos - startNanos;
        long step = span >= 0 ? stepFor(span, widthPixels)
                : stepForLongerSpan((double) endNanos - (double) startNanos, widthPixels);
        long tick = firstTick(startNanos, step, zone);
        while (tick != Long.MIN_VALUE && tick <= endNanos) {
            ticks.add(new Tick(tick, label(tick, step, zone)));
            tick = difference(endNanos, tick) >= step ? tick + step : Long.MIN_VALUE;
        }
        return ticks;
    }

    /** {@code later - earlier} for {@code later >= earlier}, or Long.MAX_VALUE past it. */
    static long difference(long later, long earlier) {
        long difference = later - earlier;
        return difference < 0 ? Long.MAX_VALUE : difference;
    }

    /** The smallest step that keeps labels at least {@link #MIN_TICK_SPACING} apart. */
    static long stepFor(long spanNanos, int widthPixels) {
        long maxTicks = Math.max(1, widthPixels / MIN_TICK_SPACING);
        for (long step : STEPS) {
            if (spanNanos / step <= maxTicks) {
                return step;
            }
        }
        long largest = STEPS[STEPS.length - 1];
        long multiple = spanNanos / maxTicks / largest + 1;
        return multiple > Long.MAX_VALUE / largest ? Long.MAX_VALUE : largest * multiple;
    }

    /** {@link #stepFor} for a span beyond Long.MAX_VALUE (from before 1970 to after it). */
    private static long stepForLongerSpan(double spanNanos, int widthPixels) {
        long maxTicks = Math.max(1, widthPixels / MIN_TICK_SPACING);
        long largest = STEPS[STEPS.length - 1];
        double multiple = Math.floor(spanNanos / maxTicks / largest) + 1;
        return multiple >= (double) (Long.MAX_VALUE / largest) ? Long.MAX_VALUE
                : largest * (long) multiple;
    }

    /**
     * The first whole step of the local clock at or after {@code startNanos}, or
     * Long.MIN_VALUE when that lies past the last representable time. Steps of a day or more
     * fall on local midnight. Worked in remainders, which cannot overflow.
     */
    private static long firstTick(long startNanos, long step, ZoneId zone) {
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(
                Math.floorDiv(startNanos, SECOND))).getTotalSeconds() * SECOND;
        long intoStep = Math.floorMod(Math.floorMod(startNanos, step) + Math.floorMod(offset, step),
                step);
        if (intoStep == 0) {
            return startNanos;
        }
        long toNext = step - intoStep;
        return startNanos <= Long.MAX_VALUE - toNext ? startNanos + toNext : Long.MIN_VALUE;
    }

    private static String label(long tickNanos, long step, ZoneId zone) {
        ZonedDateTime time = Instant.ofEpochSecond(Math.floorDiv(tickNanos, SECOND),
                Math.floorMod(tickNanos, SECOND)).atZone(zone);
        if (step < SECOND) {
            return MILLIS.format(time);
        }
        if (step < MINUTE) {
            return SECONDS.format(time);
        }
        if (step < DAY) {
            return time.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? MONTH_DAY.format(time) : MINUTES.format(time);
        }
        return DATE.format(time);
    }

    /**
     * A tidy span of at least {@code nanos}: the smallest tick step times a small whole
     * number, so that a growing axis ends on a round time.
     */
    public static long tidySpan(long nanos) {
        long step = stepFor(nanos, MIN_TICK_SPACING * 10);
        if (nanos > Long.MAX_VALUE - step) {
            return Long.MAX_VALUE;
        }
        return Math.max(step, Math.floorDiv(nanos + step - 1, step) * step);
    }
}
