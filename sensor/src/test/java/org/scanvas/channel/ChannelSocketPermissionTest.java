package org.scanvas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may open the channel: the sensor's user, or a group it names, and nobody else. The
 * other user is real: {@code nobody}, switched to with setpriv(1), connecting with Python's
 * socket module, an independent client.
 */
class ChannelSocketPermissionTest {

    private static final String CONNECT = "import socket, sys\n"
            + "s = socket.socket(socket.AF_UNIX)\n"
            + "try:\n"
            + "    s.connect(sys.argv[1]); print('connected')\n"
            + "except PermissionError: print('permission denied')\n";

    private static final String PYTHON = "/usr/bin/python3";

    private Path base;
    private ProbeChannelServer server;

    /** A directory anyone may pass through, so only the sensor's own modes keep users out. */
    @BeforeEach
    void makeAnOpenBaseDirectory() throws IOException {
        base = Files.createTempDirectory("scanvas-perm");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stopServerAndDeleteBase() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> tree = Files.walk(base)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void makesTheDirectoryAndSocketOwnerOnly() throws IOException {
        server = serve(null);

        assertThat(mode(base.resolve("scanvas"))).isEqualTo("rwx------");
        assertThat(mode(server.socket())).isEqualTo("rw-------");
    }

    @Test
    void opensDirectoryAndSocketToTheNamedGroup() throws IOException {
        String group = otherGroup();

        server = serve(group);

        assertThat(mode(base.resolve("scanvas"))).isEqualTo("rwxr-x---");
        assertThat(mode(server.socket())).isEqualTo("rw-rw----");
        assertThat(Files.getAttribute(server.socket(), "posix:group").toString())
                .isEqualTo(group);
    }

    @Test
    void refusesAnotherUser() throws IOException {
        assumeOtherUserAvailable();
        server = serve(null);

        String answer = asNobody("nogroup", PYTHON, "-c", CONNECT,
                server.socket().toString());

        assertThat(answer).isEqualTo("permission denied");
    }

    @Test
    void letsAMemberOfTheNamedGroupConnect() throws IOException {
        assumeOtherUserAvailable();
        server = serve("nogroup");

        String answer = asNobody("nogroup", PYTHON, "-c", CONNECT,
                server.socket().toString());

        assertThat(answer).isEqualTo("connected");
    }

    @Test
    void tellsAnotherUserWhatToDoInsteadOfAStackTrace() throws IOException {
        assumeOtherUserAvailable();
        server = serve(null);
        Path classPath = AttachAttempt.classPathFor(base);

        String answer = asNobody("nogroup", AttachAttempt.java(), "-cp", classPath.toString(),
                AttachAttempt.class.getName(), server.socket().toString());

        assertThat(answer).startsWith("permission denied: " + server.socket())
                .contains("--serve-group GROUP").doesNotContain("Exception");
    }

    private ProbeChannelServer serve(String group) {
        ProbeChannelServer started = new ProbeChannelServer(
                base.resolve("scanvas").resolve("sensor.sock"), group, "test",
                () -> SensorCounters.NONE, 64);
        started.start();
        return started;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** A group other than this user's own when root may pick one, else this user's own. */
    private String otherGroup() throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            return "nogroup";
        }
        return Files.getAttribute(base, "posix:group").toString();
    }

    private static void assumeOtherUserAvailable() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to run a client as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv(1)");
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "needs python3");
    }

    /** Runs a command as user nobody with only {@code group}, returns its trimmed output. */
    private static String asNobody(String group, String... command) throws IOException {
        String[] full = new String[command.length + 5];
        full[0] = "setpriv";
        full[1] = "--reuid=nobody";
        full[2] = "--regid=" + group;
        full[3] = "--clear-groups";
        full[4] = "--";
        System.arraycopy(command, 0, full, 5, command.length);
        return TestNamespace.run(full).trim();
    }
}
