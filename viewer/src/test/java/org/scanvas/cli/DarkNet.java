package org.scanvas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair: a scanner side with documentation addresses
 * (192.0.2.1/24, 2001:db8::1/64) and a dark side with no address, ARP off and IPv6 disabled,
 * so that its kernel never answers. The scanner side has static neighbour entries for
 * 192.0.2.2 and 2001:db8::2 pointing at the dark side's MAC address, so scanners send to it
 * without resolving anything. Names carry a random suffix; {@link #close()} deletes both
 * namespaces (and with them the veth pair).
 */
final class DarkNet implements AutoCloseable {

    static final String SCANNER_V4 = "192.0.2.1";
    static final String DARK_V4 = "192.0.2.2";
    static final String SCANNER_V6 = "2001:db8::1";
    static final String DARK_V6 = "2001:db8::2";

    final String scannerNamespace;
    final String darkNamespace;
    final String scannerInterface;
    final String darkInterface;
    private String darkMac;
    private final List<String> created = new ArrayList<>();

    private DarkNet(String suffix) {
        scannerNamespace = "sn-s-" + suffix;
        darkNamespace = "sn-d-" + suffix;
        scannerInterface = "sns" + suffix;
        darkInterface = "snd" + suffix;
    }

    /**
     * Creates the pair, or explains why it cannot be made.
     *
     * @throws IllegalStateException with the reason (not root, no ip command, no namespaces)
     */
    static DarkNet create() throws IOException, InterruptedException {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        DarkNet net = new DarkNet(suffix);
        try {
            net.build();
            return net;
        } catch (IllegalStateException | IOException e) {
            net.close();
            throw e;
        }
    }

    /** The dark side's MAC address, lower case with colons. */
    String darkMac() {
        return darkMac;
    }

    /** Runs a command in the scanner namespace. */
    Run inScanner(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        return Run.of(timeoutSeconds, inNamespace(scannerNamespace, command));
    }

    /** Runs a command in the dark namespace. */
    Run inDark(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        return Run.of(timeoutSeconds, inNamespace(darkNamespace, command));
    }

    /** The command line that runs {@code command} in {@code namespace}. */
    static List<String> inNamespace(String namespace, String... command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(List.of(command));
        return line;
    }

    /** Packets the dark interface has transmitted, from its own statistics. */
    long darkTransmitted() throws IOException, InterruptedException {
        Run run = inDark(10, "cat", "/sys/class/net/" + darkInterface + "/statistics/tx_packets");
        return Long.parseLong(run.requireSuccess().out().trim());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (int i = created.size() - 1; i >= 0; i--) {
            Run.of(10, List.of("ip", "netns", "del", created.get(i)));
        }
        created.clear();
    }

    private void build() throws IOException, InterruptedException {
        addNamespace(scannerNamespace);
        addNamespace(darkNamespace);
        ip("link", "add", scannerInterface, "netns", scannerNamespace, "type", "veth",
                "peer", "name", darkInterface, "netns", darkNamespace);

        dark("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        dark("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        dark("sysctl", "-qw", "net.ipv6.conf." + darkInterface + ".disable_ipv6=1");
        dark("ip", "link", "set", darkInterface, "arp", "off");
        dark("ip", "link", "set", darkInterface, "up");
        darkMac = inDark(10, "cat", "/sys/class/net/" + darkInterface + "/address")
                .requireSuccess().out().trim();

        scanner("ip", "addr", "add", SCANNER_V4 + "/24", "dev", scannerInterface);
        scanner("ip", "addr", "add", SCANNER_V6 + "/64", "dev", scannerInterface, "nodad");
        scanner("ip", "link", "set", scannerInterface, "up");
        scanner("ip", "neigh", "add", DARK_V4, "lladdr", darkMac, "dev", scannerInterface,
                "nud", "permanent");
        scanner("ip", "-6", "neigh", "add", DARK_V6, "lladdr", darkMac, "dev",
                scannerInterface, "nud", "permanent");
    }

    private void addNamespace(String name) throws IOException, InterruptedException {
        Run run = Run.of(10, List.of("ip", "netns", "add", name));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("cannot create network namespace " + name + ": "
                    + run.err().trim());
        }
        created.add(name);
    }

    private void ip(String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ip"));
        line.addAll(List.of(arguments));
        Run.of(10, line).requireSuccess();
    }

    private void dark(String... command) throws IOException, InterruptedException {
        inDark(10, command).requireSuccess();
    }

    private void scanner(String... command) throws IOException, InterruptedException {
        inScanner(10, command).requireSuccess();
    }

    /** A finished command: exit code, standard output and error. */
    record Run(int exitCode, String out, String err, List<String> command) {

        static Run of(long timeoutSeconds, List<String> command)
                throws IOException, InterruptedException {
            Path out = Files.createTempFile("sn-run", ".out");
            Path err = Files.createTempFile("sn-run", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                int code = process.isAlive() ? -1 : process.exitValue();
                return new Run(code, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), command);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        Run requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed ("
                        + exitCode + "): " + err.trim());
            }
            return this;
        }
    }
}
