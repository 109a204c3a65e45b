package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.ProbeCapture;
import org.slf4j.LoggerFactory;

/**
 * What the command line prints when the text in it came from someone else: file names and
 * arguments reach the terminal with their control characters escaped. And reading captures
 * opens no network port.
 */
class UntrustedTextTest {

    /** Sets the terminal's title, rings the bell and clears the screen. */
    private static final String HOSTILE = "scan\u001b]0;owned\u0007\u001b[2J\u009b31m";
    private static final String SHOWN = "scan\\x1b]0;owned\\x07\\x1b[2J\\x9b31m";

    @TempDir
    Path temp;

    @Test
    void escapesTheNameOfACaptureThatIsNotOne() throws IOException {
        Path file = Files.write(temp.resolve(HOSTILE + ".pcap"),
                "not packets".getBytes(StandardCharsets.US_ASCII));

        CommandRun run = CommandRun.of("summary", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertNoControlCharacters(run.err());
        assertThat(run.err()).contains(SHOWN + ".pcap: at offset 0: not a capture file");
    }

    @Test
    void escapesTheNameOfAMissingFile() {
        Path file = temp.resolve(HOSTILE + ".pcap");

        CommandRun run = CommandRun.of("summary", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertNoControlCharacters(run.err());
        assertThat(run.err()).contains(SHOWN + ".pcap: no such file");
    }

    @Test
    void escapesAnUnknownOption() {
        CommandRun run = CommandRun.of("summary", "--" + HOSTILE, "x.pcap");

        assertThat(run.exitCode()).isEqualTo(2);
        assertNoControlCharacters(run.err());
        assertThat(run.err()).contains("--" + SHOWN);
    }

    @Test
    void escapesTheNameOfADamagedCaptureInRender() throws IOException {
        Path capture = ProbeCapture.write(temp.resolve("probes.pcap"), PlottedProbes.PROBES);
        byte[] bytes = Files.readAllBytes(capture);
        Path cut = Files.write(temp.resolve(HOSTILE + ".pcap"),
                Arrays.copyOf(bytes, bytes.length - 3));

        CommandRun run = CommandRun.of("render", cut.toString(), "-o",
                temp.resolve("plot.png").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertNoControlCharacters(run.err());
        assertThat(run.err()).contains(SHOWN + ".pcap: record 6");
    }

    /**
     * The command in a JVM of its own, as users run it, with its real logging set-up: standard
     * output holds the summary alone (a logging set-up that warns prints its status there),
     * standard error the escaped name.
     */
    @Test
    void printsTheSummaryAloneAndTheNameEscapedFromItsOwnProcess() throws Exception {
        Path file = Files.write(temp.resolve(HOSTILE + ".pcap"),
                "not packets".getBytes(StandardCharsets.US_ASCII));
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dscanvas.log.level=INFO",
                Main.class.getName(), "summary", "--json", file.toString()).start();

        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(out.lines()).singleElement().asString().startsWith("{\"packets\":0,");
        assertNoControlCharacters(err);
        assertThat(err).contains("scanvas: " + temp.resolve(SHOWN + ".pcap")
                + ": at offset 0: not a capture file");
    }

    @Test
    void escapesControlCharactersInLogLines() {
        PrintStream terminal = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger(UntrustedTextTest.class).warn("cannot open {}", HOSTILE);
        } finally {
            System.setErr(terminal);
        }

        String line = printed.toString(StandardCharsets.UTF_8);
        assertNoControlCharacters(line);
        assertThat(line).contains("cannot open " + SHOWN);
    }

    /**
     * Sockets in the listening state (TCP) or bound (UDP) that belong to this process, by
     * inode, from /proc. Compared before and after, so that a socket the test runner itself
     * holds does not count.
     */
    @Test
    void summaryAndRenderOpenNoListeningSocket() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net (not Linux)");
        Path capture = ProbeCapture.write(temp.resolve("probes.pcap"), PlottedProbes.PROBES);
        Set<String> before = listeningSocketsOfThisProcess();

        CommandRun summary = CommandRun.of("summary", capture.toString());
        CommandRun render = CommandRun.of("render", capture.toString(), "-o",
                temp.resolve("plot.png").toString());

        assertThat(summary.exitCode()).as(summary.err()).isZero();
        assertThat(render.exitCode()).as(render.err()).isZero();
        Set<String> opened = listeningSocketsOfThisProcess();
        opened.removeAll(before);
        assertThat(opened).as("listening sockets opened by summary and render").isEmpty();
    }

    /** The check above can fail: a loopback listener of this process's own is seen. */
    @Test
    void seesAListeningSocketThisProcessOpens() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net (not Linux)");
        Set<String> before = listeningSocketsOfThisProcess();

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Set<String> opened = listeningSocketsOfThisProcess();
            opened.removeAll(before);

            assertThat(opened).hasSize(1).first().asString()
                    .contains(String.format(":%04X", server.getLocalPort()));
        }
    }

    private static Set<String> listeningSocketsOfThisProcess() throws IOException {
        Set<String> ours = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            descriptors.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        ours.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // The descriptor closed while we listed it: not a socket we hold.
                }
            });
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc/net", table);
            if (!Files.isReadable(file)) {
                continue;
            }
            // Columns: sl local remote st ... inode (10th); TCP LISTEN is 0A, UDP bound is 07.
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                boolean open = table.startsWith("tcp") ? "0A".equals(columns[3])
                        : "07".equals(columns[3]);
                if (open && ours.contains(columns[9])) {
                    listening.add(table + " " + columns[1] + " inode " + columns[9]);
                }
            }
        }
        return listening;
    }

    private static void assertNoControlCharacters(String printed) {
        assertThat(printed.replace("\n", "").chars())
                .as("control characters printed in: %s", printed.replace('\u001b', '?'))
                .noneMatch(c -> Character.isISOControl(c));
    }
}
