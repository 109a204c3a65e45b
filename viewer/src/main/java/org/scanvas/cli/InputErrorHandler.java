package org.scanvas.cli;

import org.scanvas.capture.CaptureFileException;
import org.scanvas.channel.ChannelException;
import org.scanvas.live.LiveCaptureException;
import org.scanvas.text.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures while a command runs into a one-line message and exit code 1. Bad input
 * (an unreadable capture, a missing file) is what users meet; a stack trace helps none of them.
 * Messages may quote file names and arguments, so their control characters are escaped.
 */
final class InputErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        String message = e instanceof CaptureFileException || e instanceof InputException
                || e instanceof ChannelException || e instanceof LiveCaptureException
                ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        command.getErr().println("scanvas: " + PrintableText.escape(message));
        return CommandLine.ExitCode.SOFTWARE;
    }
}
