package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTicksTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static long nanos(String localTime) {
        return TimeUnit.SECONDS.toNanos(ZonedDateTime.of(
                java.time.LocalDateTime.parse(localTime), BERLIN).toEpochSecond());
    }

    /**
     * 1192 pixels leave room for 12 labels: 57 s take 5 s steps, 113 min 10 min steps, 36 h
     * 3 h steps (whole hours of the local clock), 60 days 7 day steps (weeks since the epoch,
     * a Thursday, at local midnight).
     */
    @ParameterizedTest
    @CsvSource({
        "2024-05-01T12:00:03, 2024-05-01T12:01:00, 12:00:05",
        "2024-05-01T12:07:00, 2024-05-01T14:00:00, 12:10",
        "2024-05-01T12:07:00, 2024-05-03T00:00:00, 15:00",
        "2024-05-01T12:07:00, 2024-06-30T00:00:00, 2024-05-02",
    })
    void labelsTheFirstTickInAFormatSuitingTheSpan(String from, String to, String firstLabel) {
        List<TimeTicks.Tick> ticks = TimeTicks.ticks(nanos(from), nanos(to), 1192, BERLIN);

        assertThat(ticks).first().extracting(TimeTicks.Tick::label).isEqualTo(firstLabel);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T12:00:03, 2024-05-01T12:01:00",
        "2024-05-01T00:00:00, 2024-05-09T00:00:00",
    })
    void leavesRoomForEveryLabel(String from, String to) {
        int width = 1192;

        List<TimeTicks.Tick> ticks = TimeTicks.ticks(nanos(from), nanos(to), width, BERLIN);

        assertThat(ticks).hasSizeLessThanOrEqualTo(width / TimeTicks.MIN_TICK_SPACING + 1);
    }
}
