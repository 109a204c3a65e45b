package org.scanvas.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanvas.capture.CaptureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scanvas replay}: plays captures into the plot window, paced like the original. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays pcap or pcapng captures into the live plot.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--speed", defaultValue = "1", converter = SpeedConverter.class,
            paramLabel = "X|max",
            description = "1 keeps the original timing, 60 plays a minute per second,"
                    + " max as fast as the plot takes them (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--loop", description = "Start again after the last file.")
    private boolean loop;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "pcap or pcapng files, or directories of them, played in order.")
    private List<Path> paths;

    @Override
    public Integer call() {
        List<Path> files = CaptureFiles.expand(paths);
        if (files.isEmpty()) {
            throw new InputException("no capture files in " + paths);
        }
        return ReplayWindow.show(files, speed, loop, spec.commandLine().getErr());
    }
}
