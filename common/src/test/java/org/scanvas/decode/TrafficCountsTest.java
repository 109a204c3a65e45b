package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficCountsTest {

    @Test
    void countsEachClassApart() {
        TrafficCounts counts = new TrafficCounts();

        counts.add(TrafficClass.TCP4);
        counts.add(TrafficClass.TCP4);
        counts.add(TrafficClass.MALFORMED);

        assertThat(counts.count(TrafficClass.TCP4)).isEqualTo(2);
        assertThat(counts.count(TrafficClass.MALFORMED)).isEqualTo(1);
    }

    @Test
    void sumsOnlyProbeClassesAsProbes() {
        TrafficCounts counts = new TrafficCounts();
        for (TrafficClass trafficClass : TrafficClass.values()) {
            counts.add(trafficClass);
        }

        long probes = counts.probes();

        assertThat(probes).isEqualTo(4);
        assertThat(counts.total()).isEqualTo(7);
    }

    @Test
    void mergesAnotherCounter() {
        TrafficCounts counts = new TrafficCounts();
        TrafficCounts other = new TrafficCounts();
        counts.add(TrafficClass.UDP6);
        other.add(TrafficClass.UDP6);
        other.add(TrafficClass.BACKSCATTER);

        counts.add(other);

        assertThat(counts.count(TrafficClass.UDP6)).isEqualTo(2);
        assertThat(counts.count(TrafficClass.BACKSCATTER)).isEqualTo(1);
    }

    @Test
    void startsOverOnReset() {
        TrafficCounts counts = new TrafficCounts();
        counts.add(TrafficClass.OTHER);

        counts.reset();

        assertThat(counts.total()).isZero();
    }
}
