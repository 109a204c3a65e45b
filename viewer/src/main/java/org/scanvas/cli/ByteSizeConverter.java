package org.scanvas.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a size in bytes: a plain number, or one with a binary unit ({@code 512k}, {@code 32m},
 * {@code 1g}; {@code KiB}, {@code MiB}, {@code GiB} are read the same).
 */
final class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(|k|m|g)(?:i?b)?");

    @Override
    public Long convert(String value) {
        Matcher matcher = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            int shift = switch (matcher.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            if (amount > 0 && amount <= Long.MAX_VALUE >> shift) {
                return amount << shift;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a size: give a positive number"
                + " of bytes, optionally with k, m or g (binary units), such as 65536 or 32m");
    }
}
