package org.scanvas.channel;

/**
 * The probe channel cannot be served or attached to. The message says what went wrong and,
 * where the user can do something about it, what to do: it is meant to be shown as it is.
 */
public final class ChannelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message for the user. */
    public ChannelException(String message) {
        super(message);
    }

    /** A failure with a message for the user and its cause, for the log. */
    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
