package org.scanvas.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scanvas.decode.IpAddresses;

/**
 * Probes per source address inside a selection, with the port range and the first and last
 * time seen: an open-addressing hash on the 128-bit address in parallel primitive arrays, so
 * tallying millions of probes boxes nothing.
 */
final class SourceTally {

    private long[] highs;
    private long[] lows;
    private long[] probes;
    private int[] lowPorts;
    private int[] highPorts;
    private long[] firsts;
    private long[] lasts;
    private int size;

    SourceTally() {
        allocate(64);
    }

    private void allocate(int slots) {
        highs = new long[slots];
        lows = new long[slots];
        probes = new long[slots];
        lowPorts = new int[slots];
        highPorts = new int[slots];
        firsts = new long[slots];
        lasts = new long[slots];
    }

    /** Counts one probe of a source. */
    void add(long high, long low, int port, long timeNanos) {
        int slot = slotOf(high, low);
        if (probes[slot] == 0) {
            highs[slot] = high;
            lows[slot] = low;
            lowPorts[slot] = port;
            highPorts[slot] = port;
            firsts[slot] = timeNanos;
            lasts[slot] = timeNanos;
            size++;
        } else {
            lowPorts[slot] = Math.min(lowPorts[slot], port);
            highPorts[slot] = Math.max(highPorts[slot], port);
            firsts[slot] = Math.min(firsts[slot], timeNanos);
            lasts[slot] = Math.max(lasts[slot], timeNanos);
        }
        probes[slot]++;
        if (size * 2 > highs.length) {
            grow();
        }
    }

    private int slotOf(long high, long low) {
        int mask = highs.length - 1;
        long mixed = high * 0x9E3779B97F4A7C15L ^ low * 0xC2B2AE3D27D4EB4FL;
        int slot = (int) (mixed ^ mixed >>> 31) & mask;
        while (probes[slot] != 0 && (highs[slot] != high || lows[slot] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        long[] oldProbes = probes;
        int[] oldLowPorts = lowPorts;
        int[] oldHighPorts = highPorts;
        long[] oldFirsts = firsts;
        long[] oldLasts = lasts;
        allocate(oldHighs.length * 2);
        for (int old = 0; old < oldHighs.length; old++) {
            if (oldProbes[old] != 0) {
                int slot = slotOf(oldHighs[old], oldLows[old]);
                highs[slot] = oldHighs[old];
                lows[slot] = oldLows[old];
                probes[slot] = oldProbes[old];
                lowPorts[slot] = oldLowPorts[old];
                highPorts[slot] = oldHighPorts[old];
                firsts[slot] = oldFirsts[old];
                lasts[slot] = oldLasts[old];
            }
        }
    }

    /** Distinct sources counted. */
    int size() {
        return size;
    }

    /** Every source, most probes first (then by first seen), addresses formatted. */
    List<SelectionSummary.SourceRow> rows() {
        List<SelectionSummary.SourceRow> rows = new ArrayList<>(size);
        for (int slot = 0; slot < highs.length; slot++) {
            if (probes[slot] != 0) {
                rows.add(new SelectionSummary.SourceRow(
                        IpAddresses.format(highs[slot], lows[slot]), probes[slot],
                        lowPorts[slot], highPorts[slot], firsts[slot], lasts[slot]));
            }
        }
        rows.sort(Comparator.comparingLong(SelectionSummary.SourceRow::probes).reversed()
                .thenComparingLong(SelectionSummary.SourceRow::firstNanos));
        return rows;
    }
}
