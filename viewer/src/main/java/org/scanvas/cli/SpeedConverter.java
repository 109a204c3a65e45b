package org.scanvas.cli;

import org.scanvas.replay.ReplaySource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --speed}: a positive factor (1 = original timing) or {@code max}. */
final class SpeedConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        if ("max".equalsIgnoreCase(value)) {
            return ReplaySource.MAX_SPEED;
        }
        try {
            double speed = Double.parseDouble(value);
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what is accepted.
        }
        throw new TypeConversionException("'" + value + "' is not a speed: give a positive"
                + " factor such as 1, 60 or 600, or max");
    }
}
