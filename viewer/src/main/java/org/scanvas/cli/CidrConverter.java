package org.scanvas.cli;

import org.scanvas.live.CidrRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --exclude}: an IPv4 or IPv6 range in CIDR notation, or a single address. */
final class CidrConverter implements ITypeConverter<CidrRange> {

    @Override
    public CidrRange convert(String value) {
        try {
            return CidrRange.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage()
                    + " (give a range such as 198.51.100.0/24 or 2001:db8::/32)");
        }
    }
}
