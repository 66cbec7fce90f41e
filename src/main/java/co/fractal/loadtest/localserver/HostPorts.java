package co.fractal.loadtest.localserver;

import java.util.BitSet;

/**
 * The ports of the one container host (127.0.0.1): each container gets three distinct ports
 * ({@code port_32262}, {@code port_32263}, {@code port_32273}) that no other existing container has. A
 * rolling cursor, starting at 32768 like Docker's ephemeral ports, hands out ports not used before, and only
 * after wrapping around reuses freed ones. Under the state lock.
 */
final class HostPorts {
    static final int FIRST_PORT = 1024;
    /** Port triples between 1024 and 65535. */
    static final int TRIPLES = (65536 - FIRST_PORT) / 3;

    private final BitSet used = new BitSet(TRIPLES);
    private int cursor = (32768 - FIRST_PORT) / 3;

    /** The first port of a free triple (the others follow it), or -1 when every triple is in use. */
    int allocate() {
        int slot = used.nextClearBit(cursor);
        if (slot >= TRIPLES) {
            slot = used.nextClearBit(0);
            if (slot >= TRIPLES) {
                return -1;
            }
        }
        used.set(slot);
        cursor = slot + 1;
        return FIRST_PORT + 3 * slot;
    }

    /** Frees the triple starting at {@code firstPort}. */
    void free(int firstPort) {
        used.clear((firstPort - FIRST_PORT) / 3);
    }
}
