package org.scanvas.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The public captures in the shared corpus, and the command-line tools that read them. */
public final class SharedCaptures {

    private SharedCaptures() {
    }

    /** The corpus directory, or null when the build did not say where the repository is. */
    static Path directory() {
        String repo = System.getProperty("scanvas.repo");
        return repo == null ? null : Path.of(repo, "..", "shared", "pcaps").normalize();
    }

    public static boolean available() {
        Path directory = directory();
        return directory != null && Files.isDirectory(directory);
    }

    /** Every capture in the corpus, by name; empty when there is no corpus. */
    public static Stream<Path> files() throws IOException {
        if (!available()) {
            return Stream.empty();
        }
        try (Stream<Path> listing = Files.list(directory())) {
            List<Path> captures = listing
                    .filter(file -> file.getFileName().toString().matches(".*\\.pcap(ng)?"))
                    .sorted()
                    .collect(Collectors.toList());
            return captures.stream();
        }
    }

    /** Whether a tool answers its version option. */
    static boolean toolAvailable(String tool) {
        try {
            return run(tool, "--version").exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command, keeping its standard output and discarding its error output. */
    static Output run(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String text;
        try (InputStream out = process.getInputStream()) {
            text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return new Output(process.exitValue(), text);
    }

    /** A finished command: exit code and standard output. */
    static final class Output {
        final int exitCode;
        final String text;

        Output(int exitCode, String text) {
            this.exitCode = exitCode;
            this.text = text;
        }
    }
}
