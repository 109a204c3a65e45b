package org.scanvas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.ring.ProbeRing;

/** What a viewer says when it cannot attach: each message says what to do. */
class ProbeChannelClientTest {

    private final ProbeRing ring = new ProbeRing(16);

    @Test
    void saysHowToStartASensorWhenNoSocketIsThere(@TempDir Path run) {
        Path missing = run.resolve("sensor.sock");

        assertThatThrownBy(() -> ProbeChannelClient.connect(missing, ring))
                .isInstanceOf(ChannelException.class)
                .hasMessageStartingWith("no sensor at " + missing)
                .hasMessageContaining("scanvas sensor -i IFACE");
    }

    @Test
    void recognisesASocketLeftOverByAStoppedSensor(@TempDir Path run) throws IOException {
        Path stale = run.resolve("sensor.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(stale)).close();

        assertThatThrownBy(() -> ProbeChannelClient.connect(stale, ring))
                .hasMessageContaining("left over from a sensor that stopped");
    }

    @Test
    void refusesASensorOfAnotherChannelVersion(@TempDir Path run) throws Exception {
        Path socket = run.resolve("sensor.sock");
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<Void> hello = CompletableFuture.runAsync(() -> sendHello(fake, 9));

            assertThatThrownBy(() -> ProbeChannelClient.connect(socket, ring))
                    .hasMessageContaining("speaks channel version 9")
                    .hasMessageContaining("run the same Scanvas release on both sides");
            hello.join();
        }
    }

    @Test
    void takesOverASocketLeftOverByAStoppedSensor(@TempDir Path run) throws IOException {
        Path stale = run.resolve("s").resolve("sensor.sock");
        Files.createDirectories(stale.getParent());
        ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(stale)).close();
        ProbeChannelServer server = new ProbeChannelServer(stale, "lo", () -> SensorCounters.NONE);

        server.start();

        try (ProbeChannelClient client = ProbeChannelClient.connect(stale, ring)) {
            assertThat(client.sourceName()).isEqualTo("lo");
        } finally {
            server.close();
        }
    }

    private static void sendHello(ServerSocketChannel fake, int version) {
        try (SocketChannel viewer = fake.accept()) {
            ByteBuffer hello = ByteBuffer.allocate(ChannelLayout.FRAME_BYTES)
                    .order(ChannelLayout.ORDER);
            ChannelLayout.writeHello(hello, 0, 250, 0, "future");
            hello.putShort(8, (short) version);
            viewer.write(hello);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
