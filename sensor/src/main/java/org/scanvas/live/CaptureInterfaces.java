package org.scanvas.live;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;
import org.scanvas.decode.IpAddresses;
import org.scanvas.live.LiveCaptureException.Reason;

/**
 * The interfaces libpcap can capture on, and the words Scanvas uses when capture is refused.
 *
 * <p>Whether a user may capture is found out the only reliable way: by opening the interface
 * for a moment (small snap length, not promiscuous, nothing sent) and closing it again.
 */
public final class CaptureInterfaces {

    private static final int PROBE_SNAP_LENGTH = 64;
    private static final int PROBE_TIMEOUT_MILLIS = 10;

    private CaptureInterfaces() {
    }

    /**
     * Lists every interface libpcap finds, each tried for capture by this user.
     *
     * @throws LiveCaptureException when libpcap cannot be loaded or cannot list interfaces
     */
    public static List<CaptureInterface> list() {
        List<PcapNetworkInterface> devices;
        try {
            devices = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw failure("", e);
        } catch (LinkageError e) {
            throw noLibpcap(e);
        }
        List<CaptureInterface> interfaces = new ArrayList<>(devices.size());
        for (PcapNetworkInterface device : devices) {
            interfaces.add(describe(device));
        }
        return interfaces;
    }

    /** The addresses of a libpcap interface as text; empty for one it does not know. */
    static List<String> addressesOf(PcapNetworkInterface device) {
        List<String> addresses = new ArrayList<>();
        for (PcapAddress address : device.getAddresses()) {
            InetAddress inet = address.getAddress();
            if (inet != null) {
                addresses.add(addressText(inet));
            }
        }
        return addresses;
    }

    /**
     * An interface address as the rest of Scanvas writes it: dotted IPv4, or IPv6 shortened
     * as RFC 5952 says ({@code 2001:db8::1}), with its scope ({@code %eth0}) where it has one.
     */
    static String addressText(InetAddress inet) {
        String host = inet.getHostAddress();
        byte[] bytes = inet.getAddress();
        if (bytes.length != 16) {
            return host;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int scope = host.indexOf('%');
        return IpAddresses.format(buffer.getLong(0), buffer.getLong(8))
                + (scope < 0 ? "" : host.substring(scope));
    }

    /**
     * What to do when capture on {@code interfaceName} is refused, for this operating system:
     * which privilege is missing and the ways to grant it, most recommended first.
     */
    public static String permissionAdvice(String interfaceName) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "no permission to capture on " + interfaceName + ": capture reads /dev/bpf*,"
                    + " which only root may open by default. Install Wireshark's ChmodBPF"
                    + " (or run 'sudo chgrp access_bpf /dev/bpf*; sudo chmod g+rw /dev/bpf*'),"
                    + " add yourself to the access_bpf group and log in again; or run once"
                    + " with sudo. See native-notes/README.md.";
        }
        if (os.contains("windows")) {
            return "no permission to capture on " + interfaceName + ": Npcap was installed"
                    + " with \"Restrict Npcap driver's access to Administrators only\". Run"
                    + " from an elevated prompt, or reinstall Npcap without that option. See"
                    + " native-notes/README.md.";
        }
        return "no permission to capture on " + interfaceName + ": capture needs the"
                + " capabilities CAP_NET_RAW and CAP_NET_ADMIN (not root). Run the sensor as the"
                + " systemd service in native-notes/scanvas-sensor.service (a dedicated user with"
                + " AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN), or give them to a dedicated"
                + " jlink runtime as native-notes/README.md shows (never setcap the system"
                + " java), or try it once with 'sudo scanvas sensor -i " + interfaceName + "'.";
    }

    /** Turns a libpcap error into the user's words, choosing the reason from its message. */
    static LiveCaptureException failure(String interfaceName, PcapNativeException e) {
        String detail = String.valueOf(e.getMessage());
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("permission") || lower.contains("not permitted")
                || lower.contains("access is denied")) {
            return new LiveCaptureException(Reason.PERMISSION,
                    permissionAdvice(interfaceName) + " (libpcap: " + detail + ")", e);
        }
        if (lower.contains("no such device") || lower.contains("doesn't exist")
                || lower.contains("does not exist") || lower.contains("not up")) {
            return new LiveCaptureException(Reason.NO_SUCH_INTERFACE,
                    "cannot capture on " + interfaceName + ": " + detail
                            + " ('scanvas interfaces' lists the interfaces)", e);
        }
        return new LiveCaptureException(Reason.CAPTURE_FAILED,
                "cannot capture on " + interfaceName + ": " + detail, e);
    }

    /** The failure when JNA cannot load libpcap at all. */
    static LiveCaptureException noLibpcap(LinkageError e) {
        return new LiveCaptureException(Reason.NO_LIBPCAP,
                "libpcap could not be loaded (" + e.getMessage() + "). Install it: Debian or"
                        + " Ubuntu 'apt-get install libpcap0.8', macOS has it (or 'brew install"
                        + " libpcap'), Windows needs Npcap in WinPcap compatibility mode; see"
                        + " native-notes/README.md.", e);
    }

    private static CaptureInterface describe(PcapNetworkInterface device) {
        String problem = tryOpen(device.getName());
        return new CaptureInterface(device.getName(),
                device.getDescription() == null ? "" : device.getDescription(),
                addressesOf(device), device.isUp(), device.isLoopBack(), problem.isEmpty(),
                problem);
    }

    private static String tryOpen(String name) {
        try {
            PcapHandle handle = new PcapHandle.Builder(name)
                    .snaplen(PROBE_SNAP_LENGTH)
                    .promiscuousMode(PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(PROBE_TIMEOUT_MILLIS)
                    .build();
            handle.close();
            return "";
        } catch (PcapNativeException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
