package org.scanvas.decode;

import java.util.Arrays;

/**
 * A set of distinct 128-bit addresses (IPv6, or IPv4-mapped IPv4), held as two parallel
 * {@code long[]} tables with open addressing and linear probing. Adding allocates nothing
 * except when the table doubles, which it does whenever it would become more than half full.
 *
 * <p>The all-zero address {@code ::} marks empty slots, so it is tracked by a separate flag.
 * Not thread-safe.
 */
public final class AddressSet {

    private static final int MIN_CAPACITY = 16;
    private static final int MAX_EXPECTED = 1 << 28;
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private long[] highs;
    private long[] lows;
    private int mask;
    private int size;
    private boolean containsZero;

    /** An empty set sized for a few addresses. */
    public AddressSet() {
        this(MIN_CAPACITY);
    }

    /** An empty set that holds {@code expected} addresses before it first grows. */
    public AddressSet(int expected) {
        int wanted = Math.min(Math.max(MIN_CAPACITY, expected), MAX_EXPECTED);
        allocate(Integer.highestOneBit(wanted * 2 - 1) << 1);
    }

    /**
     * Adds an address.
     *
     * @param high most significant 64 bits
     * @param low least significant 64 bits
     * @return whether the address was not in the set before
     */
    public boolean add(long high, long low) {
        if (high == 0 && low == 0) {
            boolean added = !containsZero;
            containsZero = true;
            size += added ? 1 : 0;
            return added;
        }
        int slot = find(highs, lows, mask, high, low);
        if (highs[slot] != 0 || lows[slot] != 0) {
            return false;
        }
        highs[slot] = high;
        lows[slot] = low;
        size++;
        if (size * 2 > highs.length) {
            grow();
        }
        return true;
    }

    /** Whether the address is in the set. */
    public boolean contains(long high, long low) {
        if (high == 0 && low == 0) {
            return containsZero;
        }
        int slot = find(highs, lows, mask, high, low);
        return highs[slot] != 0 || lows[slot] != 0;
    }

    /** Number of distinct addresses added since creation or the last {@link #clear()}. */
    public int size() {
        return size;
    }

    /** Empties the set, keeping its current table size. */
    public void clear() {
        Arrays.fill(highs, 0);
        Arrays.fill(lows, 0);
        size = 0;
        containsZero = false;
    }

    /** The slot holding the address, or the empty slot where it would go. */
    private static int find(long[] highs, long[] lows, int mask, long high, long low) {
        int slot = hash(high, low) & mask;
        while ((highs[slot] != 0 || lows[slot] != 0)
                && (highs[slot] != high || lows[slot] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hash(long high, long low) {
        long mixed = (high * GOLDEN_GAMMA ^ low) * GOLDEN_GAMMA;
        return (int) (mixed ^ mixed >>> 32);
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        allocate(oldHighs.length * 2);
        for (int i = 0; i < oldHighs.length; i++) {
            if (oldHighs[i] != 0 || oldLows[i] != 0) {
                int slot = find(highs, lows, mask, oldHighs[i], oldLows[i]);
                highs[slot] = oldHighs[i];
                lows[slot] = oldLows[i];
            }
        }
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        mask = capacity - 1;
    }
}
