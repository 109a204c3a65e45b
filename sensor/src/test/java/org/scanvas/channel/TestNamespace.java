package org.scanvas.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of this test's own, with only its loopback up, so that a scan of
 * 127.0.0.1 there sees nobody else's traffic. Its name carries a random suffix, so parallel
 * runs never collide; {@link #close()} deletes it (use try-with-resources).
 */
final class TestNamespace implements AutoCloseable {

    final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    /** Whether this process may create namespaces (root, with ip(8) installed). */
    static boolean available() {
        try {
            return "root".equals(System.getProperty("user.name"))
                    && new ProcessBuilder("ip", "netns", "list").start()
                            .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates a namespace with its loopback up. */
    static TestNamespace create() throws IOException {
        String name = String.format("chlo%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        run("ip", "netns", "add", name);
        TestNamespace namespace = new TestNamespace(name);
        try {
            namespace.exec("ip", "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    /** Runs a command inside the namespace and waits for it; fails on a non-zero exit. */
    String exec(String... command) throws IOException {
        return run(inside(command));
    }

    /** A process builder for a command inside the namespace. */
    ProcessBuilder builder(String... command) {
        return new ProcessBuilder(inside(command));
    }

    private String[] inside(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return full.toArray(new String[0]);
    }

    /**
     * Runs a command and returns its standard output; fails on a non-zero exit. Its error
     * output goes to the test's, apart from what it returns (tshark warns there, for one).
     */
    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("failed (" + process.exitValue() + "): "
                    + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        run("ip", "netns", "delete", name);
    }
}
