package org.scanvas.window;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotRenderer;
import org.scanvas.plot.PlotView;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;

/**
 * Opens the live window fed with synthetic scans, for looking at the plot by eye: a port sweep
 * (a diagonal), a burst over all ports at one moment (a vertical line), steady traffic to a
 * few popular ports (horizontal bands) and background noise. Not a test; run it by hand.
 */
public final class SyntheticScanDemo {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final TrafficClass[] CLASSES = {
        TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6,
    };

    private SyntheticScanDemo() {
    }

    /**
     * Arguments: [probe count] [pause between batches in ms] opens the window;
     * {@code render OUT.png [probe count]} renders headless and prints how long a full redraw
     * took on the JavaFX thread.
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("render")) {
            render(Path.of(args[1]),
                    args.length > 2 ? Integer.parseInt(args[2]) : 100_000);
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 20;
        ProbeRing ring = new ProbeRing(1 << 16);
        DemoStatus status = new DemoStatus();
        Thread producer = new Thread(() -> produce(ring, status, count, pauseMillis), "demo-feed");
        producer.setDaemon(true);
        producer.start();
        PlotWindow.showAndWait(ring, new ProbeStore(), status);
    }

    private static void produce(ProbeRing ring, DemoStatus status, int count, long pauseMillis) {
        SplittableRandom random = new SplittableRandom(7);
        long start = 1_700_000_000L * SECOND;
        long span = 3600 * SECOND;
        for (int i = 0; i < count; i++) {
            long sequence = ring.claim();
            fill(ring.slot(sequence), random, i, count, start, span);
            ring.publish(sequence);
            status.packets++;
            if (i % 2000 == 0 && pauseMillis > 0) {
                sleep(pauseMillis);
            }
        }
        status.finished = true;
    }

    private static void render(Path out, int count) throws IOException {
        ProbeStore store = new ProbeStore(Math.max(count, 1));
        DecodedPacket packet = new DecodedPacket();
        SplittableRandom random = new SplittableRandom(7);
        long start = 1_700_000_000L * SECOND;
        long span = 3600 * SECOND;
        for (int i = 0; i < count; i++) {
            fill(packet, random, i, count, start, span);
            store.append(packet);
        }
        System.out.printf("stored %d probes in %d bytes: %.1f bytes per probe%n", store.size(),
                store.memoryBytes(), store.memoryBytes() / (double) store.size());
        long began = System.nanoTime();
        PlotRenderer.renderPng(store, start, start + span, 1280, 800,
                "synthetic scans", out);
        System.out.printf("render with toolkit start-up: %d ms%n",
                (System.nanoTime() - began) / 1_000_000);
        PlotView view = new PlotView(store, ZoneId.systemDefault(), start, start + span);
        FxPlatform.call(() -> {
            new Scene(view, 1280, 800);
            view.resize(1280, 800);
            view.layout();
            return null;
        });
        for (int round = 0; round < 5; round++) {
            boolean show = round % 2 == 0;
            long took = FxPlatform.call(() -> {
                long t = System.nanoTime();
                view.setShowBackscatter(show);
                return System.nanoTime() - t;
            });
            System.out.printf("full redraw of %d entries: %d ms%n", count, took / 1_000_000);
        }
        FxPlatform.shutdown();
    }

    private static void fill(DecodedPacket packet, SplittableRandom random, int i, int count,
            long start, long span) {
        packet.clear();
        long time = start + span * i / count;
        int port;
        TrafficClass trafficClass;
        switch (i % 4) {
            case 0 -> {
                port = 1 + (int) (65534L * ((i / 4) % 5000) / 5000);
                trafficClass = TrafficClass.TCP4;
            }
            case 1 -> {
                int[] bands = {22, 23, 80, 443, 3389, 5060, 8080};
                port = bands[random.nextInt(bands.length)];
                trafficClass = random.nextBoolean() ? TrafficClass.TCP4 : TrafficClass.UDP4;
            }
            case 2 -> {
                port = random.nextInt(65536);
                trafficClass = CLASSES[random.nextInt(CLASSES.length)];
            }
            default -> {
                if (i > count / 2 && i < count / 2 + 20_000) {
                    port = random.nextInt(1, 65536);
                    time = start + span / 2;
                    trafficClass = TrafficClass.UDP6;
                } else {
                    port = 53 + random.nextInt(2) * 70;
                    trafficClass = random.nextBoolean() ? TrafficClass.UDP4 : TrafficClass.TCP6;
                }
            }
        }
        packet.timestampNanos = time;
        packet.trafficClass = trafficClass;
        packet.ipVersion = trafficClass == TrafficClass.TCP6 || trafficClass == TrafficClass.UDP6
                ? 6 : 4;
        packet.destinationPort = port;
        packet.sourceHigh = 0xffffL;
        packet.sourceLow = 0xc6336400L | random.nextInt(256);
        packet.sourcePort = random.nextInt(1024, 65536);
        packet.ttl = 64;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class DemoStatus implements FeedStatus {
        volatile long packets;
        volatile boolean finished;

        @Override
        public String sourceName() {
            return "synthetic scans";
        }

        @Override
        public long packetsRead() {
            return packets;
        }

        @Override
        public long droppedPackets() {
            return 0;
        }

        @Override
        public boolean finished() {
            return finished;
        }
    }
}
