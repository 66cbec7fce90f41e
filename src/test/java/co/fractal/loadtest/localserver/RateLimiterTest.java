package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The per-address fixed-window limit, on a clock the test moves. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(2, now::get);

    @Test
    void refusesPastTheLimitUntilTheMinuteIsOverWithTheSecondsLeft() throws Exception {
        InetAddress client = InetAddress.getByName("127.0.0.1");
        limiter.admit(client, "assign");
        now.addAndGet(10_000_000_000L);
        limiter.admit(client, "assign");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> limiter.admit(client, "assign"));
        assertThat(refused.status().code()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo(50);
        assertThat(refused.getMessage()).contains("assign").contains("2 requests per minute");

        now.addAndGet(49_500_000_000L);
        assertThat(catchThrowableOfType(ApiException.class, () -> limiter.admit(client, "assign")).retryAfter()).isEqualTo(1);
        now.addAndGet(500_000_000L);
        limiter.admit(client, "assign");
    }

    @Test
    void eachAddressHasItsOwnBudgetAndZeroMeansNoLimit() throws Exception {
        InetAddress one = InetAddress.getByName("127.0.0.1");
        InetAddress two = InetAddress.getByName("127.0.0.2");
        limiter.admit(one, "assign");
        limiter.admit(one, "assign");

        limiter.admit(two, "assign");
        RateLimiter off = new RateLimiter(0, now::get);
        for (int i = 0; i < 1000; i++) {
            off.admit(one, "assign");
        }
    }
}
