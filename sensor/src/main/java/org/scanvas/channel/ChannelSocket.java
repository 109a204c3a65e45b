package org.scanvas.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Where the probe channel's Unix domain socket lives and who may open it.
 *
 * <p>The default socket is {@code $XDG_RUNTIME_DIR/scanvas/sensor.sock} when that variable is
 * set (a per-user directory that only its user can enter), otherwise
 * {@code /run/scanvas/sensor.sock}, where a systemd service with
 * {@code RuntimeDirectory=scanvas} puts it. The sensor creates the socket's directory itself
 * with mode 0700, or 0750 owned by a viewers' group, and sets the socket to 0600 (0660 with a
 * group). The directory is what keeps other users out: the socket file exists for a moment
 * with the umask's mode before its mode is set, but nobody else can reach it through a
 * directory they cannot enter.
 */
public final class ChannelSocket {

    /** File name of the socket inside its directory, by default. */
    public static final String FILE_NAME = "sensor.sock";

    private static final Set<PosixFilePermission> OWNER_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_DIRECTORY =
            PosixFilePermissions.fromString("rwxr-x---");
    private static final Set<PosixFilePermission> OWNER_SOCKET =
            PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_SOCKET =
            PosixFilePermissions.fromString("rw-rw----");

    private ChannelSocket() {
    }

    /** The default socket path, as described above; the same for sensor and viewer. */
    public static Path defaultPath() {
        return defaultPath(System.getenv("XDG_RUNTIME_DIR"));
    }

    /** The default socket path given the value of {@code XDG_RUNTIME_DIR} (null if unset). */
    static Path defaultPath(String runtimeDirectory) {
        if (runtimeDirectory != null && !runtimeDirectory.isBlank()) {
            return Path.of(runtimeDirectory, "scanvas", FILE_NAME);
        }
        return Path.of("/run", "scanvas", FILE_NAME);
    }

    /**
     * Creates (or takes over) the socket's directory with mode 0700, or 0750 and the group
     * when {@code group} is given. A directory that exists must belong to this user.
     *
     * @throws ChannelException when the directory cannot be made private
     */
    static void prepareDirectory(Path socket, String group) {
        Path directory = socket.toAbsolutePath().getParent();
        try {
            if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new ChannelException("cannot serve at " + socket + ": " + directory
                        + " is not a directory");
            }
            UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(me)) {
                throw new ChannelException("cannot serve at " + socket + ": " + directory
                        + " belongs to " + owner.getName() + ", not to " + me.getName()
                        + "; name a socket in a directory of your own with --serve PATH");
            }
            restrict(directory, group, OWNER_DIRECTORY, GROUP_DIRECTORY);
        } catch (IOException e) {
            throw new ChannelException("cannot serve at " + socket + ": cannot prepare "
                    + directory + " (" + describe(e) + ")", e);
        }
    }

    /** Sets the bound socket file to 0600, or 0660 and the group when one is given. */
    static void restrictSocket(Path socket, String group) {
        try {
            restrict(socket, group, OWNER_SOCKET, GROUP_SOCKET);
        } catch (IOException e) {
            throw new ChannelException("cannot restrict " + socket + " (" + describe(e) + ")", e);
        }
    }

    private static void restrict(Path path, String group, Set<PosixFilePermission> ownerOnly,
            Set<PosixFilePermission> withGroup) throws IOException {
        // Following links: with NOFOLLOW_LINKS the JDK opens the file to change its mode, and
        // a socket cannot be opened. Both paths lie in a directory only this user can change.
        PosixFileAttributeView view = Files.getFileAttributeView(path,
                PosixFileAttributeView.class);
        if (group == null) {
            view.setPermissions(ownerOnly);
            return;
        }
        GroupPrincipal principal;
        try {
            principal = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(group);
        } catch (IOException e) {
            throw new ChannelException("no such group: " + group, e);
        }
        view.setGroup(principal);
        view.setPermissions(withGroup);
    }

    /**
     * Removes a socket left behind by a sensor that did not stop cleanly. A socket that still
     * answers belongs to a running sensor and is left alone.
     *
     * @throws ChannelException when another sensor serves there, or the path is no socket
     */
    static void removeStale(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(socket) || Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw new ChannelException("cannot serve at " + socket
                    + ": a file or directory of that name exists and is no socket");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            throw new ChannelException("cannot serve at " + socket
                    + ": another sensor is serving there");
        } catch (IOException refused) {
            delete(socket);
        }
    }

    /** Deletes the socket file, if it is there. */
    static void delete(Path socket) {
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + socket, e);
        }
    }

    /** A short reason for an I/O failure, without the exception class name. */
    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
