package org.scanvas.live;

/**
 * Receives captured frames from a {@link PcapCaptureLoop}, on the capture thread.
 */
public interface FrameHandler {

    /**
     * One captured frame. The array is the loop's (or libpcap's): read it during the call,
     * never keep it.
     *
     * @param frame the captured bytes, from index 0
     * @param capturedLength bytes of {@code frame} that were captured
     * @param originalLength bytes the packet had on the wire
     * @param timestampNanos capture time, nanoseconds since the Unix epoch
     */
    void onFrame(byte[] frame, int capturedLength, int originalLength, long timestampNanos);

    /** Called when the read timeout passed with no packet; a chance for periodic work. */
    default void onIdle() {
    }
}
