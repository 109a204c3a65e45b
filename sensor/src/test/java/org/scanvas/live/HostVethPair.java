package org.scanvas.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A veth pair in this JVM's own network namespace, so that a {@link LiveSource} in the test
 * can capture on one end what the test sends into the other. Both ends are silent: IPv6
 * disabled, ARP off, and no address except the one {@link #addAddress} gives. The names carry
 * a random suffix; {@link #close()} deletes the pair. Needs root: {@link #create} explains
 * why it could not make one.
 */
final class HostVethPair implements AutoCloseable {

    final String sender;
    final String receiver;
    private boolean created;

    private HostVethPair(String suffix) {
        sender = "snA" + suffix;
        receiver = "snB" + suffix;
    }

    /** Makes the pair, or throws with the reason it cannot be made. */
    static HostVethPair create() throws IOException, InterruptedException {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        HostVethPair pair = new HostVethPair(suffix);
        String failure = run("ip", "link", "add", pair.sender, "type", "veth", "peer", "name",
                pair.receiver);
        if (failure != null) {
            throw new IllegalStateException("cannot create a veth pair: " + failure);
        }
        pair.created = true;
        try {
            for (String end : List.of(pair.sender, pair.receiver)) {
                require(run("sysctl", "-qw", "net.ipv6.conf." + end + ".disable_ipv6=1"));
                require(run("ip", "link", "set", end, "arp", "off", "up"));
            }
            return pair;
        } catch (IllegalStateException e) {
            pair.close();
            throw e;
        }
    }

    /** Gives the receiving end an IPv4 address (a /32, so no route changes but its own). */
    void addAddress(String address) throws IOException, InterruptedException {
        require(run("ip", "addr", "add", address + "/32", "dev", receiver));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (created) {
            run("ip", "link", "del", sender);
            created = false;
        }
    }

    /** Runs a command; returns null on success, else its error output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out: " + String.join(" ", command);
        }
        return process.exitValue() == 0 ? null : output.trim();
    }

    private static void require(String failure) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
