package org.scanvas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.scanvas.capture.PcapRecorder;
import org.scanvas.channel.ChannelException;
import org.scanvas.channel.ChannelSocket;
import org.scanvas.channel.ProbeChannelServer;
import org.scanvas.channel.SensorCounters;
import org.scanvas.live.CidrRange;
import org.scanvas.live.LiveCaptureException;
import org.scanvas.live.LiveCaptureOptions;
import org.scanvas.live.LiveCounters;
import org.scanvas.live.LiveSource;
import org.scanvas.live.SensorPump;
import org.scanvas.ring.ProbeRing;
import org.scanvas.summary.CaptureSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas sensor}: captures from a live interface with no window, optionally records,
 * and prints a summary when stopped (SIGINT, SIGTERM or the end of {@code --duration}).
 *
 * <p>Threads: the capture thread ({@link LiveSource}) publishes into the ring; the sensor pump
 * ({@link SensorPump}) drains it into the summary counts, the recorder and the channel to
 * viewers ({@link ProbeChannelServer}, served by default); this thread waits.
 * The summary is the JSON object of {@code scanvas summary --json} for the packets handed on
 * (exactly what a recording holds), followed by the capture's own counters.
 */
@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = "Captures probes from a live interface, headless; prints a summary"
                + " when stopped.")
final class SensorCommand implements Callable<Integer> {

    private static final int RING_SLOTS = 1 << 16;
    private static final long JOIN_MILLIS = 10_000;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "IFACE",
            description = "Interface to capture on ('scanvas interfaces' lists them).")
    private String interfaceName;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Write every packet handed on to rotating pcap files in DIR.")
    private Path recordDirectory;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "64m",
            converter = ByteSizeConverter.class,
            description = "Start a new recording file at this size (default: ${DEFAULT-VALUE});"
                    + " files also rotate every UTC hour.")
    private long maxFileBytes;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop after this long (30s, 10m, 2h); default: until SIGINT/SIGTERM.")
    private Duration duration;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    private boolean json;

    @Option(names = "--snaplen", paramLabel = "N",
            defaultValue = "" + LiveCaptureOptions.DEFAULT_SNAP_LENGTH,
            description = "Bytes kept of each packet (default: ${DEFAULT-VALUE}, enough for"
                    + " every header Scanvas decodes).")
    private int snapLength;

    @Option(names = "--buffer", paramLabel = "BYTES", defaultValue = "32m",
            converter = ByteSizeConverter.class,
            description = "Kernel capture buffer (default: ${DEFAULT-VALUE}).")
    private long bufferBytes;

    @Option(names = "--filter", paramLabel = "BPF",
            description = "A BPF filter packets must also match, e.g. 'not port 53'.")
    private String filter;

    @Option(names = "--no-default-filter", negatable = false,
            description = "Let every packet through to the decoder (backscatter too), not only"
                    + " what can be a probe.")
    private boolean noDefaultFilter;

    @Option(names = "--no-promiscuous", negatable = false,
            description = "Do not put the interface in promiscuous mode.")
    private boolean noPromiscuous;

    @Option(names = "--exclude", paramLabel = "CIDR", arity = "1..*",
            converter = CidrConverter.class,
            description = "Source ranges not to plot or record (counted as excluded); the"
                    + " interface's own addresses always are.")
    private List<CidrRange> excluded = new ArrayList<>();

    @Option(names = "--serve", arity = "0..1", paramLabel = "SOCKET", fallbackValue = "",
            description = "Serve the probes to viewers ('scanvas live --sensor') at this Unix"
                    + " socket; by default at $XDG_RUNTIME_DIR/scanvas/sensor.sock, else"
                    + " /run/scanvas/sensor.sock (only this user may connect).")
    private Path serve;

    @Option(names = "--serve-group", paramLabel = "GROUP",
            description = "Let members of this group connect too (socket 0660, directory 0750).")
    private String serveGroup;

    @Option(names = "--no-serve", negatable = false,
            description = "Serve no viewers.")
    private boolean noServe;

    @Override
    public Integer call() throws InterruptedException {
        LiveCaptureOptions options = options();
        ProbeRing ring = new ProbeRing(RING_SLOTS, options.snapLength());
        LiveSource source = new LiveSource(options, ring);
        PrintWriter err = spec.commandLine().getErr();
        try {
            source.open();
        } catch (LiveCaptureException e) {
            err.println("scanvas: " + e.getMessage());
            return 1;
        }
        CaptureSummary summary = new CaptureSummary();
        PcapRecorder recorder = recorder(source);
        List<ProbeRing.PacketConsumer> consumers = new ArrayList<>(List.of(summary));
        if (recorder != null) {
            consumers.add(recorder);
        }
        ProbeChannelServer server = channel(source, err);
        if (server != null) {
            consumers.add(server);
        }
        SensorPump pump = new SensorPump(ring, consumers);

        try (StopSignals signals = new StopSignals()) {
            Thread capture = new Thread(source, "scanvas-capture");
            Thread pumping = new Thread(pump, "scanvas-sensor-pump");
            pumping.start();
            capture.start();
            err.println("scanvas: capturing on " + interfaceName + " (snap length "
                    + source.snapLength() + ", link type " + source.linkType() + ")"
                    + (recorder == null ? "" : ", recording into " + recordDirectory)
                    + (server == null ? "" : ", serving viewers at " + server.socket())
                    + "; stop with Ctrl-C");
            err.flush();
            waitForStop(signals, capture);

            source.stop();
            capture.join(JOIN_MILLIS);
            pump.stop();
            pump.awaitDone(JOIN_MILLIS, TimeUnit.MILLISECONDS);
        }
        print(summary, source.counters(), recorder);
        return exitCode(source, recorder, err);
    }

    private LiveCaptureOptions options() {
        if (snapLength < 64 || snapLength > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "--snaplen must be 64..65535 bytes: " + snapLength);
        }
        if (bufferBytes < 65536 || bufferBytes > Integer.MAX_VALUE) {
            throw new ParameterException(spec.commandLine(),
                    "--buffer must be 64k or more and below 2g: " + bufferBytes);
        }
        try {
            return LiveCaptureOptions.defaults(interfaceName)
                    .withSnapLength(snapLength)
                    .withBufferBytes((int) bufferBytes)
                    .withUserFilter(filter)
                    .withDefaultFilter(!noDefaultFilter)
                    .withExcluded(excluded)
                    .withPromiscuous(!noPromiscuous);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The channel to viewers, started, or null with --no-serve. A failure at a socket the
     * user named ends the command; at the default place it is only reported, since a sensor
     * that records is still useful when, say, /run/scanvas cannot be made.
     */
    private ProbeChannelServer channel(LiveSource source, PrintWriter err) {
        if (noServe) {
            return null;
        }
        boolean named = serve != null && !serve.toString().isEmpty();
        Path socket = named ? serve : ChannelSocket.defaultPath();
        ProbeChannelServer server = new ProbeChannelServer(socket, serveGroup, interfaceName,
                () -> sensorCounters(source.counters()), ProbeChannelServer.DEFAULT_QUEUE_FRAMES);
        try {
            server.start();
            return server;
        } catch (ChannelException e) {
            if (named || serveGroup != null) {
                throw e;
            }
            err.println("scanvas: serving no viewers: " + e.getMessage()
                    + " (name a socket with --serve SOCKET, or say --no-serve)");
            return null;
        }
    }

    private static SensorCounters sensorCounters(LiveCounters counters) {
        return new SensorCounters(counters.received(), counters.kernelDrops(),
                counters.interfaceDrops(), counters.ringDrops(), counters.excluded());
    }

    private PcapRecorder recorder(LiveSource source) {
        if (recordDirectory == null) {
            return null;
        }
        try {
            return new PcapRecorder(recordDirectory, source.linkType(), source.snapLength(),
                    maxFileBytes);
        } catch (IOException e) {
            throw new InputException("cannot record into " + recordDirectory + ": "
                    + IoReason.of(e));
        } catch (IllegalArgumentException e) {
            throw new InputException("cannot record into " + recordDirectory + ": "
                    + e.getMessage());
        }
    }

    private void waitForStop(StopSignals signals, Thread capture) throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE
                : System.nanoTime() + duration.toNanos();
        while (capture.isAlive() && System.nanoTime() - deadline < 0) {
            long left = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200));
            if (signals.await(Math.max(left, 1), TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }

    private int exitCode(LiveSource source, PcapRecorder recorder, PrintWriter err) {
        int code = 0;
        if (source.failure() != null) {
            err.println("scanvas: " + source.failure().getMessage());
            code = 1;
        }
        if (recorder != null && recorder.failure() != null) {
            err.println("scanvas: " + recorder.failure());
            code = 1;
        }
        err.flush();
        return code;
    }

    private void print(CaptureSummary summary, LiveCounters counters, PcapRecorder recorder) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(summary, counters, recorder));
        } else {
            table(out, summary, counters, recorder);
        }
        out.flush();
    }

    private static String json(CaptureSummary summary, LiveCounters counters,
            PcapRecorder recorder) {
        String base = summary.toJson();
        StringBuilder text = new StringBuilder(base.length() + 200)
                .append(base, 0, base.length() - 1)
                .append(",\"received\":").append(counters.received())
                .append(",\"excluded\":").append(counters.excluded())
                .append(",\"ringDrops\":").append(counters.ringDrops())
                .append(",\"kernelDrops\":").append(counters.kernelDrops())
                .append(",\"interfaceDrops\":").append(counters.interfaceDrops());
        // The same fields with and without --record, so that scripts read one shape.
        boolean recording = recorder != null;
        return text.append(",\"recorded\":").append(recording ? recorder.recorded() : 0)
                .append(",\"notRecorded\":").append(recording ? recorder.notRecorded() : 0)
                .append(",\"recordingError\":")
                .append(JsonText.quote(recording ? recorder.failure() : null))
                .append('}').toString();
    }

    private static void table(PrintWriter out, CaptureSummary summary, LiveCounters counters,
            PcapRecorder recorder) {
        SummaryTable table = new SummaryTable(out, 16);
        table.line("received", counters.received());
        table.counts(summary);
        table.line("excluded", counters.excluded());
        table.line("ring drops", counters.ringDrops());
        table.line("kernel drops", counters.kernelDrops());
        table.line("interface drops", counters.interfaceDrops() < 0 ? "unknown"
                : Long.toString(counters.interfaceDrops()));
        if (recorder != null) {
            out.printf("recorded        %d into %s%n", recorder.recorded(),
                    recorder.directory());
            if (recorder.failure() != null) {
                out.printf("recording       STOPPED: %s (%d not recorded)%n",
                        recorder.failure(), recorder.notRecorded());
            }
        }
    }
}
