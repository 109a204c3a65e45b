package org.scanvas.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs of a few hundred kilobytes mounted on a test's own directory, to fill a disk for
 * real. Mounting needs root: {@link #mount} returns null without it. {@link #close()}
 * detaches it.
 */
final class SmallFilesystem implements AutoCloseable {

    private final Path path;

    private SmallFilesystem(Path path) {
        this.path = path;
    }

    /** Mounts a tmpfs of {@code size} (as mount(8) takes it, e.g. 256k) on {@code path}. */
    static SmallFilesystem mount(Path path, String size) throws IOException, InterruptedException {
        Files.createDirectories(path);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size,
                "tmpfs", path.toString()).redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        if (!mount.waitFor(30, TimeUnit.SECONDS) || mount.exitValue() != 0) {
            return null;
        }
        return new SmallFilesystem(path);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Lazy: the file reader's memory mapping may hold the file until it is collected.
        Process umount = new ProcessBuilder("umount", "--lazy", path.toString())
                .redirectErrorStream(true).start();
        umount.getInputStream().readAllBytes();
        umount.waitFor(30, TimeUnit.SECONDS);
    }
}
