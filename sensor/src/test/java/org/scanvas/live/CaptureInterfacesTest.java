package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureInterfacesTest {

    /** Expected texts follow RFC 5952 section 4 (its own examples where it gives them). */
    @ParameterizedTest
    @CsvSource({
        "fd00:0:0:0:0:0:0:2, fd00::2",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:1, ::1",
        "192.0.2.7, 192.0.2.7",
    })
    void writesInterfaceAddressesCompressed(String address, String expected)
            throws UnknownHostException {
        assertThat(CaptureInterfaces.addressText(InetAddress.getByName(address)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"3, fe80::1%3"})
    void keepsTheScopeOfALinkLocalAddress(int scope, String expected)
            throws UnknownHostException {
        byte[] bytes = InetAddress.getByName("fe80::1").getAddress();

        assertThat(CaptureInterfaces.addressText(Inet6Address.getByAddress(null, bytes, scope)))
                .isEqualTo(expected);
    }
}
