package co.fractal.loadtest.localserver;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed-window limit of requests per minute per client address, as Flask-Limiter applied it in 2021: past
 * the limit, requests are refused until the minute that began with the address's first request is over.
 */
final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    /** One address's current window. */
    private static final class Window {
        long startedAt;
        int count;
    }

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<InetAddress, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param perMinute requests allowed per minute and address; 0 allows everything
     * @param nanoTime  the clock, {@link System#nanoTime()} outside tests
     */
    RateLimiter(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** 429 with {@code Retry-After} when the address has used up this minute's requests. */
    void admit(InetAddress address, String what) {
        if (perMinute == 0) {
            return;
        }
        Window window = windows.computeIfAbsent(address, a -> new Window());
        long now = nanoTime.getAsLong();
        long waitNanos;
        synchronized (window) {
            if (window.count == 0 || now - window.startedAt >= MINUTE_NANOS) {
                window.startedAt = now;
                window.count = 0;
            }
            if (++window.count <= perMinute) {
                return;
            }
            waitNanos = window.startedAt + MINUTE_NANOS - now;
        }
        int seconds = (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        throw new ApiException(Response.TOO_MANY_REQUESTS, what + " is limited to " + perMinute
                + " requests per minute per client address; retry in " + seconds + " s", seconds);
    }
}
