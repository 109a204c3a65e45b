package org.scanvas.store;

import java.util.Arrays;

/**
 * Interns 128-bit source addresses: each distinct address gets a small int reference, so a
 * stored probe holds 4 bytes instead of 16. Scanners send many probes from few addresses.
 *
 * <p>Addresses live in segmented columns (never copied when the table grows); lookup is an
 * open-addressing hash of references kept at most half full, about 24 bytes per address in
 * all. Not thread-safe; owned by one {@link ProbeStore}.
 */
final class AddressTable {

    private static final int SEGMENT_SHIFT = 16;
    private static final int SEGMENT_SIZE = 1 << SEGMENT_SHIFT;
    private static final int SEGMENT_MASK = SEGMENT_SIZE - 1;

    private long[][] highs = new long[16][];
    private long[][] lows = new long[16][];
    /** Reference + 1 per slot; 0 marks an empty slot. */
    private int[] slots;
    private int size;

    /** Creates a table sized for about {@code expected} addresses before its first growth. */
    AddressTable(int expected) {
        slots = new int[Integer.highestOneBit(Math.max(expected, 8) * 2 - 1) << 1];
    }

    /** The reference of an address, adding it when new. */
    int intern(long high, long low) {
        int mask = slots.length - 1;
        int slot = hash(high, low) & mask;
        while (true) {
            int ref = slots[slot] - 1;
            if (ref < 0) {
                return add(slot, high, low);
            }
            if (high(ref) == high && low(ref) == low) {
                return ref;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int slot, long high, long low) {
        int ref = size;
        int segment = ref >>> SEGMENT_SHIFT;
        if (segment == highs.length) {
            highs = Arrays.copyOf(highs, segment * 2);
            lows = Arrays.copyOf(lows, segment * 2);
        }
        if (highs[segment] == null) {
            highs[segment] = new long[SEGMENT_SIZE];
            lows[segment] = new long[SEGMENT_SIZE];
        }
        highs[segment][ref & SEGMENT_MASK] = high;
        lows[segment][ref & SEGMENT_MASK] = low;
        slots[slot] = ref + 1;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return ref;
    }

    private void rehash(int slotCount) {
        int[] grown = new int[slotCount];
        int mask = slotCount - 1;
        for (int ref = 0; ref < size; ref++) {
            int slot = hash(high(ref), low(ref)) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = ref + 1;
        }
        slots = grown;
    }

    private static int hash(long high, long low) {
        long mixed = (high * 0x9E3779B97F4A7C15L) ^ (low * 0xC2B2AE3D27D4EB4FL);
        mixed ^= mixed >>> 29;
        return (int) (mixed ^ (mixed >>> 32));
    }

    /** High 64 bits of an interned address. */
    long high(int ref) {
        return highs[ref >>> SEGMENT_SHIFT][ref & SEGMENT_MASK];
    }

    /** Low 64 bits of an interned address. */
    long low(int ref) {
        return lows[ref >>> SEGMENT_SHIFT][ref & SEGMENT_MASK];
    }

    /** Distinct addresses interned. */
    int size() {
        return size;
    }

    /** Heap bytes held by the address columns and the hash slots. */
    long memoryBytes() {
        long segments = (size + (long) SEGMENT_MASK) >>> SEGMENT_SHIFT;
        return segments * SEGMENT_SIZE * 2L * Long.BYTES + (long) slots.length * Integer.BYTES;
    }
}
