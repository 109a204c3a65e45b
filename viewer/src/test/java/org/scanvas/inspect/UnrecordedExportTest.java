package org.scanvas.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.inspect.InspectCapture.Packet;
import org.scanvas.plot.FxPlatform;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** A live capture that is not recorded has no packets to export: the panel says so. */
@ExtendWith(ApplicationExtension.class)
class UnrecordedExportTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = 1_714_557_600L * SECOND;

    private static Path capture;

    @TempDir
    Path temp;

    private ReplayedPlot plot;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void writeCapture() throws IOException {
        capture = InspectCapture.write(
                Files.createTempDirectory("scanvas-live").resolve("live.pcap"),
                List.of(new Packet(T0 + 30 * SECOND, "192.0.2.9", true, 1234, 22, 64,
                        InspectCapture.SYN)));
    }

    @AfterAll
    static void deleteCapture() throws IOException {
        Files.deleteIfExists(capture);
        Files.deleteIfExists(capture.getParent());
    }

    @Start
    void start(Stage stage) {
        plot = ReplayedPlot.openUnrecorded(stage, capture, T0, T0 + 60 * SECOND,
                ZoneId.of("UTC"));
    }

    @Test
    void saysThatPcapExportIsNotAvailableWithoutARecording() throws TimeoutException {
        plot.awaitReplayed();
        Path out = temp.resolve("never.pcap");
        FxPlatform.call(() -> {
            plot.inspector.setSaveDialog((title, suggested, owner) -> out);
            return null;
        });
        int x = plot.x(T0 + 30 * SECOND);
        int y = ReplayedPlot.y(22);
        robot.moveTo(plot.view, Pos.TOP_LEFT, new Point2D(x - 20.5, y - 20.5), Motion.DIRECT);
        robot.press(KeyCode.SHIFT).press(MouseButton.PRIMARY);
        robot.moveTo(plot.view, Pos.TOP_LEFT, new Point2D(x + 20.5, y + 20.5), Motion.DIRECT);
        robot.release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> FxPlatform.call(() -> plot.inspector.selection() != null));

        robot.clickOn(plot.inspector.panel().pcapButton());

        assertThat(FxPlatform.call(() -> plot.inspector.selection().total())).isEqualTo(1);
        assertThat(FxPlatform.call(() -> plot.inspector.panel().message()))
                .startsWith("pcap export is not available");
        assertThat(out).doesNotExist();
    }
}
