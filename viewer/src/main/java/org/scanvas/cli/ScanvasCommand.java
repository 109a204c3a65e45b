package org.scanvas.cli;

import picocli.CommandLine.Command;

/** The {@code scanvas} command and its subcommands. */
@Command(
        name = "scanvas",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plots unsolicited TCP and UDP probes: time against destination port.",
        subcommands = {
            DemoCommand.class,
            ReplayCommand.class,
            SummaryCommand.class,
            RenderCommand.class,
            InterfacesCommand.class,
            SensorCommand.class,
            LiveCommand.class
        })
final class ScanvasCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "name a command: demo, replay, summary, render, interfaces, sensor or live");
    }
}
