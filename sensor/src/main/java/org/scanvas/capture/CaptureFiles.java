package org.scanvas.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the paths a user names on the command line into the capture files to read: files as
 * given, directories expanded to the capture files inside them (not recursive), in name order,
 * which is time order for recordings whose names start with a timestamp.
 */
public final class CaptureFiles {

    private CaptureFiles() {
    }

    /**
     * Expands {@code paths} into a list of files, keeping the order the user gave.
     *
     * @throws CaptureFileException for a path that does not exist
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(captureFilesIn(path));
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new CaptureFileException(path, CaptureFileException.UNKNOWN,
                        CaptureFileException.UNKNOWN, "no such file");
            }
        }
        return files;
    }

    /** The extensions (any case) that make a file in a directory count as a capture. */
    public static final List<String> EXTENSIONS = List.of(".pcap", ".pcapng", ".cap", ".dmp");

    /** Whether a file name looks like a capture file, by its extension. */
    public static boolean looksLikeCapture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The name patterns a directory is searched for, for messages: "*.pcap, *.pcapng...". */
    public static String patterns() {
        return String.join(", ", EXTENSIONS.stream().map(extension -> "*" + extension).toList());
    }

    private static List<Path> captureFilesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(CaptureFiles::looksLikeCapture)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
