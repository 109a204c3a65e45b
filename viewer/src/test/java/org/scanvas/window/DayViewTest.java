package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.plot.ProbeCapture;
import org.scanvas.plot.TimeWindow;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The day view on a capture spanning two local days in Berlin (UTC+2 in May). The capture
 * starts at {@code T0} = 2024-05-01 10:00 UTC, 12:00 in Berlin: four probes fall on 1 May
 * local time (12:00, 13:00, 14:00, 23:00), two on 2 May (01:30, which is still 1 May in UTC,
 * and 08:00). Replayed through the ring at full speed.
 */
@ExtendWith(ApplicationExtension.class)
class DayViewTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    private static final List<Probe> TWO_DAYS = List.of(
            new Probe(TrafficClass.TCP4, 0, 22, 0),
            new Probe(TrafficClass.UDP4, 3600, 53, 0),
            new Probe(TrafficClass.TCP4, 7200, 80, 0),
            new Probe(TrafficClass.TCP6, 11 * 3600, 443, 0),
            new Probe(TrafficClass.TCP4, 13 * 3600 + 1800, 3306, 0),
            new Probe(TrafficClass.UDP6, 20 * 3600, 5000, 0));

    @TempDir
    static Path directory;
    private static Path capture;

    private final ProbeStore store = new ProbeStore(1000);
    private PlotView view;

    @BeforeAll
    static void writeCapture() throws IOException {
        capture = ProbeCapture.write(directory.resolve("two-days.pcap"), TWO_DAYS);
    }

    @Start
    void start(Stage stage) {
        view = new PlotView(store, BERLIN);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        ProbeRing ring = new ProbeRing(64);
        ReplaySession replay = new ReplaySession(List.of(capture), ring, 0, false);
        new FeedPump(ring, store, view, replay).start();
        replay.start();
    }

    private long shownProbes() {
        return FxPlatform.call(() -> view.drawnCount(TrafficClass.TCP4)
                + view.drawnCount(TrafficClass.UDP4) + view.drawnCount(TrafficClass.TCP6)
                + view.drawnCount(TrafficClass.UDP6));
    }

    private void waitForAllProbes() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownProbes() == TWO_DAYS.size());
    }

    private static long startOfDay(LocalDate day) {
        return ZonedDateTime.of(day.atStartOfDay(), BERLIN).toEpochSecond() * 1_000_000_000L;
    }

    @Test
    void showsTheFourProbesOfTheFirstLocalDayFromMidnightToMidnight() throws TimeoutException {
        waitForAllProbes();

        FxPlatform.call(() -> {
            view.setTimeWindow(new TimeWindow.Day(MAY_1));
            return null;
        });

        assertThat(shownProbes()).isEqualTo(4);
        assertThat(FxPlatform.call(() -> view.axes().startNanos())).isEqualTo(startOfDay(MAY_1));
        assertThat(FxPlatform.call(() -> view.axes().endNanos()))
                .isEqualTo(startOfDay(MAY_1.plusDays(1)));
    }

    @Test
    void nextDayShowsTheTwoProbesAfterLocalMidnight() throws TimeoutException {
        waitForAllProbes();
        FxPlatform.call(() -> {
            view.setTimeWindow(new TimeWindow.Day(MAY_1));
            return null;
        });

        FxPlatform.call(() -> {
            view.shiftDay(1);
            return null;
        });

        assertThat(shownProbes()).isEqualTo(2);
        assertThat(FxPlatform.call(() -> view.axes().startNanos()))
                .isEqualTo(startOfDay(MAY_1.plusDays(1)));
        assertThat(FxPlatform.call(() -> view.drawnCount(TrafficClass.UDP6))).isEqualTo(1);
    }

    @Test
    void theDayViewStartsOnTheDayOfTheNewestProbe() throws TimeoutException {
        waitForAllProbes();

        TimeWindow.Day newest = FxPlatform.call(view::newestDay);

        assertThat(newest.date()).isEqualTo(MAY_1.plusDays(1));
        assertThat(PlottedProbes.T0).isEqualTo(startOfDay(MAY_1) + 12 * 3600 * 1_000_000_000L);
    }
}
