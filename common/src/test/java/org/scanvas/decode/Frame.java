package org.scanvas.decode;

import java.nio.ByteBuffer;

/** A test frame: its link type and bytes, with shorthands to decode it. */
record Frame(String name, int linkType, byte[] bytes) {

    /** Decodes the whole frame, captured in full. */
    DecodedPacket decode() {
        return decodeCapturing(bytes.length);
    }

    /** Decodes the frame as if the snap length had kept only {@code captured} bytes. */
    DecodedPacket decodeCapturing(int captured) {
        DecodedPacket packet = new DecodedPacket();
        PacketDecoder.decode(linkType, ByteBuffer.wrap(bytes), 0, captured, bytes.length, 1L,
                packet);
        return packet;
    }

    @Override
    public String toString() {
        return name;
    }
}
