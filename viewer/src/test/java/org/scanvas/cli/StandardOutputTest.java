package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output of a fresh scanvas process holds the command's result and nothing else, so
 * that scripts can parse it: no logging-framework chatter, no log lines. Runs a separate JVM,
 * since the logging configuration is read once per process.
 */
class StandardOutputTest {

    @TempDir
    Path temp;

    @Test
    void summaryJsonIsTheOnlyThingOnStandardOutput() throws Exception {
        Path capture = TestCaptures.bundled().resolve("nmap-syn.pcap");
        JsonNode expected = TestCaptures.read(TestCaptures.bundled().resolve("expected.json"))
                .get("nmap-syn.pcap");

        String out = runScanvas("summary", "--json", capture.toString());

        JsonNode summary = TestCaptures.parse(out.strip());
        assertThat(out.strip().lines()).hasSize(1);
        assertThat(summary.get("probes")).isEqualTo(expected.get("probes"));
    }

    private String runScanvas(String... arguments) throws IOException, InterruptedException {
        Path out = temp.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.scanvas.cli.Main"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("scanvas finished").isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
