package org.scanvas.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a span of time as a number and a unit, {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.length() < 2) {
            throw invalid(value);
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            return iso(value);
        }
        if (amount <= 0) {
            throw invalid(value);
        }
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw invalid(value);
        };
    }

    private static Duration iso(String value) {
        try {
            Duration parsed = Duration.parse(value.trim());
            if (parsed.isNegative() || parsed.isZero()) {
                throw invalid(value);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid(value);
        }
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value
                + "' is no span of time: give a number and a unit, as in 90s, 30m, 24h or 7d");
    }
}
