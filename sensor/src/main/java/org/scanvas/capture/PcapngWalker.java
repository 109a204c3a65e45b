package org.scanvas.capture;

import static org.scanvas.capture.PcapngLayout.BLOCK_LENGTH;
import static org.scanvas.capture.PcapngLayout.BLOCK_OVERHEAD;
import static org.scanvas.capture.PcapngLayout.BLOCK_TYPE;
import static org.scanvas.capture.PcapngLayout.BYTE_ORDER_MAGIC;
import static org.scanvas.capture.PcapngLayout.BYTE_ORDER_MAGIC_SWAPPED;
import static org.scanvas.capture.PcapngLayout.ENHANCED_PACKET;
import static org.scanvas.capture.PcapngLayout.INTERFACE_DESCRIPTION;
import static org.scanvas.capture.PcapngLayout.OBSOLETE_PACKET;
import static org.scanvas.capture.PcapngLayout.SECTION_HEADER;
import static org.scanvas.capture.PcapngLayout.SIMPLE_PACKET;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.scanvas.decode.LinkType;

/**
 * Walks the blocks of a pcapng file: sections of either byte order, each with its own
 * interfaces; delivers enhanced, simple and obsolete packet blocks and skips all others.
 */
final class PcapngWalker extends RecordWalker {

    private static final int INITIAL_INTERFACES = 4;
    private static final int LARGEST_DECIMAL_EXPONENT = 18;
    private static final int LARGEST_BINARY_EXPONENT = 63;
    /** Binary fractions up to this many bits times 10^9 still fit in a long. */
    private static final int EXACT_BINARY_BITS = 33;

    private ByteBuffer headers;
    private ByteBuffer data;
    private long windowStart;
    private long windowEnd;

    private int interfaceCount;
    private int[] linkTypes = new int[INITIAL_INTERFACES];
    /** Per interface: bits of binary fraction, or -1 for a decimal resolution. */
    private int[] binaryBits = new int[INITIAL_INTERFACES];
    /** Per interface: nanoseconds per unit, or 0 when units are finer than a nanosecond. */
    private long[] nanosPerUnit = new long[INITIAL_INTERFACES];
    /** Per interface: units per nanosecond, used when {@link #nanosPerUnit} is 0. */
    private long[] unitsPerNano = new long[INITIAL_INTERFACES];
    private long[] offsetNanos = new long[INITIAL_INTERFACES];

    private long lastTimestamp;
    private int blockType;
    private long blockLength;

    /** Reads the first section header block, which sets the byte order. */
    PcapngWalker(Path file, FileWindow window) {
        super(file, window, 0);
        int at = openBlock(0);
        if (blockType != SECTION_HEADER) {
            throw damage(0, "not a pcapng section header: block type 0x"
                    + Integer.toHexString(blockType));
        }
        startSection(0, at);
        position = blockLength;
    }

    @Override
    String format() {
        return "pcapng";
    }

    /**
     * Looks at the interfaces described before the first packet block. Returns the link type of
     * the first one when none of them has a supported link type, else -1. Never throws for
     * damage: the walk reports that where it belongs, after the records before it.
     */
    int unsupportedLinkTypeOnly() {
        long size = window.size();
        long at = position;
        int firstUnsupported = -1;
        while (size - at >= BLOCK_OVERHEAD) {
            window.cover(at, BLOCK_OVERHEAD);
            ByteBuffer view = window.headers();
            int index = (int) (at - window.start());
            int type = view.getInt(index + BLOCK_TYPE);
            long length = view.getInt(index + BLOCK_LENGTH) & UNSIGNED_INT;
            if (isPacket(type) || type == SECTION_HEADER || length < BLOCK_OVERHEAD
                    || length % 4 != 0 || length > size - at) {
                break;
            }
            if (type == INTERFACE_DESCRIPTION) {
                int linkType = view.getShort(index + PcapngLayout.INTERFACE_LINK_TYPE) & 0xffff;
                if (LinkType.isSupported(linkType)) {
                    return -1;
                }
                if (firstUnsupported < 0) {
                    firstUnsupported = linkType;
                }
            }
            at += length;
        }
        return firstUnsupported;
    }

    @Override
    long walk(RecordHandler handler) {
        long size = window.size();
        long before = delivered;
        refresh();
        while (position < size && !stopRequested()) {
            long blockStart = position;
            int at = openBlock(blockStart);
            position = blockStart + blockLength;
            switch (blockType) {
                case SECTION_HEADER:
                    startSection(blockStart, at);
                    break;
                case INTERFACE_DESCRIPTION:
                    describeInterface(blockStart, at);
                    break;
                case ENHANCED_PACKET:
                case OBSOLETE_PACKET:
                    if (!deliverPacket(handler, blockStart, at)) {
                        return delivered - before;
                    }
                    break;
                case SIMPLE_PACKET:
                    if (!deliverSimplePacket(handler, blockStart, at)) {
                        return delivered - before;
                    }
                    break;
                default:
                    break;
            }
        }
        return delivered - before;
    }

    private boolean deliverPacket(RecordHandler handler, long blockStart, int at) {
        int interfaceId = blockType == OBSOLETE_PACKET
                ? headers.getShort(at + PcapngLayout.PACKET_INTERFACE) & 0xffff
                : headers.getInt(at + PcapngLayout.PACKET_INTERFACE);
        if (interfaceId < 0 || interfaceId >= interfaceCount) {
            throw damage(blockStart, "packet block refers to interface "
                    + (interfaceId & UNSIGNED_INT) + ", but the section describes "
                    + interfaceCount);
        }
        int capturedLength = headers.getInt(at + PcapngLayout.PACKET_CAPTURED_LENGTH);
        if (capturedLength < 0 || capturedLength > RECORD_LIMIT) {
            throw tooLong(blockStart, capturedLength & UNSIGNED_INT);
        }
        if (capturedLength > blockLength - PcapngLayout.PACKET_MINIMUM_LENGTH) {
            throw damage(blockStart, "captured length " + capturedLength
                    + " overruns its block of " + blockLength + " bytes");
        }

        long units = ((long) headers.getInt(at + PcapngLayout.PACKET_TIMESTAMP_HIGH) << 32)
                | (headers.getInt(at + PcapngLayout.PACKET_TIMESTAMP_LOW) & UNSIGNED_INT);
        long timestamp = toNanos(interfaceId, units);
        int originalLength =
                clampLength(headers.getInt(at + PcapngLayout.PACKET_ORIGINAL_LENGTH));
        lastTimestamp = timestamp;
        delivered++;
        return handler.onRecord(linkTypes[interfaceId], data, at + PcapngLayout.PACKET_DATA,
                capturedLength, originalLength, timestamp);
    }

    /**
     * A simple packet block belongs to the section's first interface and has no timestamp: it
     * gets the previous record's, or 0. Its captured length is what the block holds, up to the
     * original length (as Wireshark reads it; the snap length is not applied).
     */
    private boolean deliverSimplePacket(RecordHandler handler, long blockStart, int at) {
        if (interfaceCount == 0) {
            throw damage(blockStart, "simple packet block before any interface description");
        }
        long originalLength = headers.getInt(at + PcapngLayout.SIMPLE_ORIGINAL_LENGTH)
                & UNSIGNED_INT;
        long capturedLength =
                Math.min(originalLength, blockLength - PcapngLayout.SIMPLE_MINIMUM_LENGTH);
        if (capturedLength > RECORD_LIMIT) {
            throw tooLong(blockStart, capturedLength);
        }

        delivered++;
        return handler.onRecord(linkTypes[0], data, at + PcapngLayout.SIMPLE_DATA,
                (int) capturedLength, clampLength((int) originalLength), lastTimestamp);
    }

    private long toNanos(int interfaceId, long units) {
        int bits = binaryBits[interfaceId];
        long nanos;
        if (bits >= 0) {
            long fraction = units & ((1L << bits) - 1);
            long fractionNanos = bits <= EXACT_BINARY_BITS
                    ? (fraction * NANOS_PER_SECOND) >>> bits
                    : ((fraction >>> (bits - EXACT_BINARY_BITS)) * NANOS_PER_SECOND)
                            >>> EXACT_BINARY_BITS;
            nanos = (units >>> bits) * NANOS_PER_SECOND + fractionNanos;
        } else if (nanosPerUnit[interfaceId] != 0) {
            nanos = units * nanosPerUnit[interfaceId];
        } else {
            nanos = Long.divideUnsigned(units, unitsPerNano[interfaceId]);
        }
        return nanos + offsetNanos[interfaceId];
    }

    /**
     * Checks the block at {@code blockStart} and maps it, then notes its type and length.
     * A section header block sets the byte order first, since its length is written in it.
     *
     * @return index of the block's first byte in the window
     */
    private int openBlock(long blockStart) {
        long remaining = window.size() - blockStart;
        if (remaining < BLOCK_OVERHEAD) {
            throw truncatedBlock(blockStart, remaining, BLOCK_OVERHEAD);
        }
        cover(blockStart, BLOCK_OVERHEAD);
        int at = (int) (blockStart - windowStart);
        int type = headers.getInt(at + BLOCK_TYPE);
        if (type == SECTION_HEADER) {
            setSectionOrder(blockStart, at);
        }

        long length = headers.getInt(at + BLOCK_LENGTH) & UNSIGNED_INT;
        checkLength(blockStart, type, length, remaining);
        if (length <= window.maxWindow()) {
            cover(blockStart, (int) length);
            checkTrailer(blockStart, type, length);
        } else if (isPacket(type)) {
            checkTrailer(blockStart, type, length);
            cover(blockStart, window.maxWindow());
        } else {
            throw damage(blockStart, "block of " + length + " bytes is larger than "
                    + window.maxWindow() + ", the most this reader maps at once");
        }

        blockType = type;
        blockLength = length;
        return (int) (blockStart - windowStart);
    }

    private void checkLength(long blockStart, int type, long length, long remaining) {
        if (length % 4 != 0) {
            throw damage(blockStart, describe(type) + ": length " + length
                    + " is not a multiple of 4");
        }
        int minimum = minimumLength(type);
        if (length < minimum) {
            throw damage(blockStart, describe(type) + ": length " + length
                    + " is below its minimum of " + minimum);
        }
        if (length > remaining) {
            throw truncatedBlock(blockStart, remaining, length);
        }
    }

    private void checkTrailer(long blockStart, int type, long length) {
        long trailerAt = blockStart + length - 4;
        cover(trailerAt, 4);
        long trailer = headers.getInt((int) (trailerAt - windowStart)) & UNSIGNED_INT;
        if (trailer != length) {
            throw damage(blockStart, describe(type) + ": trailing length " + trailer
                    + " differs from leading length " + length);
        }
    }

    private static String describe(int type) {
        return "block type 0x" + Integer.toHexString(type);
    }

    private void setSectionOrder(long blockStart, int at) {
        int magic = headers.getInt(at + PcapngLayout.SECTION_BYTE_ORDER);
        if (magic == BYTE_ORDER_MAGIC_SWAPPED) {
            ByteOrder swapped = headers.order() == ByteOrder.BIG_ENDIAN
                    ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            window.order(swapped);
            refresh();
        } else if (magic != BYTE_ORDER_MAGIC) {
            throw damage(blockStart, "section header: byte-order magic 0x"
                    + Integer.toHexString(magic) + " is neither 0x1a2b3c4d nor swapped");
        }
    }

    private void startSection(long blockStart, int at) {
        int major = headers.getShort(at + PcapngLayout.SECTION_MAJOR_VERSION) & 0xffff;
        int minor = headers.getShort(at + PcapngLayout.SECTION_MINOR_VERSION) & 0xffff;
        if (major != PcapngLayout.SUPPORTED_MAJOR_VERSION) {
            throw damage(blockStart, "unsupported pcapng version " + major + "." + minor);
        }
        interfaceCount = 0;
    }

    private void describeInterface(long blockStart, int at) {
        int linkType = headers.getShort(at + PcapngLayout.INTERFACE_LINK_TYPE) & 0xffff;
        int resolution = PcapngLayout.DEFAULT_RESOLUTION_EXPONENT;
        long offsetSeconds = 0;
        int optionsEnd = at + (int) blockLength - 4;
        int option = at + PcapngLayout.INTERFACE_OPTIONS;
        while (option + PcapngLayout.OPTION_HEADER_LENGTH <= optionsEnd) {
            int code = headers.getShort(option) & 0xffff;
            int length = headers.getShort(option + 2) & 0xffff;
            int value = option + PcapngLayout.OPTION_HEADER_LENGTH;
            if (code == PcapngLayout.OPTION_END) {
                break;
            }
            if (value + length > optionsEnd) {
                throw damage(blockStart, "interface option " + code + " of " + length
                        + " bytes runs past the end of its block");
            }
            if (code == PcapngLayout.OPTION_TIMESTAMP_RESOLUTION && length >= 1) {
                resolution = headers.get(value) & 0xff;
            } else if (code == PcapngLayout.OPTION_TIMESTAMP_OFFSET && length >= 8) {
                offsetSeconds = headers.getLong(value);
            }
            option = value + ((length + 3) & ~3);
        }
        addInterface(blockStart, linkType, resolution, offsetSeconds);
    }

    private void addInterface(long blockStart, int linkType, int resolution, long offsetSeconds) {
        boolean binary = (resolution & 0x80) != 0;
        int exponent = resolution & 0x7f;
        if (exponent > (binary ? LARGEST_BINARY_EXPONENT : LARGEST_DECIMAL_EXPONENT)) {
            throw damage(blockStart, "unsupported if_tsresol 0x" + Integer.toHexString(resolution));
        }
        if (interfaceCount == linkTypes.length) {
            int capacity = interfaceCount * 2;
            linkTypes = Arrays.copyOf(linkTypes, capacity);
            binaryBits = Arrays.copyOf(binaryBits, capacity);
            nanosPerUnit = Arrays.copyOf(nanosPerUnit, capacity);
            unitsPerNano = Arrays.copyOf(unitsPerNano, capacity);
            offsetNanos = Arrays.copyOf(offsetNanos, capacity);
        }

        int id = interfaceCount++;
        linkTypes[id] = linkType;
        binaryBits[id] = binary ? exponent : -1;
        nanosPerUnit[id] = !binary && exponent <= 9 ? powerOfTen(9 - exponent) : 0;
        unitsPerNano[id] = !binary && exponent > 9 ? powerOfTen(exponent - 9) : 0;
        offsetNanos[id] = offsetSeconds * NANOS_PER_SECOND;
    }

    private CaptureFileException truncatedBlock(long offset, long present, long needed) {
        return damage(offset, "truncated block: " + present + " of " + needed + " bytes present");
    }

    private void cover(long offset, int length) {
        if (offset < windowStart || offset + length > windowEnd) {
            window.cover(offset, length);
            refresh();
        }
    }

    private void refresh() {
        headers = window.headers();
        data = window.data();
        windowStart = window.start();
        windowEnd = window.end();
    }

    private static boolean isPacket(int type) {
        return type == ENHANCED_PACKET || type == OBSOLETE_PACKET || type == SIMPLE_PACKET;
    }

    private static int minimumLength(int type) {
        switch (type) {
            case SECTION_HEADER:
                return PcapngLayout.SECTION_MINIMUM_LENGTH;
            case INTERFACE_DESCRIPTION:
                return PcapngLayout.INTERFACE_MINIMUM_LENGTH;
            case ENHANCED_PACKET:
            case OBSOLETE_PACKET:
                return PcapngLayout.PACKET_MINIMUM_LENGTH;
            case SIMPLE_PACKET:
                return PcapngLayout.SIMPLE_MINIMUM_LENGTH;
            default:
                return BLOCK_OVERHEAD;
        }
    }

    private static long powerOfTen(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
