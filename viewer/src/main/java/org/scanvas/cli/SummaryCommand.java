package org.scanvas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.CaptureFiles;
import org.scanvas.summary.CaptureSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas summary}: counts the packets of captures by class, with no window.
 *
 * <p>All files are read even when one is damaged; the counts then include what was read
 * before the damage, each damaged file is named on standard error, and the exit code is 1.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Counts probes, backscatter, other and malformed packets in captures.")
final class SummaryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "pcap or pcapng files, or directories of them.")
    private List<Path> paths;

    @Override
    public Integer call() {
        List<Path> files = CaptureFiles.expand(paths);
        if (files.isEmpty()) {
            // Only directories expand to nothing: a file named is read whatever its name.
            throw new InputException("no capture files in " + String.join(", ",
                    paths.stream().map(Path::toString).toList())
                    + " (looked for " + CaptureFiles.patterns() + ")");
        }
        CaptureSummary summary = new CaptureSummary();
        int damaged = 0;
        for (Path file : files) {
            try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                reader.read(summary);
            } catch (CaptureFileException e) {
                damaged++;
                spec.commandLine().getErr().println("scanvas: " + e.getMessage());
            }
        }
        print(summary, files.size());
        return damaged == 0 ? 0 : 1;
    }

    private void print(CaptureSummary summary, int fileCount) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(summary.toJson());
        } else {
            SummaryTable table = new SummaryTable(out, 13);
            table.line("files", fileCount);
            table.counts(summary);
        }
        out.flush();
    }
}
