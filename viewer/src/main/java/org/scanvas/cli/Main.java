package org.scanvas.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code scanvas} command. It deliberately does not extend JavaFX's
 * {@code Application}: with JavaFX on the class path, a main class that does is refused.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its code: 0 success, 1 input error, 2 usage. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, whose output and error writers tests may replace. */
    public static CommandLine commandLine() {
        return new CommandLine(new ScanvasCommand())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new InputErrorHandler());
    }
}
