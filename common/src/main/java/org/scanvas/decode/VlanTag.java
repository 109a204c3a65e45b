package org.scanvas.decode;

/**
 * Layout of one 802.1Q / 802.1ad VLAN tag (IEEE 802.1Q-2018 clause 9), counted from the byte
 * after the tag protocol identifier that announced it. Tags stack: the EtherType that follows a
 * tag may announce another tag.
 *
 * <pre>
 *  0       2       4
 * +-------+-------+
 * |  TCI  | type  |
 * +-------+-------+
 * </pre>
 */
public final class VlanTag {
    /** Offset of the tag control information (priority, DEI, VLAN id), 2 bytes. */
    public static final int TAG_CONTROL = 0;
    /** Offset of the EtherType of what follows the tag, 2 bytes. */
    public static final int ETHER_TYPE = 2;
    /** Length of one tag after its tag protocol identifier. */
    public static final int LENGTH = 4;

    private VlanTag() {
    }
}
