package co.fractal.loadtest.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A shard's slice of the users is Gatling's own split: contiguous, disjoint, covering, sizes at most one apart. */
class ShardTest {

    @Test
    void everySliceIsTheOneGatlingsShardGives() {
        for (int total = 0; total <= 300; total++) {
            for (int count = 1; count <= 16; count++) {
                for (int index = 0; index < count; index++) {
                    io.gatling.core.util.Shard gatling = io.gatling.core.util.Shard.shard(total, index, count);
                    Shard.Slice ours = new Shard(index, count).slice(total);
                    assertThat(ours).as("%d users, shard %d/%d", total, index, count)
                            .isEqualTo(new Shard.Slice(gatling.offset(), gatling.length()));
                }
            }
        }
    }

    @Test
    void theSlicesOfARunAreContiguousDisjointCoverItAndDifferByAtMostOne() {
        for (int total : new int[]{1, 7, 10, 999, 1_000_000}) {
            for (int count : new int[]{1, 2, 3, 7, 100, 1000}) {
                int next = 0, smallest = Integer.MAX_VALUE, largest = 0;
                for (int index = 0; index < count; index++) {
                    Shard.Slice slice = new Shard(index, count).slice(total);
                    assertThat(slice.first()).isEqualTo(next);
                    next += slice.size();
                    smallest = Math.min(smallest, slice.size());
                    largest = Math.max(largest, slice.size());
                }
                assertThat(next).as("%d users over %d shards", total, count).isEqualTo(total);
                assertThat(largest - smallest).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aShardInjectsItsSliceAtItsShareOfTheRate() {
        LoadShape run = new LoadShape(Profile.WEEKLY, 10, 10);

        LoadShape first = new Shard(0, 3).share(run);
        LoadShape last = new Shard(2, 3).share(run);

        assertThat(first.users()).isEqualTo(4);
        assertThat(first.spawnRate()).isEqualTo(4.0);
        assertThat(last.users()).isEqualTo(3);
        assertThat(last.spawnRate()).isEqualTo(3.0);
        assertThat(first.injectionTime()).isEqualTo(run.injectionTime());
    }

    @Test
    void onlyIndexSlashCountWithinBoundsIsAShard() {
        assertThat(Shard.parse("2/3")).contains(new Shard(2, 3));
        assertThat(Shard.parse("0/1")).contains(new Shard(0, 1));
        for (String bad : new String[]{"3/3", "-1/3", "1/0", "1", "1/3/5", "a/b", "0/1001", " "}) {
            assertThat(Shard.parse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> new Shard(3, 3)).hasMessageContaining("expected <index>/<count>");
    }
}
