package org.scanvas.inspect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tshark on a capture and returns its fields, one tab-separated line per packet. */
final class Tshark {

    private Tshark() {
    }

    /** Skips the calling test when tshark is not installed. */
    static void assumeInstalled() {
        boolean found = false;
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(directory, "tshark"));
        }
        assumeTrue(found, "tshark is not installed (apt-get install tshark)");
    }

    /**
     * The fields of every packet that passes {@code filter} (a display filter, or "" for all).
     *
     * @return one list of field values per packet, in file order; empty fields are ""
     */
    static List<String[]> fields(Path capture, String filter, String... fields) {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(),
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f"));
        if (!filter.isEmpty()) {
            command.addAll(List.of("-Y", filter));
        }
        for (String field : fields) {
            command.addAll(List.of("-e", field));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : run(command)) {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private static List<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("tshark failed: " + command + ": " + err);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tshark ran", e);
        }
    }
}
