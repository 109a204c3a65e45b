package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortTicksTest {

    private static final long START = 1_700_000_000_000_000_000L;
    private static final long END = START + 60_000_000_000L;
    private static final int SPACING = PortTicks.MIN_LABEL_SPACING;

    private static PlotAxes axes(int height, double low, double high) {
        return PlotAxes.of(1280, height, START, END).withPortRange(low, high);
    }

    @Test
    void labelsEveryHousePortOnAFullSizeUnzoomedAxis() {
        List<Integer> ports = new ArrayList<>();
        PortTicks.ticks(axes(800, 1, 65535), SPACING).forEach(tick -> ports.add(tick.port()));

        assertThat(ports).containsExactlyInAnyOrder(1, 7, 22, 53, 80, 123, 161, 443, 587,
                1024, 1433, 3306, 5000, 6881, 10000, 20000, 50000, 65535);
    }

    @ParameterizedTest
    @CsvSource({
        "300, 1, 65535", "800, 60000, 65535", "800, 20, 30", "800, 1, 4", "500, 1000, 3000",
        "1000, 65000, 65535", "200, 7, 70000",
    })
    void neverPutsTwoLabelsCloserThanTheSpacing(int height, double low, double high) {
        PlotAxes axes = axes(height, low, high);

        List<Integer> rows = new ArrayList<>();
        PortTicks.ticks(axes, SPACING).forEach(tick -> rows.add(axes.row(tick.port())));

        rows.sort(null);
        assertThat(rows).isNotEmpty().doesNotContain(-1);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i) - rows.get(i - 1)).isGreaterThanOrEqualTo(SPACING);
        }
    }

    @ParameterizedTest
    @CsvSource({"60000, 65535", "20, 30", "1000, 1200", "2, 5"})
    void fillsAZoomedAxisWithFinerTicksInsideTheRange(double low, double high) {
        PlotAxes axes = axes(800, low, high);

        List<PortTicks.Tick> ticks = PortTicks.ticks(axes, SPACING);

        assertThat(ticks).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ticks).allSatisfy(tick -> assertThat((double) tick.port())
                .isBetween(axes.lowPort() - 0.5, axes.highPort() + 0.5));
    }

    /**
     * Zoomed to about 30..6881 (ten house ports in view), the gaps between 161 and 443 and
     * below 53 get finer labels, and no two neighbouring labels lie more than six spacings
     * apart.
     */
    @Test
    void labelsTheGapsBetweenHousePortsOnAZoomedAxis() {
        PlotAxes axes = axes(800, 30, 6881);

        List<Integer> ports = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (PortTicks.Tick tick : PortTicks.ticks(axes, SPACING)) {
            ports.add(tick.port());
            rows.add(axes.row(tick.port()));
        }

        assertThat(ports).anySatisfy(port -> assertThat(port).isBetween(162, 442));
        assertThat(ports).anySatisfy(port -> assertThat(port).isBetween(30, 52));
        rows.sort(null);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i) - rows.get(i - 1)).isBetween(SPACING, 6 * SPACING);
        }
    }
}
