package org.scanvas.window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The captures opened last, newest first, kept in a small text file (one path a line) in the
 * user's config directory: {@code $XDG_CONFIG_HOME/scanvas/recent-files}, else
 * {@code ~/.config/scanvas/recent-files}; the system property {@code scanvas.config} names
 * another directory (tests use it). A file that cannot be read or written only costs the
 * list, never the window.
 */
public final class RecentFiles {

    /** Entries kept. */
    public static final int LIMIT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);

    private final Path file;

    /** The list in {@code directory}. */
    public RecentFiles(Path directory) {
        this.file = directory.resolve("recent-files");
    }

    /** The list in the user's config directory (see the class comment). */
    public static RecentFiles forUser() {
        return new RecentFiles(configDirectory());
    }

    /** Scanvas's config directory for this user. */
    public static Path configDirectory() {
        String override = System.getProperty("scanvas.config");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("scanvas");
    }

    /** The captures, newest first; empty when none were kept. */
    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Path> paths = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && paths.size() < LIMIT) {
                    paths.add(Path.of(line));
                }
            }
            return paths;
        } catch (IOException | InvalidPathException e) {
            LOG.warn("cannot read the recent files list {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Puts captures at the top of the list, dropping older duplicates and the overflow. */
    public void add(List<Path> opened) {
        List<Path> paths = new ArrayList<>();
        for (Path path : opened) {
            paths.add(path.toAbsolutePath().normalize());
        }
        for (Path old : list()) {
            if (!paths.contains(old) && paths.size() < LIMIT) {
                paths.add(old);
            }
        }
        List<String> lines = new ArrayList<>();
        paths.subList(0, Math.min(LIMIT, paths.size())).forEach(p -> lines.add(p.toString()));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot write the recent files list {}: {}", file, e.getMessage());
        }
    }
}
