package org.scanvas.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.CaptureFiles;
import org.scanvas.capture.RecordHandler;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.plot.PlotRenderer;
import org.scanvas.plot.PlotView;
import org.scanvas.store.ProbeStore;
import org.scanvas.text.PrintableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas render}: draws the plot of captures into a PNG with no display, the same
 * plot the window shows, for a cron job that publishes one a day.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draws the plot of captures to a PNG, with no display needed.")
final class RenderCommand implements Callable<Integer> {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * NANOS_PER_SECOND;
    /**
     * The largest side a render can have: JavaFX's snapshot of a 16384x16384 canvas fails
     * (its image is null) after minutes and gigabytes, while 8192x8192 works.
     */
    static final int MAX_SIDE = 8192;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.png",
            description = "PNG file to write.")
    private Path output;

    @Option(names = "--width", defaultValue = "1280",
            description = "Width in pixels, 200 to " + MAX_SIDE + " (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", defaultValue = "800",
            description = "Height in pixels, 150 to " + MAX_SIDE + " (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", converter = DayConverter.class,
            description = "Plot one local calendar day, 00:00 to 24:00.")
    private LocalDate day;

    @Option(names = "--from", paramLabel = "T",
            description = "Start of the plot: 2026-12-03T06:00 (local) or ...Z (UTC).")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "End of the plot, as --from.")
    private String to;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "pcap or pcapng files, or directories of them.")
    private List<Path> paths;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        checkOutput();
        ZoneId zone = ZoneId.systemDefault();
        long fromNanos = day != null ? startOf(day, zone) : parseTime("--from", from, zone);
        long toNanos = day != null ? startOf(day.plusDays(1), zone) : parseTime("--to", to, zone);

        ProbeStore store = new ProbeStore();
        int damaged = readInto(store, fromNanos, toNanos);
        // An end the data gives gets a small margin, so the first and last dots stay whole.
        long margin = store.size() == 0 || store.maxTimeNanos() <= store.minTimeNanos() ? 0
                : PlotView.dataMargin(store.minTimeNanos(), store.maxTimeNanos());
        long plotFrom = fromNanos != Long.MIN_VALUE ? fromNanos
                : PlotView.saturatedAdd(store.minTimeNanos(), -margin);
        long plotTo = toNanos != Long.MAX_VALUE ? toNanos
                : PlotView.saturatedAdd(store.maxTimeNanos(), margin);
        if (store.size() == 0 && (plotFrom == Long.MIN_VALUE || plotTo == Long.MAX_VALUE)) {
            throw new InputException("no probes to plot in " + paths
                    + "; give --day or --from and --to to draw an empty plot");
        }
        if (plotTo <= plotFrom) {
            if (toNanos != Long.MAX_VALUE && fromNanos != Long.MIN_VALUE) {
                throw new ParameterException(spec.commandLine(), "--to must be after --from");
            }
            // Every probe at one instant (one probe, or a capture that stamps all alike): the
            // plot spans a minute from that instant, or up to it when only --to was given.
            if (toNanos == Long.MAX_VALUE) {
                plotTo = plotFrom <= Long.MAX_VALUE - MINUTE ? plotFrom + MINUTE : Long.MAX_VALUE;
                plotFrom = Math.min(plotFrom, plotTo - MINUTE);
            } else {
                plotFrom = plotTo >= Long.MIN_VALUE + MINUTE ? plotTo - MINUTE : Long.MIN_VALUE;
            }
        }
        try {
            PlotRenderer.renderPng(store, plotFrom, plotTo, width, height, title(), output);
        } catch (IOException e) {
            throw new InputException("cannot write " + output + ": " + IoReason.of(e));
        }
        spec.commandLine().getOut().printf("%s: %d probes plotted%n", output, store.probeCount());
        return damaged == 0 ? 0 : 1;
    }

    private void checkOptions() {
        if (day != null && (from != null || to != null)) {
            throw new ParameterException(spec.commandLine(), "give --day or --from/--to, not both");
        }
        if (width < 200 || height < 150 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new ParameterException(spec.commandLine(), "--width and --height must be"
                    + " between 200x150 and " + MAX_SIDE + "x" + MAX_SIDE + ": " + width + "x"
                    + height);
        }
    }

    /** Names a PNG that cannot be written before minutes go into reading and drawing. */
    private void checkOutput() {
        Path parent = output.toAbsolutePath().getParent();
        String why = null;
        if (Files.isDirectory(output)) {
            why = "is a directory";
        } else if (parent == null || Files.notExists(parent)) {
            why = "no such directory: " + parent;
        } else if (!Files.isDirectory(parent)) {
            why = "not a directory: " + parent;
        } else if (!Files.isWritable(Files.exists(output) ? output : parent)) {
            why = "permission denied";
        }
        if (why != null) {
            throw new InputException("cannot write " + output + ": " + why);
        }
    }

    private int readInto(ProbeStore store, long fromNanos, long toNanos) {
        WindowFilter filter = new WindowFilter(store, fromNanos, toNanos);
        int damaged = 0;
        for (Path file : CaptureFiles.expand(paths)) {
            try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                reader.read(filter);
            } catch (CaptureFileException e) {
                damaged++;
                spec.commandLine().getErr().println("scanvas: " + e.getMessage());
            }
        }
        return damaged;
    }

    private String title() {
        String what = paths.size() == 1
                ? PrintableText.escape(paths.get(0).getFileName().toString())
                : paths.size() + " captures";
        if (day != null) {
            return "Scanvas — " + what + " — " + day;
        }
        return "Scanvas — " + what;
    }

    private long parseTime(String option, String text, ZoneId zone) {
        if (text == null) {
            return "--from".equals(option) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        try {
            return toNanos(Instant.parse(text));
        } catch (DateTimeParseException notUtc) {
            try {
                return toNanos(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                try {
                    return startOf(LocalDate.parse(text), zone);
                } catch (DateTimeParseException notDate) {
                    throw new ParameterException(spec.commandLine(), option + " '" + text
                            + "' is not a time: use 2026-12-03, 2026-12-03T06:00 or"
                            + " 2026-12-03T06:00:00Z");
                }
            }
        }
    }

    private static long startOf(LocalDate date, ZoneId zone) {
        return toNanos(date.atStartOfDay(zone).toInstant());
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    /** Decodes each record and keeps the packets inside the chosen time window. */
    private static final class WindowFilter implements RecordHandler {
        private final DecodedPacket packet = new DecodedPacket();
        private final ProbeStore store;
        private final long fromNanos;
        private final long toNanos;

        WindowFilter(ProbeStore store, long fromNanos, long toNanos) {
            this.store = store;
            this.fromNanos = fromNanos;
            this.toNanos = toNanos;
        }

        @Override
        public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
                int originalLength, long timestampNanos) {
            if (timestampNanos >= fromNanos && timestampNanos < toNanos) {
                PacketDecoder.decode(linkType, data, offset, capturedLength, originalLength,
                        timestampNanos, packet);
                store.append(packet);
            }
            return true;
        }
    }
}
