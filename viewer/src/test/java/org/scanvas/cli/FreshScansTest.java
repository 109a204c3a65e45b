package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records real scans again on every run (test-pcaps/make-scans.sh: nmap, masscan and hping3
 * against a dark namespace, tcpdump recording), counts them with tshark (test-pcaps/expected.sh)
 * and checks that {@code scanvas summary} counts the same: captures Scanvas has never seen.
 * Needs root and the tools; skipped with the reason otherwise.
 */
class FreshScansTest {

    private static final long SCRIPT_MINUTES = 5;

    @TempDir
    static Path scans;

    private static JsonNode expected;

    @BeforeAll
    static void recordAndCountWithTshark() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "make-scans.sh needs root for namespaces and raw sockets");
        for (String tool : List.of("nmap", "masscan", "hping3", "tcpdump", "tshark", "python3")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        List<String> namespacesBefore = namespaces();
        Path scripts = TestCaptures.bundled();

        run(scripts.resolve("make-scans.sh").toString(), "--small", scans.toString());
        run(scripts.resolve("expected.sh").toString(), scans.toString());

        List<String> leftOver = new ArrayList<>(namespaces());
        leftOver.removeAll(namespacesBefore);
        assertThat(leftOver).as("namespaces make-scans.sh left behind")
                .noneMatch(name -> name.startsWith("pc"));
        expected = TestCaptures.read(scans.resolve("expected.json"));
    }

    @Test
    void countsEveryFreshCaptureAsTsharkDoes() {
        assertThat(expected.size()).as("captures recorded").isEqualTo(6);

        expected.fields().forEachRemaining(entry -> {
            CommandRun run = CommandRun.of("summary", "--json",
                    scans.resolve(entry.getKey()).toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            TestCaptures.assertSummaryEquals(TestCaptures.parse(run.out()), entry.getValue());
        });
    }

    @Test
    void countsTheProbesTheScannersWereToldToSend() {
        JsonNode syn = summary("nmap-syn.pcap");
        JsonNode nullFinXmas = summary("nmap-null-fin-xmas.pcap");
        JsonNode masscan = summary("masscan.pcap");
        JsonNode hping = summary("hping3.pcap");

        // nmap --top-ports 300 and --max-retries 0: one SYN per port.
        assertThat(syn.get("probes").get("tcp4").asLong()).isEqualTo(300);
        // Three scans of --top-ports 60.
        assertThat(nullFinXmas.get("probes").get("tcp4").asLong()).isEqualTo(180);
        // masscan -p1-400 and -pU:1-100.
        assertThat(masscan.get("probes").get("tcp4").asLong()).isEqualTo(400);
        assertThat(masscan.get("probes").get("udp4").asLong()).isEqualTo(100);
        // hping3: 200 + 20 SYNs, 100 UDP, 20 SYN-ACKs and 20 RSTs, two sources.
        assertThat(hping.get("probes").get("tcp4").asLong()).isEqualTo(220);
        assertThat(hping.get("probes").get("udp4").asLong()).isEqualTo(100);
        assertThat(hping.get("backscatter").asLong()).isEqualTo(40);
        assertThat(hping.get("sources").asLong()).isEqualTo(2);
    }

    private static JsonNode summary(String file) {
        return TestCaptures.parse(CommandRun.of("summary", "--json",
                scans.resolve(file).toString()).out());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(scans, "script", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(SCRIPT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroy();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as(command[0] + " finished within " + SCRIPT_MINUTES + " min: "
                + output).isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static List<String> namespaces() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ip", "netns", "list").start();
        String listing = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        List<String> names = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (!line.isBlank()) {
                names.add(line.split(" ")[0]);
            }
        }
        return names;
    }
}
