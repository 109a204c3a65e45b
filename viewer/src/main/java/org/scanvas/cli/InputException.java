package org.scanvas.cli;

/** Input the user gave that a command cannot use; its message is shown as it is. */
final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
