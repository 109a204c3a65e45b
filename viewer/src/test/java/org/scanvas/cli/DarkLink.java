package org.scanvas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces of this test's own joined by a veth pair: a scanner side with
 * 192.0.2.1 and 2001:db8::1, and a dark side with no address, no ARP and no IPv6 (so it sends
 * nothing), reached as 192.0.2.20 and 2001:db8::20 through static neighbour entries. Names
 * carry a random suffix; {@link #close()} deletes both namespaces, and the veth with them.
 */
final class DarkLink implements AutoCloseable {

    static final String TARGET4 = "192.0.2.20";
    static final String TARGET6 = "2001:db8::20";

    final String scanner;
    final String dark;
    final String scannerInterface;
    final String darkInterface;

    private DarkLink(String suffix) {
        scanner = "chs" + suffix;
        dark = "chd" + suffix;
        scannerInterface = "chvs" + suffix;
        darkInterface = "chvd" + suffix;
    }

    /** Whether this process may build one: root, with ip(8). */
    static boolean available() {
        try {
            return "root".equals(System.getProperty("user.name"))
                    && run("ip", "netns", "list") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Builds the namespaces and the link; removes what it made when a step fails. */
    static DarkLink create() throws IOException {
        DarkLink link = new DarkLink(
                String.format("%05x", ThreadLocalRandom.current().nextInt(1 << 20)));
        run("ip", "netns", "add", link.scanner);
        try {
            run("ip", "netns", "add", link.dark);
            link.wire();
        } catch (IOException | RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    private void wire() throws IOException {
        run("ip", "link", "add", scannerInterface, "type", "veth", "peer", "name",
                darkInterface);
        run("ip", "link", "set", scannerInterface, "netns", scanner);
        run("ip", "link", "set", darkInterface, "netns", dark);
        run("ip", "-n", scanner, "link", "set", "lo", "up");
        run("ip", "-n", scanner, "addr", "add", "192.0.2.1/24", "dev", scannerInterface);
        run("ip", "-n", scanner, "addr", "add", "2001:db8::1/64", "dev", scannerInterface,
                "nodad");
        run("ip", "-n", scanner, "link", "set", scannerInterface, "up");
        run("ip", "netns", "exec", dark, "sysctl", "-qw",
                "net.ipv6.conf." + darkInterface + ".disable_ipv6=1");
        run("ip", "-n", dark, "link", "set", darkInterface, "arp", "off");
        run("ip", "-n", dark, "link", "set", darkInterface, "up");
        String mac = run("ip", "netns", "exec", dark, "cat",
                "/sys/class/net/" + darkInterface + "/address").trim();
        for (String target : List.of(TARGET4, TARGET6)) {
            run("ip", "-n", scanner, "neigh", "add", target, "lladdr", mac, "dev",
                    scannerInterface, "nud", "permanent");
        }
    }

    /** A process builder for a command run inside a namespace. */
    static ProcessBuilder inside(String namespace, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return new ProcessBuilder(full);
    }

    /** Runs a command, returns its standard output; fails on a non-zero exit. */
    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("failed (" + process.exitValue() + "): "
                    + String.join(" ", command));
        }
        return output;
    }

    /** Deletes both namespaces (the veth goes with them); fails if one is still there. */
    @Override
    public void close() throws IOException {
        for (String namespace : List.of(scanner, dark)) {
            try {
                run("ip", "netns", "delete", namespace);
            } catch (IOException e) {
                // not made, or already gone: checked below
            }
        }
        List<String> left = run("ip", "netns", "list").lines()
                .map(line -> line.split(" ")[0])
                .filter(name -> name.equals(scanner) || name.equals(dark)).toList();
        if (!left.isEmpty()) {
            throw new IOException("could not delete the test namespaces " + left);
        }
    }
}
