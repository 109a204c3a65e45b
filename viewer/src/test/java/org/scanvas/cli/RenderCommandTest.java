package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.plot.ProbeCapture;

class RenderCommandTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    @TempDir
    Path temp;

    static Stream<Probe> probes() {
        return PlottedProbes.PROBES.stream();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void drawsEachProbeOfTheCaptureWhereItsTimeAndPortPutIt(Probe probe) throws IOException {
        Path capture = ProbeCapture.write(temp.resolve("probes.pcap"), PlottedProbes.PROBES);
        Path png = temp.resolve("plot.png");

        CommandRun run = CommandRun.of("render", capture.toString(), "-o", png.toString(),
                "--from", instant(PlottedProbes.T0),
                "--to", instant(PlottedProbes.T0 + PlottedProbes.SPAN));

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(Integer.toHexString(image.getRGB(probe.x(WIDTH), probe.y(HEIGHT))))
                .isEqualTo(Integer.toHexString(probe.argb()));
    }

    @Test
    void leavesTheOutsideOfTheChosenWindowUndrawn() throws IOException {
        Path capture = ProbeCapture.write(temp.resolve("probes.pcap"), PlottedProbes.PROBES);
        Path png = temp.resolve("plot.png");
        long afterAllProbes = PlottedProbes.T0 + 2 * PlottedProbes.SPAN;

        CommandRun run = CommandRun.of("render", capture.toString(), "-o", png.toString(),
                "--from", instant(afterAllProbes),
                "--to", instant(afterAllProbes + PlottedProbes.SPAN));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 probes plotted");
    }

    @Test
    void refusesADayTogetherWithARange() {
        CommandRun run = CommandRun.of("render", "x.pcap", "-o", temp.resolve("p.png").toString(),
                "--day", "2026-12-03", "--from", "2026-12-03T06:00");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--day");
    }

    @Test
    void requiresAnOutputFile() {
        CommandRun run = CommandRun.of("render", "x.pcap");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output");
    }

    @Test
    void explainsATimeItCannotRead() {
        CommandRun run = CommandRun.of("render", "x.pcap", "-o", temp.resolve("p.png").toString(),
                "--from", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'yesterday' is not a time");
    }

    @ParameterizedTest
    @CsvSource({"16384,800", "1280,8193", "199,800", "1280,149"})
    void refusesASizeOutsideWhatItCanDraw(String width, String height) {
        Path png = temp.resolve("p.png");

        CommandRun run = CommandRun.of("render", "x.pcap", "-o", png.toString(),
                "--width", width, "--height", height);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("between 200x150 and 8192x8192: " + width + "x" + height);
        assertThat(Files.exists(png)).isFalse();
    }

    @Test
    void saysWhyTheOutputCannotBeWrittenBeforeReadingAnything() throws IOException {
        Path capture = ProbeCapture.write(temp.resolve("probes.pcap"), PlottedProbes.PROBES);
        Path inMissingDirectory = temp.resolve("gone").resolve("x.png");
        Path underAFile = capture.resolve("x.png");

        CommandRun missing = CommandRun.of("render", capture.toString(), "-o",
                inMissingDirectory.toString());
        CommandRun directory = CommandRun.of("render", capture.toString(), "-o", temp.toString());
        CommandRun notDirectory = CommandRun.of("render", capture.toString(), "-o",
                underAFile.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("scanvas: cannot write " + inMissingDirectory
                + ": no such directory: " + inMissingDirectory.getParent() + "\n");
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.err()).isEqualTo("scanvas: cannot write " + temp
                + ": is a directory\n");
        assertThat(notDirectory.exitCode()).isEqualTo(1);
        assertThat(notDirectory.err()).contains("not a directory: " + capture)
                .doesNotContain("Exception");
    }

    @Test
    void namesAMissingCapture() {
        Path png = temp.resolve("p.png");

        CommandRun run = CommandRun.of("render", temp.resolve("gone.pcap").toString(),
                "-o", png.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("gone.pcap").contains("no such file");
        assertThat(Files.exists(png)).isFalse();
    }

    private static String instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
