package org.scanvas.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.scanvas.decode.TrafficClass;

/**
 * A real capture made for a test: tcpdump records the loopback of a namespace of our own while
 * nmap scans 127.0.0.1 and ::1 there (SYN and UDP scans, with the replies they provoke), and
 * tshark then says how many packets of each class the file holds.
 */
final class LoopbackScan {

    /** tshark display filters for Scanvas's classes, on a capture with no tunnels or fragments. */
    private static final String[][] CLASS_FILTERS = {
        {"TCP4", "ip && tcp && tcp.flags.ack == 0 && tcp.flags.reset == 0 && !icmp"},
        {"UDP4", "ip && udp && !icmp"},
        {"TCP6", "ipv6 && tcp && tcp.flags.ack == 0 && tcp.flags.reset == 0 && !icmpv6"},
        {"UDP6", "ipv6 && udp && !icmpv6"},
        {"BACKSCATTER", "tcp && (tcp.flags.ack == 1 || tcp.flags.reset == 1)"
                + " && !icmp && !icmpv6"},
    };

    private LoopbackScan() {
    }

    /** Whether root, ip, tcpdump, nmap and tshark are all here. */
    static boolean available() {
        return TestNamespace.available() && answers("tcpdump", "--version")
                && answers("nmap", "--version") && answers("tshark", "--version");
    }

    private static boolean answers(String... command) {
        try {
            TestNamespace.run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Scans the loopback of a fresh namespace while tcpdump writes {@code file}. */
    static Path record(Path file) throws IOException, InterruptedException {
        try (TestNamespace namespace = TestNamespace.create()) {
            Process tcpdump = namespace.builder("tcpdump", "-i", "lo", "-n", "-U",
                    "--immediate-mode", "-s", "256", "-B", "32768", "-w", file.toString())
                    .start();
            try {
                awaitListening(tcpdump);
                namespace.exec(nmap("-sS", "-p", "1-300", "127.0.0.1"));
                namespace.exec(nmap("-sU", "-p", "1-30", "127.0.0.1"));
                namespace.exec(nmap("-6", "-sS", "-p", "1-200", "::1"));
                namespace.exec(nmap("-6", "-sU", "-p", "1-20", "::1"));
            } finally {
                tcpdump.destroy();
                if (!tcpdump.waitFor(30, TimeUnit.SECONDS)) {
                    tcpdump.destroyForcibly();
                }
            }
        }
        return file;
    }

    /** An nmap command line: no DNS, no ping, one try per port, at most 3000 packets/s. */
    private static String[] nmap(String... scan) {
        List<String> command = new ArrayList<>(List.of("nmap", "-n", "-Pn",
                "--max-retries", "0", "--max-rate", "3000"));
        command.addAll(List.of(scan));
        return command.toArray(new String[0]);
    }

    private static void awaitListening(Process tcpdump) throws IOException, InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(
                    tcpdump.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.contains("listening on")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                listening.countDown();
            }
        }, "test-tcpdump-stderr");
        watcher.setDaemon(true);
        watcher.start();
        if (!listening.await(30, TimeUnit.SECONDS)) {
            throw new IOException("tcpdump did not start listening within 30 s");
        }
    }

    /** tshark's count of each class in {@code file}, indexed by TrafficClass ordinal. */
    static long[] countWithTshark(Path file) throws IOException {
        long[] counts = new long[TrafficClass.count()];
        for (String[] classFilter : CLASS_FILTERS) {
            String frames = TestNamespace.run("tshark", "-r", file.toString(), "-Y",
                    classFilter[1], "-T", "fields", "-e", "frame.number");
            counts[TrafficClass.valueOf(classFilter[0]).ordinal()] =
                    frames.lines().filter(line -> !line.isBlank()).count();
        }
        return counts;
    }
}
