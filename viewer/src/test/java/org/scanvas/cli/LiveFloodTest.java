package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.TrafficClass;
import org.scanvas.live.CidrRange;
import org.scanvas.live.LiveCaptureOptions;
import org.scanvas.live.LiveCounters;
import org.scanvas.live.LiveSource;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.plot.ProbeCapture;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.window.FeedPump;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A flood on the live path: tcpreplay, at top speed from a namespace of this test's own,
 * sends probes over a veth pair to its end in this namespace (no address, no ARP, no IPv6 on
 * either end, so that nothing else crosses it; the host drops the frames, which are addressed
 * to no one), where a {@link LiveSource}
 * captures them into a small ring drained by the window's {@link FeedPump}. Half of them come
 * from an excluded range. Every packet libpcap delivered is accounted for exactly: received =
 * plotted + excluded + other + malformed + dropped at the ring.
 */
@ExtendWith(ApplicationExtension.class)
class LiveFloodTest {

    private static final int RING_SLOTS = 1024;
    private static final int DISTINCT_PROBES = 600;
    private static final int LOOPS = 150;

    @TempDir
    Path temp;

    private final ProbeRing ring = new ProbeRing(RING_SLOTS);
    private final ProbeStore store = new ProbeStore(ProbeStore.SEGMENT_SIZE);
    private final String suffix = String.format("%05x",
            ThreadLocalRandom.current().nextInt(1 << 20));
    private final String namespace = "lfn" + suffix;
    private final String captureEnd = "lfc" + suffix;
    private final String sendEnd = "lfs" + suffix;
    private PlotView view;
    private boolean linkMade;

    @Start
    void start(Stage stage) {
        view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void deleteTheLink() throws IOException {
        if (linkMade) {
            try {
                run("ip", "link", "delete", captureEnd);
            } finally {
                run("ip", "netns", "delete", namespace);
            }
            assertThat(run("ip", "-o", "link", "show")).doesNotContain(captureEnd);
        }
    }

    @Test
    void accountsForEveryPacketOfAFloodOnTheLivePath() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && toolRuns("ip", "-V"),
                "needs root and ip(8) to build a veth pair");
        assumeTrue(toolRuns("tcpreplay", "--version"), "tcpreplay is not installed");
        Path capture = ProbeCapture.write(temp.resolve("flood.pcap"), probes());
        makeTheLink();
        LiveSource source = new LiveSource(LiveCaptureOptions.defaults(captureEnd)
                .withExcluded(List.of(CidrRange.parse("192.0.2.0/24"))), ring);
        source.open();
        Thread capturing = new Thread(source, "live-flood-capture");
        capturing.start();
        FxPlatform.call(() -> {
            new FeedPump(ring, store, view, new LiveStatus(source, null, null)).start();
            return null;
        });

        long sent = replay(capture);
        waitUntilSettled(source);
        source.stop();
        capturing.join(TimeUnit.SECONDS.toMillis(10));

        LiveCounters counters = source.counters();
        long plotted = FxPlatform.call(
                () -> store.probeCount() + store.count(TrafficClass.BACKSCATTER));
        long unplotted = FxPlatform.call(
                () -> store.count(TrafficClass.OTHER) + store.count(TrafficClass.MALFORMED));
        assertThat(plotted + unplotted + counters.excluded() + counters.ringDrops())
                .as("plotted %d + other and malformed %d + excluded %d + ring drops %d"
                        + " (sent %d, kernel drops %d)", plotted, unplotted, counters.excluded(),
                        counters.ringDrops(), sent, counters.kernelDrops())
                .isEqualTo(counters.received());
        assertThat(counters.received() + counters.kernelDrops()).isLessThanOrEqualTo(sent);
        assertThat(counters.excluded()).isPositive();
        assertThat(plotted).isPositive();
    }

    /** IPv4 probes from 192.0.2.1 (to be excluded) and IPv6 ones from 2001:db8::1, in turn. */
    private static List<Probe> probes() {
        TrafficClass[] classes = {
            TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6,
        };
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < DISTINCT_PROBES; i++) {
            probes.add(new Probe(classes[i % classes.length], i / 100, 1 + i * 31 % 65535, 0));
        }
        return probes;
    }

    private void makeTheLink() throws IOException {
        run("ip", "netns", "add", namespace);
        linkMade = true;
        run("ip", "link", "add", captureEnd, "type", "veth", "peer", "name", sendEnd);
        run("ip", "link", "set", sendEnd, "netns", namespace);
        run("sysctl", "-qw", "net.ipv6.conf." + captureEnd + ".disable_ipv6=1");
        run("ip", "link", "set", captureEnd, "arp", "off");
        run("ip", "link", "set", captureEnd, "up");
        run("ip", "netns", "exec", namespace, "sysctl", "-qw",
                "net.ipv6.conf." + sendEnd + ".disable_ipv6=1");
        run("ip", "-n", namespace, "link", "set", sendEnd, "arp", "off");
        run("ip", "-n", namespace, "link", "set", sendEnd, "up");
    }

    /** Runs a command, returns its standard output; fails on a non-zero exit. */
    private static String run(String... command) throws IOException {
        try {
            return DarkNet.Run.of(180, List.of(command)).requireSuccess().out();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Sends the capture {@link #LOOPS} times at top speed; returns what tcpreplay sent. */
    private long replay(Path capture) throws IOException {
        String output = run("ip", "netns", "exec", namespace, "tcpreplay", "-q",
                "--topspeed", "--loop=" + LOOPS, "-i", sendEnd, capture.toString());
        Matcher actual = Pattern.compile("Actual: (\\d+) packets").matcher(output);
        assertThat(actual.find()).as("tcpreplay said: " + output).isTrue();
        return Long.parseLong(actual.group(1));
    }

    /**
     * Waits until the capture has taken in what arrived (its count still for half a second)
     * and the window has drained the ring.
     */
    private void waitUntilSettled(LiveSource source) throws Exception {
        long[] last = {-1, System.nanoTime()};
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            long received = source.counters().received();
            long now = System.nanoTime();
            if (received != last[0]) {
                last[0] = received;
                last[1] = now;
            }
            return now - last[1] >= TimeUnit.MILLISECONDS.toNanos(500) && ring.backlog() == 0;
        });
    }

    private static boolean toolRuns(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
