package org.scanvas.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scanvas.capture.CaptureFiles;

/**
 * The files of a recording directory that may hold packets of a time window. The sensor names
 * each file {@code scanvas-YYYYMMDDTHHMMSSZ.pcap} after the UTC time it was started, so a file
 * holds packets from its own start until the next file's start; a file that started after the
 * window ends, or whose successor started before the window begins, is skipped unread. Other
 * capture files in the directory are kept (their records are still filtered by time).
 */
public final class RecordingFiles {

    private static final Pattern NAME =
            Pattern.compile("scanvas-(\\d{8}T\\d{6}Z)[^/]*\\.pcap(ng)?");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final long UNKNOWN = Long.MIN_VALUE;

    private RecordingFiles() {
    }

    /**
     * The capture files in {@code directory} that may hold packets from
     * {@code [fromNanos, toNanos)}, in name order (time order for recordings).
     *
     * @throws UncheckedIOException when the directory cannot be listed
     */
    public static List<Path> covering(Path directory, long fromNanos, long toNanos) {
        List<Path> files = listCaptures(directory);
        List<Path> kept = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            long start = startNanos(files.get(i));
            if (start == UNKNOWN) {
                kept.add(files.get(i));
                continue;
            }
            long nextStart = i + 1 < files.size() ? startNanos(files.get(i + 1)) : UNKNOWN;
            boolean endsBeforeWindow = nextStart != UNKNOWN && nextStart <= fromNanos;
            boolean startsAfterWindow = start >= toNanos;
            if (!endsBeforeWindow && !startsAfterWindow) {
                kept.add(files.get(i));
            }
        }
        return kept;
    }

    /** The start time a recording's file name gives, ns since the epoch, or MIN_VALUE. */
    static long startNanos(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return UNKNOWN;
        }
        try {
            LocalDateTime start = LocalDateTime.parse(name.group(1), STAMP);
            return start.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
    }

    private static List<Path> listCaptures(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new IOException(
                    "no recording directory: " + directory));
        }
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
