package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code scanvas sensor} says when the user got something wrong, in a process of its own
 * capturing on loopback (which it only listens to), since the messages come from libpcap and
 * from the logger as well as from the command.
 */
class SensorMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void saysWhyItCannotRecord(@TempDir Path temp) throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        Path file = Files.writeString(temp.resolve("plain-file"), "not a directory\n");

        DarkNet.Run underProc = sensor("-i", "lo", "--record", "/proc/scanvas-nowhere",
                "--duration", "1s", "--no-serve");
        DarkNet.Run onAFile = sensor("-i", "lo", "--record", file.toString(),
                "--duration", "1s", "--no-serve");

        assertThat(underProc.exitCode()).as(underProc.err()).isEqualTo(1);
        assertThat(underProc.err()).containsPattern(
                "scanvas: cannot record into /proc/scanvas-nowhere: [a-z -]+\n")
                .doesNotContain("nowhere: /proc");
        assertThat(onAFile.exitCode()).as(onAFile.err()).isEqualTo(1);
        assertThat(onAFile.err()).contains("scanvas: cannot record into " + file
                + ": exists and is not a directory\n");
    }

    @Test
    void printsOneJsonShapeWithOrWithoutARecording(@TempDir Path temp) throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);

        DarkNet.Run bare = sensor("-i", "lo", "--duration", "1s", "--no-serve", "--json");
        DarkNet.Run recording = sensor("-i", "lo", "--duration", "1s", "--no-serve", "--json",
                "--record", temp.resolve("rec").toString());

        assertThat(bare.exitCode()).as(bare.err()).isZero();
        assertThat(recording.exitCode()).as(recording.err()).isZero();
        JsonNode withoutRecord = JSON.readTree(bare.out());
        List<String> fields = new ArrayList<>();
        withoutRecord.fieldNames().forEachRemaining(fields::add);
        List<String> recordingFields = new ArrayList<>();
        JSON.readTree(recording.out()).fieldNames().forEachRemaining(recordingFields::add);
        assertThat(fields).isEqualTo(recordingFields)
                .contains("recorded", "notRecorded", "recordingError");
        assertThat(withoutRecord.get("recorded").asLong()).isZero();
        assertThat(withoutRecord.get("notRecorded").asLong()).isZero();
        assertThat(withoutRecord.get("recordingError").isNull()).isTrue();
    }

    private static DarkNet.Run sensor(String... arguments)
            throws IOException, InterruptedException {
        return DarkNet.Run.of(60, SensorScanTest.sensorCommand(arguments));
    }
}
