package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;

/** A live window names each kind of loss apart, with the counts its source reports. */
@ExtendWith(ApplicationExtension.class)
class LiveStatusLineTest {

    @Test
    void namesKernelInterfaceRingAndChannelDropsAndTheExcluded() {
        ProbeRing ring = new ProbeRing(2);
        fillAndOverflow(ring, 5);
        ProbeStore store = new ProbeStore(1000);

        String line = FxPlatform.call(() -> new FeedPump(ring, store,
                new PlotView(store, ZoneId.of("UTC")), new RemoteSensor(-1)).statusLine());

        // ring: the sensor's 5 and this window's own 3 (5 offered to 2 slots)
        assertThat(line).contains("drops: kernel 7  interface n/a  ring 8  channel 3"
                + "  |  excluded 11  |  history 40%");
    }

    @Test
    void showsInterfaceDropsWhenTheSystemCountsThem() {
        ProbeRing ring = new ProbeRing(2);
        ProbeStore store = new ProbeStore(1000);

        String line = FxPlatform.call(() -> new FeedPump(ring, store,
                new PlotView(store, ZoneId.of("UTC")), new RemoteSensor(1234)).statusLine());

        assertThat(line).contains("interface 1,234  ring 5");
    }

    /** Publishes {@code count} packets with tryClaim into a ring nobody drains. */
    private static void fillAndOverflow(ProbeRing ring, int count) {
        for (int i = 0; i < count; i++) {
            long sequence = ring.tryClaim();
            if (sequence != ProbeRing.FULL) {
                ring.publish(sequence);
            }
        }
    }

    /** A sensor elsewhere that lost 7 in the kernel, 5 in its ring and 3 on the channel. */
    private record RemoteSensor(long interfaceDrops) implements FeedStatus {
        @Override
        public String sourceName() {
            return "eth1 via sensor.sock";
        }

        @Override
        public long packetsRead() {
            return 100;
        }

        @Override
        public long droppedPackets() {
            return 0;
        }

        @Override
        public boolean finished() {
            return false;
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public long kernelDrops() {
            return 7;
        }

        @Override
        public long upstreamRingDrops() {
            return 5;
        }

        @Override
        public long channelDrops() {
            return 3;
        }

        @Override
        public long excluded() {
            return 11;
        }

        @Override
        public String phase() {
            return "history 40%";
        }
    }
}
