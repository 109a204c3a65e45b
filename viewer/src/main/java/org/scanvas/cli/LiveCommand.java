package org.scanvas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scanvas.channel.ChannelSocket;
import org.scanvas.live.CidrRange;
import org.scanvas.live.LiveCaptureOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas live}: the plot window on live probes. {@code --sensor} attaches to a sensor
 * running as another (privileged) process and needs no privilege here; {@code -i} captures in
 * this process when it may; with neither, a window lists the interfaces to pick from.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Plots probes live: from a running sensor (--sensor), from an interface"
                + " captured here (-i), or from an interface picked in a window.")
final class LiveCommand implements Callable<Integer> {

    private static final Duration DEFAULT_HISTORY = Duration.ofHours(24);

    @Spec
    private CommandSpec spec;

    @Option(names = "--sensor", arity = "0..1", paramLabel = "SOCKET", fallbackValue = "",
            description = "Attach to the sensor serving at this Unix socket (default "
                    + "$XDG_RUNTIME_DIR/scanvas/sensor.sock, else /run/scanvas/sensor.sock).")
    private Path sensor;

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE",
            description = "Capture on this interface here (needs CAP_NET_RAW and CAP_NET_ADMIN).")
    private String interfaceName;

    @Option(names = "--filter", paramLabel = "BPF",
            description = "With -i: a BPF expression packets must also match.")
    private String filter;

    @Option(names = "--exclude", paramLabel = "CIDR", split = ",",
            description = "With -i: source ranges not plotted (counted as excluded).")
    private List<String> excluded = List.of();

    @Option(names = "--history", paramLabel = "SPAN", converter = DurationConverter.class,
            description = "Load the recorded probes of this span before going live, as in"
                    + " 24h (default 24h when a recording directory is given).")
    private Duration history;

    @Option(names = {"--record", "--history-dir"}, paramLabel = "DIR",
            description = "The directory the sensor records to (its --record DIR), read for"
                    + " --history.")
    private Path historyDirectory;

    @Override
    public Integer call() {
        LiveWindow.HistoryRequest request = historyRequest();
        if (sensor != null && interfaceName != null) {
            throw new ParameterException(spec.commandLine(),
                    "give --sensor or -i, not both: attach to a sensor, or capture here");
        }
        if (sensor != null) {
            Path socket = sensor.toString().isEmpty() ? ChannelSocket.defaultPath() : sensor;
            return LiveWindow.attach(socket, request, spec.commandLine().getErr());
        }
        if (interfaceName != null) {
            return LiveWindow.capture(options(interfaceName), request,
                    spec.commandLine().getErr());
        }
        return LiveWindow.pickAndCapture(this::options, request, spec.commandLine().getErr());
    }

    private LiveCaptureOptions options(String name) {
        List<CidrRange> ranges;
        try {
            ranges = excluded.stream().map(CidrRange::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--exclude: " + e.getMessage());
        }
        LiveCaptureOptions defaults = LiveCaptureOptions.defaults(name);
        return new LiveCaptureOptions(name, defaults.snapLength(), defaults.bufferBytes(),
                defaults.promiscuous(), Optional.ofNullable(filter), defaults.defaultFilter(),
                ranges);
    }

    private LiveWindow.HistoryRequest historyRequest() {
        if (historyDirectory == null) {
            if (history != null) {
                throw new ParameterException(spec.commandLine(),
                        "--history needs --record DIR: the directory the sensor records to");
            }
            return null;
        }
        if (!Files.isDirectory(historyDirectory)) {
            throw new InputException("no recording directory: " + historyDirectory);
        }
        return new LiveWindow.HistoryRequest(historyDirectory,
                history == null ? DEFAULT_HISTORY : history);
    }
}
