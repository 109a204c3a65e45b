package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./scanvas} launcher's first-use build, run from a copy of the launcher with no jar
 * beside it, so that it builds, and a stand-in {@code mvn} that writes colour codes and fails
 * as Debian's Maven 3.8.7 writes them even in batch mode.
 */
class LauncherTest {

    private static final String ESCAPE = "\u001b";

    @Test
    void showsThePlainTextOfAFailedBuild(@TempDir Path temp) throws Exception {
        Path launcher = Files.copy(Path.of("..", "scanvas"), temp.resolve("scanvas"));
        Path bin = Files.createDirectory(temp.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\n"
                + "echo \"mvn $*\" >&2\n"
                + "printf '\\033[0m\\033[1;31m[ERROR]\\033[m broken pom\\033[0m\\n'\n"
                + "exit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        DarkNet.Run run = DarkNet.Run.of(60, List.of("env",
                "PATH=" + bin + ":" + System.getenv("PATH"), "bash", launcher.toString(),
                "summary", "x.pcap"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("[ERROR] broken pom").doesNotContain(ESCAPE)
                .contains("mvn -B -q -Dstyle.color=never");
    }
}
