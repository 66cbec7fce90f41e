package co.fractal.loadtest.bench;

/**
 * What limits each row on the 2-core machine the benchmark was built on, as profiling found it (JFR execution
 * samples of each process, user/kernel CPU from /proc); the table puts the run's own CPU figures before it.
 */
final class Bottlenecks {
    static final String ROW_1 = "the load tool and the server split the 2 cores; the server's share goes mostly to loopback"
            + " socket I/O in the kernel (the same system calls the static responder makes) and Netty's HTTP/1.1 codec:"
            + " its endpoints answer from pre-rendered snapshots, a few percent of its profile";
    static final String ROW_2 = "the 2 cores, shared with the embedded webserver (its threads' share is the figure before)."
            + " A profile of the Gatling process at ~1,400 journeys/s (async-profiler, CPU): send system calls ~12%, the"
            + " wake-ups of Gatling's stats writers and of its dispatch ~22%, checks ~9%, the journey's own code ~5%. One"
            + " level higher the connections pile up within a second: latency grows, each request that finds no idle pooled"
            + " connection opens one (2 files each with the embedded webserver) until the benchmark stops the load";
    static final String ROW_3 = "the stair's top, set just below the reference webserver's capacity: its one host has 21,504"
            + " container port triples (every in-flight journey holds a container; past ~21,470 assign ends 'no capacity'). Next wall:"
            + " open files, 2 per connection with the embedded webserver; a pause (the full collection measured here) makes"
            + " Gatling open a connection per waiting poll, hence the peak of open files";
    static final String ROW_4 = "the management client: the JDK HttpClient takes ~3/4 of its profile, with 16 workers"
            + " (provision.concurrency); the reference webserver needs a fraction of a core";
    static final String ROW_5_RECORDER = "the contended size counters of the concurrent maps behind the live invariants (open"
            + " journeys, containers by id and by host:port: 6 updates per journey, about half the time in"
            + " ConcurrentHashMap.addCount); the ~10 histogram updates are cheap. Allocation: 2 evidence timestamps and"
            + " the map entries, all young garbage";
    static final String ROW_5_SUMMARY = "copies and percentiles of a fixed set of histograms: the cost follows their value"
            + " ranges, not the number of journeys";

    static final String ROW_6 = "Locust: its one Python process (a core). The simulation: Gatling's cost per virtual user and"
            + " per request — a send system call per request, and the hand-offs of every user start, request and user end"
            + " to its stats writers (thread wake-ups); the journey's own checks and steps are a few percent of its profile."
            + " Both share the 2 cores with the reference webserver";

    static final String ROW_7 = "the reference webserver's one host: 21,504 container port triples, so the stair stops at"
            + " 20,000 sessions; memory per held session (Gatling session, journey and session state, the run's ledger"
            + " entries) is what the heap figure shows";

    private Bottlenecks() {
    }
}
