package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code scanvas live} says when it cannot start, before any window opens. */
class LiveCommandTest {

    @Test
    void saysHowToStartASensorWhenNoneServesAtTheSocket(@TempDir Path run) {
        Path socket = run.resolve("sensor.sock");

        CommandRun live = CommandRun.of("live", "--sensor", socket.toString());

        assertThat(live.exitCode()).isEqualTo(1);
        assertThat(live.err()).startsWith("scanvas: no sensor at " + socket)
                .contains("scanvas sensor -i IFACE --serve " + socket);
    }

    @Test
    void asksForTheRecordingDirectoryWhenHistoryIsWanted() {
        CommandRun live = CommandRun.of("live", "--sensor", "--history", "24h");

        assertThat(live.exitCode()).isEqualTo(2);
        assertThat(live.err()).contains("--history needs --record DIR");
    }

    @Test
    void refusesBothASensorAndAnInterface() {
        CommandRun live = CommandRun.of("live", "--sensor", "-i", "lo");

        assertThat(live.exitCode()).isEqualTo(2);
        assertThat(live.err()).contains("give --sensor or -i, not both");
    }

    @Test
    void saysWhatToDoWhenItMayNotCaptureHere() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to run the command with the capture capabilities taken away");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv(1)");
        List<String> command = List.of("setpriv", "--inh-caps=-all",
                "--bounding-set=-net_raw,-net_admin", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "live", "-i", "lo");

        DarkNet.Run live = DarkNet.Run.of(60, command);

        assertThat(live.exitCode()).isEqualTo(1);
        assertThat(live.err()).contains("no permission to capture on lo")
                .contains("CAP_NET_RAW").contains("'scanvas live --sensor'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
