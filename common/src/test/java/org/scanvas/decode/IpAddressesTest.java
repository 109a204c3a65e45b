package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressesTest {

    /** Canonical forms from RFC 5952 sections 4.1-4.3 and 5; inputs parsed by the JDK. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1,                    2001:db8::1:0:0:1",
        "2001:db8:0:0:0:1:0:0,                    2001:db8::1:0:0",
        "2001:0:0:1:0:0:0:1,                      2001:0:0:1::1",
        "2001:db8:0:1:1:1:1:1,                    2001:db8:0:1:1:1:1:1",
        "2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:1,     2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
        "0:0:0:0:0:0:0:0,                         ::",
        "0:0:0:0:0:0:0:1,                         ::1",
        "1:0:0:0:0:0:0:0,                         1::",
        "fe80:0:0:0:0:0:0:0010,                   fe80::10",
        "2001:db8:0:0:0:0:ffff:c000,              2001:db8::ffff:c000",
    })
    void formatsIpv6AsRfc5952(String written, String canonical) throws Exception {
        long[] address = halves(InetAddress.getByName(written).getAddress());

        String text = IpAddresses.format(address[0], address[1]);

        assertThat(text).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"192.0.2.1", "0.0.0.0", "255.255.255.255", "203.0.113.90"})
    void formatsMappedAddressesAsDottedIpv4(String dotted) throws Exception {
        int ipv4 = ByteBuffer.wrap(InetAddress.getByName(dotted).getAddress()).getInt();

        String text = IpAddresses.format(0, IpAddresses.ipv4MappedLow(ipv4));

        assertThat(text).isEqualTo(dotted);
    }

    @Test
    void appendsToTheGivenBuilder() {
        StringBuilder text = new StringBuilder("src=");

        IpAddresses.append(text, 0x2001_0DB8_0000_0000L, 0x0000_0000_0000_0001L);

        assertThat(text).hasToString("src=2001:db8::1");
    }

    private static long[] halves(byte[] sixteenBytes) {
        ByteBuffer buffer = ByteBuffer.wrap(sixteenBytes);
        return new long[] {buffer.getLong(), buffer.getLong()};
    }
}
