package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's refill after each hand-off — the 2021 formula {@code max(0, int(max(1, assigned × preboot_number)
 * − unassigned))}, or the top-up to {@code local.prewarmed}, whichever is more — and {@code GET /admin/pool},
 * which shows the pool's size and the prewarmed hit ratio.
 */
@Timeout(60)
class PoolRefillTest {

    @ParameterizedTest(name = "assigned {0} × {1} with {2} unassigned: {3} new")
    @CsvSource({
            "0, 0.0, 0, 1",     // at least one warm container
            "1, 0.0, 0, 1",
            "7, 0.0, 0, 1",
            "7, 0.0, 1, 0",
            "7, 0.0, 3, 0",     // never negative
            "10, 0.5, 2, 3",
            "10, 0.5, 5, 0",
            "3, 0.5, 0, 1",     // max(1, 1.5) = 1.5 → int(1.5) = 1
            "3, 0.5, 1, 0",     // int(0.5) = 0
            "4, 2.0, 1, 7",
            "1, 2.5, 0, 2",     // int(2.5) = 2
            "0, 2.5, 0, 1"})
    void theRefillIsThe2021Formula(int assigned, double prebootNumber, int unassigned, int expected) {
        assertThat(ContainerPool.refill(assigned, prebootNumber, unassigned)).isEqualTo(expected);
    }

    @Test
    void withoutAnInitialPoolHandOffsRefillByTheFormulaAndThePoolSaysWhatItHandedOut() {
        try (ApiClient api = ApiClient.start(Map.of("local.prewarmed", "0", "local.prebootNumber", "2",
                "local.prewarmDelay", "0ms"))) {
            assertThat(region(api, "ap-south-1").path("free").asInt()).isZero();

            api.handOff("ap-south-1");
            JsonNode afterSpinUp = region(api, "ap-south-1");
            assertThat(afterSpinUp.path("spin_ups").asInt()).isEqualTo(1);
            assertThat(afterSpinUp.path("held").asInt()).isEqualTo(1);
            assertThat(afterSpinUp.path("free").asInt()).as("max(1, 1 × 2) − 0").isEqualTo(2);

            api.handOff("ap-south-1");
            JsonNode afterHit = region(api, "ap-south-1");
            assertThat(afterHit.path("prewarmed_hits").asInt()).isEqualTo(1);
            assertThat(afterHit.path("held").asInt()).isEqualTo(2);
            assertThat(afterHit.path("free").asInt()).as("1 left + max(1, 2 × 2) − 1").isEqualTo(4);

            JsonNode pool = api.get("/admin/pool", api.admin).json();
            assertThat(pool.path("prewarmed").asInt()).isZero();
            assertThat(pool.path("preboot_number").asDouble()).isEqualTo(2.0);
            assertThat(pool.path("prewarmed_hits").asInt()).isEqualTo(1);
            assertThat(pool.path("spin_ups").asInt()).isEqualTo(1);
            assertThat(pool.path("prewarmed_hit_ratio").asDouble()).isEqualTo(0.5);
            assertThat(pool.path("free").asInt()).isEqualTo(4);
            assertThat(pool.path("regions")).hasSize(8);
        }
    }

    @Test
    void withTheDefaultPrebootNumberAnEmptyRegionGetsOneWarmContainer() {
        try (ApiClient api = ApiClient.start(Map.of("local.prewarmed", "0", "local.prewarmDelay", "0ms"))) {
            assertThat(api.get("/admin/pool", api.admin).json().path("prewarmed_hit_ratio").isNull()).isTrue();

            api.handOff("eu-central-1");
            api.handOff("eu-central-1");

            JsonNode region = region(api, "eu-central-1");
            assertThat(region.path("spin_ups").asInt()).isEqualTo(1);
            assertThat(region.path("prewarmed_hits").asInt()).isEqualTo(1);
            assertThat(region.path("free").asInt()).isEqualTo(1);
        }
    }

    @Test
    void thePoolIsAdminOnly() {
        try (ApiClient api = ApiClient.start()) {
            String user = ApiClient.newUsername("pool");
            String own = api.register(user);
            assertThat(api.get("/admin/pool", own).status()).isEqualTo(401);
            assertThat(api.get("/admin/pool", null).status()).isEqualTo(401);
        }
    }

    private static JsonNode region(ApiClient api, String region) {
        for (JsonNode pool : api.get("/admin/pool", api.admin).json().path("regions")) {
            if (pool.path("region").asText().equals(region)) {
                assertThat(pool.path("cluster").asText()).isEqualTo("fractal-local-" + region);
                return pool;
            }
        }
        throw new AssertionError("no pool for " + region);
    }
}
