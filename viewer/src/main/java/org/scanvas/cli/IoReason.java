package org.scanvas.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says in a few words why a file operation failed. NIO's exceptions carry the file name as
 * their message and the reason in their class (or in {@link FileSystemException#getReason()}),
 * so a message built from {@code getMessage()} alone repeats the name and omits the why.
 */
final class IoReason {

    private IoReason() {
    }

    /** The reason, lower case, such as "no such file or directory" or "permission denied". */
    static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists and is not a directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
