package org.scanvas.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.ring.ProbeRing;

/**
 * A viewer that only attaches, run as another user by a test: prints "attached" or the
 * client's message for the user, exactly as the command line would show it.
 */
public final class AttachAttempt {

    private AttachAttempt() {
    }

    /** Attaches to the socket named by the first argument and prints the outcome. */
    public static void main(String[] args) {
        try (ProbeChannelClient client = ProbeChannelClient.connect(Path.of(args[0]),
                new ProbeRing(16))) {
            System.out.println("attached to " + client.sourceName());
        } catch (ChannelException e) {
            System.out.println(e.getMessage());
        }
    }

    /** The java binary this JVM runs. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * A class path another user can read: the class directories as they are (the work tree is
     * world-readable), the jars copied under {@code base} (the Maven repository may not be).
     */
    static Path classPathFor(Path base) throws IOException {
        Path jars = Files.createDirectories(base.resolve("jars"));
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(AttachAttempt.class, ProbeChannelClient.class,
                DecodedPacket.class, org.slf4j.Logger.class, com.lmax.disruptor.RingBuffer.class)) {
            Path location = locationOf(type);
            if (Files.isDirectory(location)) {
                entries.add(location.toString());
            } else {
                Path copy = jars.resolve(location.getFileName());
                Files.copy(location, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            }
        }
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Path.of(String.join(":", entries));
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("no location for " + type, e));
        }
    }
}
