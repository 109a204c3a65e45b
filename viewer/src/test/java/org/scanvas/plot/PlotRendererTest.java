package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.store.ProbeStore;

class PlotRendererTest {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 700;

    @TempDir
    static Path directory;

    private static BufferedImage png;

    @BeforeAll
    static void renderTheProbesToAPng() throws IOException {
        ProbeStore store = new ProbeStore(1000);
        DecodedPacket packet = new DecodedPacket();
        for (Probe probe : PlottedProbes.PROBES) {
            probe.fill(packet);
            store.append(packet);
        }
        Path out = directory.resolve("plot.png");

        PlotRenderer.renderPng(store, PlottedProbes.T0, PlottedProbes.T0 + PlottedProbes.SPAN,
                WIDTH, HEIGHT, "render test", out);

        png = ImageIO.read(out.toFile());
    }

    static Stream<Probe> probes() {
        return PlottedProbes.PROBES.stream();
    }

    @Test
    void writesAPngOfTheRequestedSize() {
        assertThat(new int[] {png.getWidth(), png.getHeight()}).containsExactly(WIDTH, HEIGHT);
    }

    @ParameterizedTest
    @MethodSource("probes")
    void drawsEachProbeInItsClassColourWhereTimeAndPortPutIt(Probe probe) {
        int argb = png.getRGB(probe.x(WIDTH), probe.y(HEIGHT));

        assertThat(Integer.toHexString(argb)).isEqualTo(Integer.toHexString(probe.argb()));
    }

    @Test
    void leavesTheBackgroundBlackWhereNoProbeFell() {
        Probe nothing = PlottedProbes.NOTHING;

        int argb = png.getRGB(nothing.x(WIDTH), nothing.y(HEIGHT));

        assertThat(Integer.toHexString(argb)).isEqualTo("ff000000");
    }
}
