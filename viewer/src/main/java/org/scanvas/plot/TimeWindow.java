package org.scanvas.plot;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Which stretch of time the plot shows before any zoom: the whole capture (growing as probes
 * arrive), the latest few minutes to days following the newest probe, one local calendar day
 * from 00:00 to 24:00, or a fixed range.
 */
public sealed interface TimeWindow {

    /** The follow spans the window offers: 5 minutes, 1 hour, 24 hours, 7 days. */
    Duration[] FOLLOW_SPANS = {
        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7),
    };

    /** A span as the window's menus and legend name it: "5 min", "1 h", "7 days". */
    static String spanName(Duration span) {
        if (span.toDays() >= 2 && span.toHours() % 24 == 0) {
            return span.toDays() + " days";
        }
        if (span.toHours() >= 1 && span.toMinutes() % 60 == 0) {
            return span.toHours() + " h";
        }
        if (span.toMinutes() >= 1 && span.toSeconds() % 60 == 0) {
            return span.toMinutes() + " min";
        }
        return span.toSeconds() + " s";
    }

    /** Whether the range moves by itself as probes arrive (until paused). */
    boolean isLive();

    /** Every probe: the axis starts at the first and grows to cover the newest. */
    record WholeCapture() implements TimeWindow {
        @Override
        public boolean isLive() {
            return true;
        }
    }

    /**
     * The newest {@code span} of capture time, ending a little past the newest probe.
     *
     * @param span positive
     */
    record Follow(Duration span) implements TimeWindow {
        /** Checks the span. */
        public Follow {
            if (span.isNegative() || span.isZero()) {
                throw new IllegalArgumentException("follow span must be positive: " + span);
            }
        }

        /** Span in nanoseconds. */
        public long spanNanos() {
            return span.toNanos();
        }

        @Override
        public boolean isLive() {
            return true;
        }
    }

    /** One local calendar day, 00:00 to 24:00 (23 or 25 hours on a clock change). */
    record Day(LocalDate date) implements TimeWindow {
        /** Start of the day, ns since the epoch. */
        public long startNanos(ZoneId zone) {
            return nanos(date, zone);
        }

        /** Start of the next day, ns since the epoch. */
        public long endNanos(ZoneId zone) {
            return nanos(date.plusDays(1), zone);
        }

        /** The day {@code days} later (earlier when negative). */
        public Day plusDays(long days) {
            return new Day(date.plusDays(days));
        }

        private static long nanos(LocalDate date, ZoneId zone) {
            return TimeUnit.SECONDS.toNanos(date.atStartOfDay(zone).toEpochSecond());
        }

        @Override
        public boolean isLive() {
            return false;
        }
    }

    /**
     * A fixed range, as a rendered PNG has.
     *
     * @param fromNanos left edge, ns since the epoch
     * @param toNanos right edge, after {@code fromNanos}
     */
    record Fixed(long fromNanos, long toNanos) implements TimeWindow {
        /** Checks the range. */
        public Fixed {
            if (toNanos <= fromNanos) {
                throw new IllegalArgumentException(
                        "empty time range: from=" + fromNanos + " to=" + toNanos);
            }
        }

        @Override
        public boolean isLive() {
            return false;
        }
    }
}
