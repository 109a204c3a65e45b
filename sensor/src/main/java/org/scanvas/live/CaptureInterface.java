package org.scanvas.live;

import java.util.List;

/**
 * One interface libpcap can capture on, as {@code scanvas interfaces} lists it.
 *
 * @param name the name to pass to {@code -i}
 * @param description libpcap's description, empty when it has none
 * @param addresses the interface's IP addresses as text (IPv6 with scope where it has one)
 * @param up whether the interface is administratively up
 * @param loopback whether it is a loopback interface
 * @param capturable whether this user could open it for capture just now
 * @param problem why it could not be opened (libpcap's message), empty when it could
 */
public record CaptureInterface(String name, String description, List<String> addresses,
        boolean up, boolean loopback, boolean capturable, String problem) {

    /** Copies the address list. */
    public CaptureInterface {
        addresses = List.copyOf(addresses);
    }
}
