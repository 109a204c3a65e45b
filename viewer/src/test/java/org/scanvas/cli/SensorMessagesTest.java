package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code scanvas sensor} says when the user got something wrong, in a process of its own
 * capturing on loopback (which it only listens to), since the messages come from libpcap and
 * from the logger as well as from the command.
 */
class SensorMessagesTest {

    private static String skipReason;

    @BeforeAll
    static void needsTheCapturePrivilege() throws IOException, InterruptedException {
        DarkNet.Run id = DarkNet.Run.of(10, List.of("id", "-u"));
        skipReason = "0".equals(id.out().trim()) ? null : "capturing on lo needs root";
    }

    @Test
    void blamesTheUsersFilterNotTheDefaultOne() throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);

        DarkNet.Run run = sensor("-i", "lo", "--filter", "tcp port", "--duration", "2s",
                "--no-serve");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("--filter 'tcp port' does not compile on lo: ")
                .contains("syntax error")
                .doesNotContain("default filter").doesNotContain("\tat ");
    }

    private static DarkNet.Run sensor(String... arguments)
            throws IOException, InterruptedException {
        return DarkNet.Run.of(60, SensorScanTest.sensorCommand(arguments));
    }
}
