package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scanvas.decode.IpAddresses;

class CidrRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "198.51.100.0/24, 198.51.100.0, true",
        "198.51.100.0/24, 198.51.100.255, true",
        "198.51.100.0/24, 198.51.101.0, false",
        "198.51.100.77/24, 198.51.100.1, true",
        "203.0.113.7, 203.0.113.7, true",
        "203.0.113.7, 203.0.113.8, false",
        "0.0.0.0/0, 192.0.2.1, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8::/127, 2001:db8::1, true",
        "2001:db8::/127, 2001:db8::2, false",
        "2001:db8:0:0:8000::/65, 2001:db8::8000:0:0:1, true",
        "2001:db8:0:0:8000::/65, 2001:db8::1, false",
        "::/0, 192.0.2.1, true",
        "2001:db8::1, 2001:db8::1, true",
        "::ffff:192.0.2.0/120, 192.0.2.9, true",
        "::ffff:192.0.2.0/120, 192.0.3.9, false",
    })
    void matchesAddressesInsideItsPrefix(String range, String address, boolean inside)
            throws Exception {
        CidrRange parsed = CidrRange.parse(range);

        long[] bits = asDecoded(address);

        assertThat(parsed.contains(bits[0], bits[1])).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.org", "198.51.100.0/33", "2001:db8::/129",
        "198.51.100.0/-1", "198.51.100.0/x", "300.1.1.1", "1.2.3"})
    void rejectsWhatIsNotARange(String text) {
        assertThatThrownBy(() -> CidrRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    /** The address as the decoder holds it: 128 bits, IPv4 mapped into ::ffff:0:0/96. */
    private static long[] asDecoded(String address) throws Exception {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        if (bytes.length == 4) {
            long v4 = ByteBuffer.wrap(bytes).getInt() & 0xFFFF_FFFFL;
            return new long[] {0, IpAddresses.IPV4_MAPPED_PREFIX | v4};
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new long[] {buffer.getLong(), buffer.getLong()};
    }
}
