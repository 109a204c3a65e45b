package org.scanvas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.summary.CaptureSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas demo}: replays the bundled capture of real scans, looping, at a speed that
 * plays it in about {@link #PASS} so a room sees the drawings form.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Replays the bundled capture of real scans in a window, looping.")
final class DemoCommand implements Callable<Integer> {

    /** The bundled capture, relative to the Scanvas checkout. */
    static final Path DEMO_CAPTURE = Path.of("test-pcaps", "demo-scans.pcap");

    private static final Duration PASS = Duration.ofSeconds(40);

    @Spec
    private CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Capture to demo instead of the bundled one.")
    private Path file;

    @Override
    public Integer call() {
        Path capture = file != null ? file : bundledCapture();
        double speed = speedForOnePass(capture);
        return ReplayWindow.show(List.of(capture), speed, true, spec.commandLine().getErr());
    }

    /** Finds the bundled capture beside the launcher that started us, or below this folder. */
    static Path bundledCapture() {
        String home = System.getProperty("scanvas.home");
        Path capture = (home == null ? Path.of("") : Path.of(home)).resolve(DEMO_CAPTURE);
        if (!Files.isRegularFile(capture)) {
            throw new InputException("the demo capture is missing: " + capture.toAbsolutePath()
                    + " (run ./scanvas from a Scanvas checkout)");
        }
        return capture;
    }

    private static double speedForOnePass(Path capture) {
        CaptureSummary summary = new CaptureSummary();
        try (CaptureFileReader reader = CaptureFileReader.open(capture)) {
            reader.read(summary);
        }
        if (summary.first() == null) {
            return 1;
        }
        Duration span = Duration.between(summary.first(), summary.last());
        return Math.max(1, (double) span.toNanos() / PASS.toNanos());
    }
}
