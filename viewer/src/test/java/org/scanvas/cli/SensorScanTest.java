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
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scanvas sensor} on the dark side of a veth pair between two namespaces, with real
 * scanners (nmap -sS, -sU and -6, hping3, masscan) on the other side and tcpdump capturing the
 * same dark interface as the independent count, classified by tshark.
 *
 * <p>Needs root, network namespaces and the tools that {@code .ci/run} installs; without them
 * the tests are skipped with the reason. The namespaces are deleted after the class, whether
 * the tests pass or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCLUDED_SOURCE = "203.0.113.7";
    private static final int MASSCAN_PORTS = 3000;
    private static final int MASSCAN_RATE = 3000;
    private static final String[] TOOLS = {"ip", "nmap", "hping3", "masscan", "tcpdump", "tshark",
        "setpriv"};

    private DarkNet net;
    private String skipReason;

    @BeforeAll
    void createNamespaces() throws IOException, InterruptedException {
        skipReason = missingPrerequisite();
        if (skipReason != null) {
            return;
        }
        try {
            net = DarkNet.create();
        } catch (IllegalStateException e) {
            skipReason = e.getMessage();
        }
    }

    @AfterAll
    void deleteNamespaces() throws IOException, InterruptedException {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void countsEveryScannerProbeAsTcpdumpDoesAndNeverTransmits(@TempDir Path work)
            throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        Path recording = work.resolve("recording");
        Path darkCapture = work.resolve("dark.pcap");
        Path peerCapture = work.resolve("peer.pcap");
        long transmittedBefore = net.darkTransmitted();

        JsonNode live;
        String tcpdumpReport;
        try (Background darkDump = startTcpdump(net.darkNamespace, net.darkInterface, darkCapture);
                Background peerDump = startTcpdump(net.scannerNamespace, net.scannerInterface,
                        peerCapture);
                Background sensor = startSensor(recording, work)) {
            runScans(work);
            TimeUnit.MILLISECONDS.sleep(500);

            assertThat(sensor.terminate(30, TimeUnit.SECONDS)).as(sensor.err()).isZero();
            darkDump.terminate(10, TimeUnit.SECONDS);
            peerDump.terminate(10, TimeUnit.SECONDS);
            live = JSON.readTree(sensor.out());
            tcpdumpReport = darkDump.err();
        }
        long transmittedAfter = net.darkTransmitted();
        System.out.println("sensor summary against scanners: " + live);

        assertThat(tcpdumpReport).containsPattern("(?m)^0 packets dropped by kernel$");
        assertThat(live.get("ringDrops").asLong()).isZero();
        assertThat(live.get("kernelDrops").asLong()).isZero();
        assertProbesMatchTshark(live, darkCapture);
        assertThat(live.get("excluded").asLong())
                .isEqualTo(tshark(darkCapture, "ip.src == " + EXCLUDED_SOURCE));
        assertThat(transmittedAfter).isEqualTo(transmittedBefore);
        assertThat(tshark(peerCapture, "eth.src == " + net.darkMac())).isZero();
        assertThat(tshark(peerCapture, "eth.dst == " + net.darkMac())).isPositive();
        assertRecordingReadsBackAsCounted(live, recording);
    }

    @Test
    void saysWhatToDoWithoutTheCapturePrivilege() throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        List<String> command = new ArrayList<>(List.of("setpriv", "--inh-caps=-all",
                "--bounding-set=-net_raw,-net_admin"));
        command.addAll(DarkNet.inNamespace(net.darkNamespace,
                sensorCommand("-i", net.darkInterface, "--duration", "2s", "--no-serve")
                        .toArray(new String[0])));

        DarkNet.Run run = DarkNet.Run.of(60, command);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no permission to capture on " + net.darkInterface)
                .contains("CAP_NET_RAW").contains("native-notes")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void assertProbesMatchTshark(JsonNode live, Path darkCapture)
            throws IOException, InterruptedException {
        String notExcluded = " && !(ip.src == " + EXCLUDED_SOURCE + ")";
        String tcpProbe = " && tcp && tcp.flags.ack == 0 && tcp.flags.reset == 0";
        long tcp4 = tshark(darkCapture, "ip && !ipv6 && !icmp" + tcpProbe + notExcluded);
        long udp4 = tshark(darkCapture, "ip && !ipv6 && !icmp && udp" + notExcluded);
        long tcp6 = tshark(darkCapture, "ipv6 && !ip && !icmpv6" + tcpProbe);
        long udp6 = tshark(darkCapture, "ipv6 && !ip && !icmpv6 && udp");

        // How the input was made: nmap 1000 + hping3 200 SYN + 100 Xmas + masscan; nmap -sU
        // 200 + hping3 100 UDP; nmap -6 300 TCP and 100 UDP. Retransmissions only add.
        assertThat(tcp4).isGreaterThanOrEqualTo(1300 + MASSCAN_PORTS / 2);
        assertThat(udp4).isGreaterThanOrEqualTo(300);
        assertThat(tcp6).isGreaterThanOrEqualTo(300);
        assertThat(udp6).isGreaterThanOrEqualTo(100);

        JsonNode probes = live.get("probes");
        assertThat(probes.get("tcp4").asLong()).isEqualTo(tcp4);
        assertThat(probes.get("udp4").asLong()).isEqualTo(udp4);
        assertThat(probes.get("tcp6").asLong()).isEqualTo(tcp6);
        assertThat(probes.get("udp6").asLong()).isEqualTo(udp6);
    }

    private static void assertRecordingReadsBackAsCounted(JsonNode live, Path recording)
            throws IOException {
        assertThat(Files.list(recording).map(p -> p.getFileName().toString()).toList())
                .isNotEmpty().allMatch(name -> name.matches("scanvas-\\d{8}T\\d{6}Z\\.pcap"));
        CommandRun summary = CommandRun.of("summary", "--json", recording.toString());
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        JsonNode read = JSON.readTree(summary.out());

        for (String field : List.of("packets", "probes", "backscatter", "other", "malformed",
                "sources", "first", "last")) {
            assertThat(read.get(field)).as(field).isEqualTo(live.get(field));
        }
        assertThat(live.get("recorded").asLong()).isEqualTo(live.get("packets").asLong());
    }

    private void runScans(Path work) throws IOException, InterruptedException {
        String v4 = DarkNet.DARK_V4;
        String v6 = DarkNet.DARK_V6;
        scan("nmap", "-sS", "-Pn", "-n", "--send-ip", "-p", "1-1000", "--max-retries", "0",
                "--min-rate", "2000", v4);
        scan("nmap", "-sU", "-Pn", "-n", "--send-ip", "-p", "1-200", "--max-retries", "0",
                "--min-rate", "2000", v4);
        scan("nmap", "-6", "-sS", "-Pn", "-n", "--send-ip", "-p", "1-300", "--max-retries", "0",
                "--min-rate", "2000", v6);
        scan("nmap", "-6", "-sU", "-Pn", "-n", "--send-ip", "-p", "1-100", "--max-retries", "0",
                "--min-rate", "2000", v6);
        scan("hping3", "-S", "-p", "22", "-c", "200", "-i", "u2000", v4);
        scan("hping3", "-F", "-P", "-U", "-p", "80", "-c", "100", "-i", "u2000", v4);
        scan("hping3", "-2", "-p", "53", "-c", "100", "-i", "u2000", v4);
        scan("hping3", "-A", "-p", "443", "-c", "50", "-i", "u2000", v4);
        scan("hping3", "-S", "-a", EXCLUDED_SOURCE, "-p", "23", "-c", "50", "-i", "u2000", v4);
        masscan(work);
    }

    /** Runs a scanner; hping3 exits 1 when nothing answered, which on a dark net is right. */
    private void scan(String... command) throws IOException, InterruptedException {
        DarkNet.Run run = net.inScanner(120, command);
        int worstExpected = "hping3".equals(command[0]) ? 1 : 0;
        assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err())
                .isBetween(0, worstExpected);
    }

    /**
     * masscan 1.3.2 in a namespace does not exit after its --wait, so it is given the time its
     * rate needs plus a margin and then ended; what it sent by then is what tcpdump counts.
     */
    private void masscan(Path work) throws IOException, InterruptedException {
        List<String> command = DarkNet.inNamespace(net.scannerNamespace, "masscan",
                DarkNet.DARK_V4, "-p1-" + MASSCAN_PORTS, "--rate", "" + MASSCAN_RATE,
                "--adapter", net.scannerInterface, "--adapter-ip", DarkNet.SCANNER_V4,
                "--router-mac", net.darkMac(), "--wait", "0");
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long seconds = MASSCAN_PORTS / MASSCAN_RATE + 3;
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Background startSensor(Path recording, Path work)
            throws IOException, InterruptedException {
        List<String> command = DarkNet.inNamespace(net.darkNamespace, sensorCommand("-i",
                net.darkInterface, "--record", recording.toString(), "--json", "--exclude",
                "203.0.113.0/24", "--serve", work.resolve("sensor.sock").toString())
                .toArray(new String[0]));
        Background sensor = Background.start(command);
        boolean ready = sensor.awaitError("capturing on " + net.darkInterface, 60,
                TimeUnit.SECONDS);
        assertThat(ready).as("sensor did not start: " + sensor.err()).isTrue();
        return sensor;
    }

    private static Background startTcpdump(String namespace, String iface, Path file)
            throws IOException, InterruptedException {
        Background dump = Background.start(DarkNet.inNamespace(namespace, "tcpdump", "-i", iface,
                "-n", "-U", "-s", "256", "-w", file.toString()));
        assertThat(dump.awaitError("listening on", 30, TimeUnit.SECONDS))
                .as("tcpdump did not start: " + dump.err()).isTrue();
        return dump;
    }

    /** The scanvas command line in a JVM of its own, on this test's class path. */
    static List<String> sensorCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.scanvas.cli.Main",
                "sensor"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static long tshark(Path capture, String filter)
            throws IOException, InterruptedException {
        DarkNet.Run run = DarkNet.Run.of(120, List.of("tshark", "-n", "-r", capture.toString(),
                "-Y", filter, "-T", "fields", "-e", "frame.number"));
        run.requireSuccess();
        return run.out().lines().filter(line -> !line.isBlank()).count();
    }

    private static String missingPrerequisite() throws IOException, InterruptedException {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "network namespaces need Linux";
        }
        DarkNet.Run id = DarkNet.Run.of(10, List.of("id", "-u"));
        if (!"0".equals(id.out().trim())) {
            return "creating network namespaces needs root";
        }
        for (String tool : TOOLS) {
            DarkNet.Run which = DarkNet.Run.of(10, List.of("sh", "-c", "command -v " + tool));
            if (which.exitCode() != 0) {
                return tool + " is not installed (.ci/run installs it)";
            }
        }
        return null;
    }
}
