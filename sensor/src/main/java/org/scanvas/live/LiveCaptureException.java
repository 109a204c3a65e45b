package org.scanvas.live;

/**
 * Live capture could not start or went on no longer. The message is written for the user: it
 * names the interface and says what to do (grant a capability, install libpcap, fix a filter).
 */
public final class LiveCaptureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why capture failed, for callers that react differently to each. */
    public enum Reason {
        /** This user may not capture on the interface. */
        PERMISSION,
        /** libpcap (or Npcap) could not be loaded. */
        NO_LIBPCAP,
        /** The interface does not exist or is not usable. */
        NO_SUCH_INTERFACE,
        /** The BPF filter did not compile. */
        BAD_FILTER,
        /** Anything else libpcap reported. */
        CAPTURE_FAILED
    }

    private final Reason reason;

    /** A failure with a message for the user. */
    public LiveCaptureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why capture failed. */
    public Reason reason() {
        return reason;
    }
}
