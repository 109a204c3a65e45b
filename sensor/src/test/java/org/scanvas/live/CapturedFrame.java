package org.scanvas.live;

import java.util.Arrays;

/** A frame copied out of a capture loop or a file reader, for comparing the two. */
record CapturedFrame(byte[] bytes, int originalLength, long timestampNanos) {

    static CapturedFrame copy(byte[] frame, int capturedLength, int originalLength,
            long timestampNanos) {
        return new CapturedFrame(Arrays.copyOf(frame, capturedLength), originalLength,
                timestampNanos);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CapturedFrame that && Arrays.equals(bytes, that.bytes)
                && originalLength == that.originalLength && timestampNanos == that.timestampNanos;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + originalLength;
    }

    @Override
    public String toString() {
        return "frame(" + bytes.length + "/" + originalLength + " bytes at " + timestampNanos + ")";
    }
}
