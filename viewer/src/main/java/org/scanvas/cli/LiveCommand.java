package org.scanvas.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.scanvas.channel.ChannelSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas live}: the plot window on live probes, from a sensor running as another
 * (privileged) process, which needs no privilege here.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Plots probes live, as a running sensor captures them.")
final class LiveCommand implements Callable<Integer> {

    private static final Duration DEFAULT_HISTORY = Duration.ofHours(24);

    @Spec
    private CommandSpec spec;

    @Option(names = "--sensor", arity = "0..1", paramLabel = "SOCKET", fallbackValue = "",
            description = "Attach to the sensor serving at this Unix socket (default "
                    + "$XDG_RUNTIME_DIR/scanvas/sensor.sock, else /run/scanvas/sensor.sock).")
    private Path sensor;

    @Option(names = "--history", paramLabel = "SPAN", converter = DurationConverter.class,
            description = "Load the recorded probes of this span before going live, as in"
                    + " 24h (default 24h when --history-dir is given).")
    private Duration history;

    @Option(names = {"--history-dir", "--record"}, paramLabel = "DIR",
            description = "Where the sensor records (its --record DIR), read for --history.")
    private Path historyDirectory;

    @Override
    public Integer call() {
        LiveWindow.HistoryRequest request = historyRequest();
        if (sensor == null) {
            throw new ParameterException(spec.commandLine(),
                    "name the source: --sensor [SOCKET] to attach to a running sensor");
        }
        Path socket = sensor.toString().isEmpty() ? ChannelSocket.defaultPath() : sensor;
        return LiveWindow.attach(socket, request, spec.commandLine().getErr());
    }

    private LiveWindow.HistoryRequest historyRequest() {
        if (historyDirectory == null) {
            if (history != null) {
                throw new ParameterException(spec.commandLine(),
                        "--history needs --history-dir DIR: the directory the sensor records to");
            }
            return null;
        }
        return new LiveWindow.HistoryRequest(historyDirectory,
                history == null ? DEFAULT_HISTORY : history);
    }
}
