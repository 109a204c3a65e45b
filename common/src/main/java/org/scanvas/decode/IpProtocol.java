package org.scanvas.decode;

/**
 * IP protocol numbers (IANA "Assigned Internet Protocol Numbers") that the decoder acts on,
 * as found in the IPv4 protocol field and the IPv6 next-header chain.
 */
public final class IpProtocol {
    /** IPv6 hop-by-hop options (RFC 8200 section 4.3). */
    public static final int HOP_BY_HOP = 0;
    /** Transmission Control Protocol (RFC 9293). */
    public static final int TCP = 6;
    /** User Datagram Protocol (RFC 768). */
    public static final int UDP = 17;
    /** IPv6 routing header (RFC 8200 section 4.4). */
    public static final int ROUTING = 43;
    /** IPv6 fragment header (RFC 8200 section 4.5). */
    public static final int FRAGMENT = 44;
    /** Encapsulating security payload (RFC 4303): what follows is encrypted. */
    public static final int ENCAPSULATING_SECURITY_PAYLOAD = 50;
    /** Authentication header (RFC 4302). */
    public static final int AUTHENTICATION = 51;
    /** No next header (RFC 8200 section 4.7). */
    public static final int NO_NEXT_HEADER = 59;
    /** IPv6 destination options (RFC 8200 section 4.6). */
    public static final int DESTINATION_OPTIONS = 60;
    /** Mobility header (RFC 6275), generic extension-header format. */
    public static final int MOBILITY = 135;
    /** Host identity protocol (RFC 7401), generic extension-header format. */
    public static final int HOST_IDENTITY = 139;
    /** Shim6 (RFC 5533), generic extension-header format. */
    public static final int SHIM6 = 140;

    private IpProtocol() {
    }
}
