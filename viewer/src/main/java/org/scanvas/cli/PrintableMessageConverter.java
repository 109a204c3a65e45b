package org.scanvas.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.scanvas.text.PrintableText;

/**
 * The log message with its control characters escaped, for logback's pattern as
 * {@code %printable}: log lines quote file names, interface names and what peers send, and
 * they go to the user's terminal. Public because logback makes it by reflection.
 */
public final class PrintableMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PrintableText.escape(event.getFormattedMessage());
    }
}
