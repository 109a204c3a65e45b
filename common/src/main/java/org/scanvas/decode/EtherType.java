package org.scanvas.decode;

/**
 * EtherType values the decoder acts on (IEEE registry; the same numbers appear in the protocol
 * fields of Linux cooked captures).
 */
public final class EtherType {
    /** Internet Protocol version 4. */
    public static final int IPV4 = 0x0800;
    /** Internet Protocol version 6. */
    public static final int IPV6 = 0x86DD;
    /** IEEE 802.1Q customer VLAN tag. */
    public static final int VLAN = 0x8100;
    /** IEEE 802.1ad service VLAN tag (QinQ). */
    public static final int SERVICE_VLAN = 0x88A8;
    /** Pre-standard QinQ tag protocol identifier still emitted by some switches. */
    public static final int LEGACY_QINQ = 0x9100;

    private EtherType() {
    }

    /** Whether {@code etherType} announces a VLAN tag that the decoder steps over. */
    public static boolean isVlanTag(int etherType) {
        return etherType == VLAN || etherType == SERVICE_VLAN || etherType == LEGACY_QINQ;
    }
}
