package org.scanvas.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an interface's own statistics where the system publishes them as files: Linux's
 * {@code /sys/class/net/IF/statistics/}. Elsewhere every read answers -1. A file read, so call
 * it from a thread that may do I/O, never the capture thread.
 */
public final class InterfaceCounters {

    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    private InterfaceCounters() {
    }

    /** Packets the interface dropped on receive since it came up, or -1 when unknown. */
    public static long receiveDrops(String interfaceName) {
        return read(interfaceName, "rx_dropped");
    }

    /** Packets the interface has transmitted since it came up, or -1 when unknown. */
    public static long transmittedPackets(String interfaceName) {
        return read(interfaceName, "tx_packets");
    }

    private static long read(String interfaceName, String counter) {
        if (interfaceName.indexOf('/') >= 0 || interfaceName.startsWith(".")) {
            return -1;
        }
        Path file = SYS_CLASS_NET.resolve(interfaceName).resolve("statistics").resolve(counter);
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
    }
}
