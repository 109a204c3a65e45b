package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Interface addresses in the forms RFC 5952 (section 4) prescribes, from their long forms. */
class CaptureInterfacesTest {

    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
        "0:0:0:0:0:0:0:1, ::1",
        "192.0.2.7, 192.0.2.7",
    })
    void writesAddressesShortenedAsTheRfcSays(String longForm, String expected)
            throws UnknownHostException {
        assertThat(CaptureInterfaces.addressText(InetAddress.getByName(longForm)))
                .isEqualTo(expected);
    }

    @Test
    void keepsTheScopeOfALinkLocalAddress() throws UnknownHostException {
        InetAddress plain = InetAddress.getByName("fe80:0:0:0:0:0:0:5");
        InetAddress scoped = Inet6Address.getByAddress(null, plain.getAddress(), 3);

        assertThat(CaptureInterfaces.addressText(scoped)).isEqualTo("fe80::5%3");
    }
}
