package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.control.ButtonBase;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotImages;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.plot.ProbeCapture;
import org.scanvas.plot.TimeWindow;
import org.scanvas.replay.ReplaySource;
import org.scanvas.store.ProbeStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole replay window on real capture files: it opens a capture of {@link PlottedProbes}
 * (one probe of each class, two of tcp4 and udp4), and a second capture of only udp6 probes
 * is dropped on it. Counts come from how the captures were written.
 */
@ExtendWith(ApplicationExtension.class)
class PlotWindowTest {

    private static final List<Probe> UDP6_ONLY = List.of(
            new Probe(TrafficClass.UDP6, 0, 53, 0xffffffff),
            new Probe(TrafficClass.UDP6, 5, 123, 0xffffffff),
            new Probe(TrafficClass.UDP6, 9, 161, 0xffffffff),
            new Probe(TrafficClass.UDP6, 14, 500, 0xffffffff));

    @TempDir
    static Path directory;
    private static Path probes;
    private static Path udp6;

    private PlotWindow window;

    @BeforeAll
    static void writeCaptures() throws IOException {
        probes = ProbeCapture.write(directory.resolve("probes.pcap"), PlottedProbes.PROBES);
        udp6 = ProbeCapture.write(directory.resolve("udp6.pcap"), UDP6_ONLY);
    }

    @Start
    void start(Stage unused) {
        window = PlotWindow.openReplay(List.of(probes), ReplaySource.MAX_SPEED, false,
                new ProbeStore(1000));
    }

    @AfterEach
    void close() {
        FxPlatform.call(() -> {
            window.stage().close();
            return null;
        });
    }

    private long drawn(TrafficClass trafficClass) {
        return FxPlatform.call(() -> window.view().drawnCount(trafficClass));
    }

    private void waitFor(TrafficClass trafficClass, long count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> drawn(trafficClass) == count);
    }

    @Test
    void opensAFileDroppedOnItInPlaceOfTheCaptureShown() throws TimeoutException {
        waitFor(TrafficClass.TCP4, 2);

        FxPlatform.call(() -> {
            window.dropFiles(List.of(udp6.toFile()));
            return null;
        });

        waitFor(TrafficClass.UDP6, UDP6_ONLY.size());
        assertThat(drawn(TrafficClass.TCP4)).isZero();
        assertThat(drawn(TrafficClass.UDP4)).isZero();
        assertThat(FxPlatform.call(() -> window.store().probeCount()))
                .isEqualTo(UDP6_ONLY.size());
        assertThat(FxPlatform.call(() -> window.stage().getTitle())).endsWith("udp6.pcap");
    }

    @Test
    void remembersOpenedFilesNewestFirst() throws TimeoutException {
        waitFor(TrafficClass.TCP4, 2);

        FxPlatform.call(() -> {
            window.openFiles(List.of(udp6));
            return null;
        });

        List<Path> recent = RecentFiles.forUser().list();
        assertThat(recent.get(0)).isEqualTo(udp6.toAbsolutePath().normalize());
    }

    /** The Day button shows the newest probe's day, the arrow button the day before it. */
    @Test
    void dayButtonsShowTheNewestProbesDayAndTheDayBefore() throws TimeoutException {
        waitFor(TrafficClass.UDP4, 2);
        ZoneId zone = ZoneId.systemDefault();
        LocalDate probeDay = Instant.ofEpochSecond(PlottedProbes.PROBES.get(5).time()
                / 1_000_000_000L).atZone(zone).toLocalDate();

        press("#day");
        TimeWindow shown = FxPlatform.call(() -> window.view().timeWindow());
        press("#previous-day");

        assertThat(shown).isEqualTo(new TimeWindow.Day(probeDay));
        long dayBefore = probeDay.minusDays(1).atStartOfDay(zone).toEpochSecond();
        assertThat(FxPlatform.call(() -> window.view().axes().startNanos()))
                .isEqualTo(dayBefore * 1_000_000_000L);
        assertThat(shownProbes()).isZero();
    }

    /**
     * After the end, Play starts over; at 1x the capture's 53 s then take 53 s, so the replay
     * is still running when checked, and a second press pauses it.
     */
    @Test
    void playStartsAFinishedReplayOverAtTheChosenSpeedAndPausesIt() throws TimeoutException {
        ReplaySource source = FxPlatform.call(() -> window.session().source());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, source::finished);

        FxPlatform.call(() -> {
            ((ChoiceBox<?>) window.stage().getScene().lookup("#speed"))
                    .getSelectionModel().select(0);
            return null;
        });
        press("#play");
        boolean finishedAfterPlay = source.finished();
        press("#play");

        assertThat(source.speed()).isEqualTo(1);
        assertThat(finishedAfterPlay).isFalse();
        assertThat(source.isPaused()).isTrue();
    }

    @Test
    void keysPickTheTimeWindows() throws TimeoutException {
        waitFor(TrafficClass.UDP4, 2);

        TimeWindow follow = afterKey(KeyCode.DIGIT2);
        TimeWindow day = afterKey(KeyCode.D);
        TimeWindow whole = afterKey(KeyCode.DIGIT0);

        assertThat(follow).isEqualTo(new TimeWindow.Follow(Duration.ofHours(1)));
        assertThat(day).isInstanceOf(TimeWindow.Day.class);
        assertThat(whole).isEqualTo(new TimeWindow.WholeCapture());
    }

    /** Keys pressed at startup act on the plot and leave the date field alone. */
    @Test
    void shortcutKeysGoToThePlotAndNeverIntoTheDateField(FxRobot robot) throws TimeoutException {
        waitFor(TrafficClass.UDP4, 2);
        DatePicker date = FxPlatform.call(
                () -> (DatePicker) window.stage().getScene().lookup("#date"));
        Node focusedAtStart = FxPlatform.call(() -> window.stage().getScene().getFocusOwner());

        robot.type(KeyCode.D);
        String dateShown = FxPlatform.call(() -> date.getEditor().getText());
        robot.type(KeyCode.DIGIT0, KeyCode.DIGIT2);

        assertThat(focusedAtStart).isSameAs(window.view());
        assertThat(dateShown).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(FxPlatform.call(() -> date.getEditor().getText())).isEqualTo(dateShown);
        assertThat(FxPlatform.call(() -> window.view().timeWindow()))
                .isEqualTo(new TimeWindow.Follow(Duration.ofHours(1)));
    }

    /** A date typed on purpose is taken on Enter, which hands the keys back to the plot. */
    @Test
    void aDateTypedIntoThePickerShowsThatDayAndEnterReturnsTheKeys(FxRobot robot)
            throws TimeoutException {
        waitFor(TrafficClass.UDP4, 2);
        DatePicker date = FxPlatform.call(
                () -> (DatePicker) window.stage().getScene().lookup("#date"));

        robot.clickOn(date.getEditor());
        robot.write("2020-02-29");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(FxPlatform.call(() -> window.view().timeWindow()))
                .isEqualTo(new TimeWindow.Day(LocalDate.of(2020, 2, 29)));
        assertThat(FxPlatform.call(() -> window.stage().getScene().getFocusOwner()))
                .isSameAs(window.view());
    }

    @Test
    void presentationModeHidesTheControlsAndEnlargesTheDots() throws TimeoutException {
        waitFor(TrafficClass.UDP4, 2);
        int dotBefore = FxPlatform.call(() -> window.view().dotSize());

        afterKey(KeyCode.F5);

        assertThat(FxPlatform.call(() -> window.view().dotSize())).isEqualTo(dotBefore + 1);
        assertThat(FxPlatform.call(() -> window.stage().getScene().lookup("#play"))).isNull();
        assertThat(FxPlatform.call(() -> window.stage().getScene().lookup("#day"))).isNull();
        assertThat(FxPlatform.call(() -> window.view().isPresentation())).isTrue();
    }

    private TimeWindow afterKey(KeyCode key) {
        return FxPlatform.call(() -> {
            window.handleKey(key, false);
            return window.view().timeWindow();
        });
    }

    private void press(String id) {
        FxPlatform.call(() -> {
            ((ButtonBase) window.stage().getScene().lookup(id)).fire();
            return null;
        });
    }

    private long shownProbes() {
        return drawn(TrafficClass.TCP4) + drawn(TrafficClass.UDP4) + drawn(TrafficClass.TCP6)
                + drawn(TrafficClass.UDP6);
    }

    /** Seeking back after the end replays the capture once more into a cleared plot. */
    @Test
    void seekingBackReplaysIntoAClearedStoreInsteadOfAddingToIt() throws TimeoutException {
        waitFor(TrafficClass.UDP4, 2);
        ReplaySource source = FxPlatform.call(() -> window.session().source());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, source::finished);

        source.seek(0);

        int records = PlottedProbes.PROBES.size();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> source.packetsRead() == 2L * records && source.finished());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> drawn(TrafficClass.UDP4) == 2);
        assertThat(FxPlatform.call(() -> window.store().probeCount())).isEqualTo(records);
        assertThat(drawn(TrafficClass.TCP4)).isEqualTo(2);
    }

    /** The PNG is compared with the screen's own pixels where the plot sits, not a snapshot. */
    @Test
    void exportsExactlyThePixelsOnScreen() throws TimeoutException, IOException {
        waitFor(TrafficClass.UDP4, 2);
        WaitForAsyncUtils.waitForFxEvents();
        Path png = directory.resolve("export.png");

        FxPlatform.call(() -> {
            try {
                window.exportPng(png);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        BufferedImage exported = ImageIO.read(png.toFile());
        Bounds onScreen = FxPlatform.call(() -> window.view()
                .localToScreen(window.view().getBoundsInLocal()));
        Image screen = new FxRobot().capture(onScreen).getImage();
        int width = (int) screen.getWidth();
        int height = (int) screen.getHeight();
        assertThat(new int[] {exported.getWidth(), exported.getHeight()})
                .containsExactly(width, height);
        int[] screenPixels = PlotImages.argb(screen);
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                differing += exported.getRGB(x, y) != screenPixels[y * width + x] ? 1 : 0;
            }
        }
        assertThat(differing).isZero();
        assertThat(Files.size(png)).isPositive();
    }
}
