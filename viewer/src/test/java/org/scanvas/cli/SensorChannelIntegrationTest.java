package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.channel.ProbeChannelClient;
import org.scanvas.decode.TrafficClass;
import org.scanvas.ring.ProbeRing;

/**
 * The privilege split on real parts: {@code scanvas sensor} runs as its own process on the
 * dark side of a veth in a namespace and serves the channel; this JVM attaches a viewer's
 * client to its socket, as {@code scanvas live --sensor} does; nmap scans the dark side from
 * the other namespace, and tcpdump on the dark interface is the independent count. The viewer
 * receives every probe tcpdump saw, class by class, and the sensor reports the same.
 */
class SensorChannelIntegrationTest {

    private static final TrafficClass[] PROBES = {
        TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6,
    };
    private static final String[] TSHARK_FILTERS = {
        "ip && tcp && tcp.flags.ack == 0 && tcp.flags.reset == 0 && !icmp",
        "ip && udp && !icmp",
        "ipv6 && tcp && tcp.flags.ack == 0 && tcp.flags.reset == 0 && !icmpv6",
        "ipv6 && udp && !icmpv6",
    };

    @Test
    void aViewerAttachedToTheSensorGetsEveryProbeTcpdumpSaw(@TempDir Path run)
            throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to make network namespaces");
        assumeTrue(answers("ip", "-V") && answers("nmap", "--version")
                && answers("tcpdump", "--version") && answers("tshark", "--version"),
                "needs ip, nmap, tcpdump and tshark");
        Path socket = run.resolve("channel").resolve("sensor.sock");
        Path capture = run.resolve("dark.pcap");
        ProbeRing ring = new ProbeRing(1 << 14);
        long[] received = new long[TrafficClass.count()];
        JsonNode summary;
        ProbeChannelClient client;

        try (DarkNet net = DarkNet.create()) {
            Process tcpdump = start(DarkNet.inNamespace(net.darkNamespace, "tcpdump", "-i",
                    net.darkInterface, "-n", "-U", "--immediate-mode", "-s", "256",
                    "-B", "32768", "-w", capture.toString()), "listening on");
            Process sensor = start(DarkNet.inNamespace(net.darkNamespace, java(), "-cp",
                    classPath(), Main.class.getName(), "sensor", "-i", net.darkInterface,
                    "--serve", socket.toString(), "--json"), "capturing on");
            client = ProbeChannelClient.connect(socket, ring);
            Thread reader = new Thread(client, "test-viewer-client");
            reader.start();

            scan(net);
            stop(tcpdump);
            stop(sensor);
            summary = new ObjectMapper().readTree(sensor.getInputStream());
            drain(client, ring, received);
        }

        long[] tshark = countWithTshark(capture);
        for (int i = 0; i < PROBES.length; i++) {
            String name = PROBES[i].name().toLowerCase(Locale.ROOT);
            assertThat(received[PROBES[i].ordinal()]).as(name).isEqualTo(tshark[i]);
            assertThat(summary.path("probes").path(name).asLong()).as(name).isEqualTo(tshark[i]);
        }
        assertThat(tshark[0]).isGreaterThanOrEqualTo(1000);
        assertThat(client.channelDrops()).isZero();
        assertThat(client.offered()).isEqualTo(client.framesReceived());
    }

    private static void scan(DarkNet net) throws IOException, InterruptedException {
        String[] nmap = {"nmap", "-n", "-Pn", "--send-ip", "--max-retries", "0"};
        List<List<String>> scans = List.of(
                List.of("-sS", "-p", "1-3000", "--min-rate", "3000", DarkNet.DARK_V4),
                List.of("-sU", "--top-ports", "100", "--min-rate", "500", DarkNet.DARK_V4),
                List.of("-6", "-sS", "-p", "1-1000", "--min-rate", "2000", DarkNet.DARK_V6),
                List.of("-6", "-sU", "--top-ports", "50", "--min-rate", "500",
                        DarkNet.DARK_V6));
        for (List<String> scan : scans) {
            List<String> command = new ArrayList<>(List.of(nmap));
            command.addAll(scan);
            net.inScanner(120, command.toArray(new String[0])).requireSuccess();
        }
    }

    /** Starts a process and waits until its error output says it is ready. */
    private static Process start(List<String> command, String readyLine)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(
                    process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.contains(readyLine)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                ready.countDown();
            }
        }, "test-stderr-" + readyLine);
        watcher.setDaemon(true);
        watcher.start();
        if (!ready.await(60, TimeUnit.SECONDS) || !process.isAlive()) {
            process.destroyForcibly();
            throw new IOException("not ready within 60 s: " + command);
        }
        return process;
    }

    /**
     * SIGTERM, as an operator or systemd stops a sensor, and waits for it to exit. Through
     * the process handle, which leaves the output streams open to be read to the end.
     */
    private static void stop(Process process) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void drain(ProbeChannelClient client, ProbeRing ring, long[] received)
            throws InterruptedException {
        ProbeRing.PacketConsumer counter = packet -> received[packet.trafficClass.ordinal()]++;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((!client.ended() || ring.backlog() > 0) && System.nanoTime() < deadline) {
            if (ring.poll(counter, 4096) == 0) {
                Thread.sleep(1);
            }
        }
        assertThat(client.ended()).as("the sensor closed the channel").isTrue();
    }

    private static long[] countWithTshark(Path capture)
            throws IOException, InterruptedException {
        long[] counts = new long[TSHARK_FILTERS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = DarkNet.Run.of(60, List.of("tshark", "-r", capture.toString(), "-Y",
                    TSHARK_FILTERS[i], "-T", "fields", "-e", "frame.number"))
                    .requireSuccess().out().lines().filter(line -> !line.isBlank()).count();
        }
        return counts;
    }

    private static boolean answers(String... command) {
        try {
            return DarkNet.Run.of(10, List.of(command)).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The class path of this test JVM, which holds Scanvas and everything it needs. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
    }
}
