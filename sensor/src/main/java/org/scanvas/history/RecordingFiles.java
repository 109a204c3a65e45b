package org.scanvas.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.scanvas.capture.CaptureFiles;
import org.scanvas.capture.RecordingFileNames;

/**
 * The files of a recording directory that may hold packets of a time window. The sensor names
 * each file {@code scanvas-YYYYMMDDTHHMMSSZ.pcap} after its first packet's UTC second
 * ({@link RecordingFileNames}), so a file holds packets from its own start until the next
 * file's start; a file that started after the window ends, or whose successor started before
 * the window begins, is skipped unread. Other capture files in the directory are kept (their
 * records are still filtered by time).
 */
public final class RecordingFiles {

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

    /** The start time a recording's file name gives, ns since the epoch, or UNKNOWN. */
    private static long startNanos(Path file) {
        return RecordingFileNames.startOf(file)
                .map(start -> start.getEpochSecond() * 1_000_000_000L)
                .orElse(UNKNOWN);
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
