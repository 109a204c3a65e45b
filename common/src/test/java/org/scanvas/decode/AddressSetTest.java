package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressSetTest {

    @Test
    void reportsWhetherAnAddressIsNew() {
        AddressSet set = new AddressSet();

        boolean first = set.add(0x2001_0DB8_0000_0000L, 1);
        boolean second = set.add(0x2001_0DB8_0000_0000L, 1);

        assertThat(new boolean[] {first, second}).containsExactly(true, false);
    }

    @Test
    void keepsAddressesThatDifferOnlyInOneHalfApart() {
        AddressSet set = new AddressSet();

        set.add(1, 7);
        set.add(2, 7);
        set.add(1, 8);

        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void countsTheAllZeroAddressOnce() {
        AddressSet set = new AddressSet();

        set.add(0, 0);
        set.add(0, 0);

        assertThat(set.size()).isEqualTo(1);
        assertThat(set.contains(0, 0)).isTrue();
    }

    @Test
    void agreesWithHashSetAcrossManyGrowths() {
        AddressSet set = new AddressSet(1);
        Set<String> reference = new HashSet<>();
        Random random = new Random(42);

        for (int i = 0; i < 100_000; i++) {
            long high = random.nextInt(4);
            long low = IpAddresses.ipv4MappedLow(random.nextInt(50_000));
            boolean added = set.add(high, low);
            assertThat(added).isEqualTo(reference.add(high + "/" + low));
        }

        assertThat(set.size()).isEqualTo(reference.size());
    }

    @Test
    void forgetsEverythingOnClear() {
        AddressSet set = new AddressSet();
        set.add(3, 4);

        set.clear();

        assertThat(set.size()).isZero();
        assertThat(set.contains(3, 4)).isFalse();
    }
}
