package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Timestamps are whatever a capture's writer put there, so the time axis must cope with any
 * two of them: once, ticks for a span wider than a long holds (1970 to 2262) were counted
 * through an overflowed span a millisecond at a time and hung the JavaFX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ExtremeTimestampsTest {

    private static final int WIDTH = 1280;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ProbeStore store = new ProbeStore(1000);
    private PlotView view;

    @Start
    void start(Stage stage) {
        view = new PlotView(store, ZoneId.of("Europe/Berlin"));
        stage.setScene(new Scene(view, WIDTH, 800));
        stage.show();
    }

    static Stream<Arguments> farApart() {
        return Stream.of(
                Arguments.of("1970 to 2262", 0L, Long.MAX_VALUE),
                Arguments.of("1677 to 2262", Long.MIN_VALUE, Long.MAX_VALUE),
                Arguments.of("the last microsecond", Long.MAX_VALUE - 1_000, Long.MAX_VALUE),
                Arguments.of("the first microsecond", Long.MIN_VALUE, Long.MIN_VALUE + 1_000),
                Arguments.of("around the epoch", -1_000L, 5_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farApart")
    void labelsAFewTicksInsideAnySpan(String name, long start, long end) {
        List<TimeTicks.Tick> ticks = assertTimeoutPreemptively(LIMIT,
                () -> TimeTicks.ticks(start, end, WIDTH, ZoneId.of("Europe/Berlin")));

        assertThat(ticks).hasSizeLessThanOrEqualTo(WIDTH / TimeTicks.MIN_TICK_SPACING + 2);
        assertThat(ticks).allSatisfy(tick -> assertThat(tick.timeNanos()).isBetween(start, end));
        assertThat(ticks).extracting(TimeTicks.Tick::timeNanos).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farApart")
    void mapsBothEndsOfAnySpanOntoThePlot(String name, long start, long end) {
        PlotAxes axes = PlotAxes.of(WIDTH, 800, start, end);

        assertThat(axes.column(start)).isZero();
        assertThat(axes.column(end)).isEqualTo(axes.plotWidth() - 1);
        assertThat(axes.column(start / 2 + end / 2)).isBetween(0, axes.plotWidth() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farApart")
    void drawsProbesAnySpanApartOnTheLiveAxis(String name, long start, long end) {
        assertTimeoutPreemptively(LIMIT, () -> FxPlatform.call(() -> {
            append(start);
            append(end);
            view.update();
            return null;
        }));

        assertThat(FxPlatform.call(() -> view.drawnCount(TrafficClass.TCP4))).isEqualTo(2);
        assertThat(FxPlatform.call(() -> view.axes().contains(start) && view.axes().contains(end)))
                .isTrue();
    }

    private void append(long timeNanos) {
        DecodedPacket probe = new DecodedPacket();
        probe.trafficClass = TrafficClass.TCP4;
        probe.ipVersion = 4;
        probe.protocol = 6;
        probe.destinationPort = 22;
        probe.tcpFlags = 0x02;
        probe.timestampNanos = timeNanos;
        store.append(probe);
    }
}
