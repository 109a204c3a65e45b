package org.scanvas.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of recording files: {@code scanvas-YYYYMMDDTHHMMSSZ.pcap}, the UTC second of the
 * file's first packet (or the next free second, when a file of the same second exists). Names
 * sort as the files' start times do, so a directory listed in name order is in time order and
 * a reader can pick the files of a time window from their names alone.
 */
public final class RecordingFileNames {

    /** Every recording file name starts with this. */
    public static final String PREFIX = "scanvas-";

    /** Every recording file name ends with this. */
    public static final String SUFFIX = ".pcap";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME =
            Pattern.compile("scanvas-(\\d{8}T\\d{6}Z)\\.pcap");

    private RecordingFileNames() {
    }

    /** The file name for a file whose first packet is at {@code start} (second resolution). */
    public static String nameFor(Instant start) {
        return PREFIX + STAMP.format(start) + SUFFIX;
    }

    /** The start time a recording file's name states, or empty for any other name. */
    public static Optional<Instant> startOf(Path file) {
        Path name = file.getFileName();
        Matcher matcher = NAME.matcher(name == null ? "" : name.toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(matcher.group(1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
