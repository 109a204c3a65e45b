package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code scanvas render} on captures whose timestamps lie at the ends of what 64-bit
 * nanoseconds hold, or all at one instant (test resources {@code timestamps/}, written by
 * bench/scripts/make-fuzz-seeds.sh). Before the fix the first three hung the JavaFX thread
 * (render gave up after 60 s) and the last two failed with "empty time range".
 */
class ExtremeTimestampsRenderTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1970-and-2262, 2", "1677-and-2262, 2", "around-the-epoch, 2", "one-probe, 1",
        "same-instant, 2",
    })
    void plotsEveryProbeWhateverItsTimestamp(String name, int probes) throws Exception {
        Path capture = resource(name + ".pcapng");
        Path png = temp.resolve(name + ".png");

        CommandRun run = assertTimeoutPreemptively(LIMIT,
                () -> CommandRun.of("render", capture.toString(), "-o", png.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(probes + " probes plotted");
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void refusesAnEmptyRangeTheUserGave() throws Exception {
        Path capture = resource("one-probe.pcapng");

        CommandRun run = CommandRun.of("render", capture.toString(), "-o",
                temp.resolve("empty.png").toString(), "--from", "2024-05-01T10:00:00Z",
                "--to", "2024-05-01T10:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--to must be after --from");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ExtremeTimestampsRenderTest.class.getResource("timestamps/" + name)
                .toURI());
    }
}
