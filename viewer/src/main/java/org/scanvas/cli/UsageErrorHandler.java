package org.scanvas.cli;

import java.io.PrintWriter;
import org.scanvas.text.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports bad usage as picocli would (the message, then suggestions or the usage help, exit
 * code 2), except that the message, which quotes the arguments as typed, has its control
 * characters escaped: an argument must not be able to drive the user's terminal.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(PrintableText.escape(e.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            command.usage(err, command.getColorScheme());
        }
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
