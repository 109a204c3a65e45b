package org.scanvas.inspect;

import java.util.HashMap;
import java.util.Map;

/**
 * Service names of the ports scanners knock on most, and of the plot's labelled ticks, as the
 * IANA service name registry spells them (RFC 6335), or as nmap names them where the
 * registry's name says little (8080, 8443). A small table of our own rather than the host's
 * {@code /etc/services}, so a tooltip reads the same on every machine.
 */
final class ServiceNames {

    private static final Map<Integer, String> TCP = new HashMap<>();
    private static final Map<Integer, String> UDP = new HashMap<>();

    static {
        both(7, "echo");
        both(53, "domain");
        both(111, "sunrpc");
        both(443, "https");
        both(5060, "sip");
        both(6881, "bittorrent");
        both(11211, "memcache");
        tcp(1, "tcpmux");
        tcp(21, "ftp");
        tcp(22, "ssh");
        tcp(23, "telnet");
        tcp(25, "smtp");
        tcp(80, "http");
        tcp(110, "pop3");
        tcp(135, "epmap");
        tcp(139, "netbios-ssn");
        tcp(143, "imap");
        tcp(179, "bgp");
        tcp(389, "ldap");
        tcp(445, "microsoft-ds");
        tcp(465, "submissions");
        tcp(587, "submission");
        tcp(993, "imaps");
        tcp(995, "pop3s");
        tcp(1080, "socks");
        tcp(1433, "ms-sql-s");
        tcp(1723, "pptp");
        tcp(1883, "mqtt");
        tcp(2049, "nfs");
        tcp(3306, "mysql");
        tcp(3389, "ms-wbt-server");
        tcp(5432, "postgresql");
        tcp(5900, "rfb");
        tcp(6379, "redis");
        tcp(8080, "http-alt");
        tcp(8443, "https-alt");
        tcp(10000, "ndmp");
        tcp(20000, "dnp");
        tcp(27017, "mongodb");
        udp(67, "bootps");
        udp(68, "bootpc");
        udp(69, "tftp");
        udp(123, "ntp");
        udp(137, "netbios-ns");
        udp(138, "netbios-dgm");
        udp(161, "snmp");
        udp(162, "snmptrap");
        udp(500, "isakmp");
        udp(514, "syslog");
        udp(1434, "ms-sql-m");
        udp(1900, "ssdp");
        udp(3478, "stun");
        udp(4500, "ipsec-nat-t");
        udp(5353, "mdns");
    }

    private ServiceNames() {
    }

    private static void both(int port, String name) {
        tcp(port, name);
        udp(port, name);
    }

    private static void tcp(int port, String name) {
        TCP.put(port, name);
    }

    private static void udp(int port, String name) {
        UDP.put(port, name);
    }

    /** The service name of a TCP or UDP port, or null when the table has none. */
    static String of(boolean tcp, int port) {
        return (tcp ? TCP : UDP).get(port);
    }
}
