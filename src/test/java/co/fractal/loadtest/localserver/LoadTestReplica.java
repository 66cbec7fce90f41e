package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The load test's journeys and checks, replayed against a reference webserver: N users spawned evenly over a
 * time (all at once for the smoke profile), each assigning, polling {@code /host_service} every second,
 * handing over its token, polling {@code /status} every second, re-reading the finished task once and
 * releasing; then the teardown (release what is still held, delete every user) and the leftover check. It
 * checks what the load test checks — a container held by two users at once, a status going backwards or
 * not matching {@code /host_service}, leftovers after teardown — and records every other journey failure
 * apart, so a test can tell "caught by the checks" from "a journey failed".
 * <p>
 * A journey releases its container only once every journey's task is final. Where a fault gives two users one
 * container, the first release deletes it, and a holder whose task has not finished yet fails ("container deleted
 * before its first ping"): which of them polled first is a matter of timing, and on a loaded machine it varies. So
 * that what each task reaches follows from the server's state alone, no release comes before every task is final.
 */
final class LoadTestReplica {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_POLLS = 30;

    /** What a run found. */
    record Findings(List<String> sharedContainers, List<String> statusBreaches, List<String> leftovers,
                    List<String> journeyFailures) {
        boolean clean() {
            return sharedContainers.isEmpty() && statusBreaches.isEmpty() && leftovers.isEmpty() && journeyFailures.isEmpty();
        }
    }

    private record Hold(String user, JsonNode row) {
    }

    private final ApiClient api;
    private final String prefix = ApiClient.newUsername("replica") + "_";
    private final Map<String, Hold> byContainer = new ConcurrentHashMap<>();
    private final Map<String, Hold> byAddress = new ConcurrentHashMap<>();
    private final List<String> shared = Collections.synchronizedList(new ArrayList<>());
    private final List<String> breaches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Hold> held = Collections.synchronizedList(new ArrayList<>());

    LoadTestReplica(ApiClient api) {
        this.api = api;
    }

    /** Runs {@code users} journeys spawned evenly over {@code spawnOver}, then the teardown and its check. */
    Findings run(int users, Duration spawnOver) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            names.add(prefix + i);
            api.register(prefix + i);
        }
        ExecutorService threads = Executors.newFixedThreadPool(users);
        CountDownLatch tasksFinal = new CountDownLatch(users);
        try {
            List<Future<?>> journeys = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < users; i++) {
                String user = names.get(i);
                long spawnAt = start + spawnOver.toNanos() * i / users;
                journeys.add(threads.submit(() -> {
                    Await.pause(Duration.ofNanos(Math.max(0, spawnAt - System.nanoTime())));
                    journey(user, tasksFinal);
                    return null;
                }));
            }
            for (Future<?> journey : journeys) {
                journey.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Findings(List.copyOf(shared), List.copyOf(breaches), tearDown(names), List.copyOf(failures));
    }

    // a journey up to its task's end; then, once every journey's task is final, its release
    private void journey(String user, CountDownLatch tasksFinal) throws InterruptedException {
        Hold hold;
        try {
            hold = untilTaskFinal(user);
        } finally {
            tasksFinal.countDown();
        }
        if (hold != null) {
            tasksFinal.await();
            release(hold);
        }
    }

    /** Assign, host, token, task, confirm: the hold to release, or null when the journey ends here. */
    private Hold untilTaskFinal(String user) {
        Reply assigned = api.post("/mandelbox/assign", ApiClient.assignment(user, "us-east-1"), api.admin);
        if (assigned.status() != 202) {
            failures.add(user + ": assign " + assigned);
            return null;
        }
        String task = assigned.text("ID");
        Reply host = poll(() -> api.hostInfo(user), r -> r.text("ip") != null || !"200".equals(String.valueOf(r.status())));
        if (host == null || host.text("ip") == null) {
            failures.add(user + ": no host, last " + host);
            return null;
        }
        Reply token = api.handOver(user, host);
        if (token.status() / 100 != 2) {
            failures.add(user + ": token " + token);
            return null;
        }
        String[] lastState = {null};
        Reply done = poll(() -> api.status(task), r -> {
            String state = r.text("state");
            if (lastState[0] != null && rank(state) < rank(lastState[0])) {
                breaches.add(user + ": went from " + lastState[0] + " back to " + state);
            }
            lastState[0] = state;
            return rank(state) == 2;
        });
        if (done == null || !"SUCCESS".equals(done.text("state"))) {
            failures.add(user + ": task " + done);
            return null;
        }
        JsonNode row = done.json().path("output");
        String address = address(row);
        String announced = host.text("ip") + ":" + host.json().path("port").asInt();
        if (!address.equals(announced) || !user.equals(row.path("user_id").asText())) {
            breaches.add(user + ": SUCCESS with " + address + " of " + row.path("user_id").asText() + ", /host_service gave " + announced);
            held.add(new Hold(user, row));
            return null;
        }
        if (!acquire(user, row, address)) {
            return null;
        }
        Reply confirm = api.status(task);
        if (!"SUCCESS".equals(confirm.text("state"))
                || !row.path("container_id").equals(confirm.json().path("output").path("container_id"))) {
            breaches.add(user + ": finished task re-read as " + confirm);
            return null;
        }
        return new Hold(user, row);
    }

    private void release(Hold hold) {
        JsonNode row = hold.row();
        Reply released = api.releaseContainer(row);
        if (released.status() / 100 != 2) {
            failures.add(hold.user() + ": release " + released);
            return;
        }
        byContainer.remove(row.path("container_id").asText(), hold);
        byAddress.remove(address(row), hold);
        held.remove(hold);
    }

    private static String address(JsonNode row) {
        return row.path("ip").asText() + ":" + row.path("port_32262").asInt();
    }

    // the load test's exclusivity check: claimed by container id and by ip:port until released
    private boolean acquire(String user, JsonNode row, String address) {
        Hold hold = new Hold(user, row);
        held.add(hold);
        Hold sameId = byContainer.putIfAbsent(row.path("container_id").asText(), hold);
        Hold sameAddress = byAddress.putIfAbsent(address, hold);
        if (sameId != null || sameAddress != null) {
            shared.add(user + " got " + address + " while " + (sameId != null ? sameId : sameAddress).user() + " held it");
            return false;
        }
        return true;
    }

    // releases what journeys still hold, deletes every user, then lists what is left
    private List<String> tearDown(List<String> users) {
        List<CompletableFuture<Reply>> releases = new ArrayList<>();
        synchronized (held) {
            for (Hold hold : held) {
                releases.add(api.postAsync("/container/delete", ApiClient.release(hold.row().path("container_id").asText(),
                        hold.row().path("secret_key").asText()), null));
            }
        }
        releases.forEach(CompletableFuture::join);
        List<CompletableFuture<Reply>> deletions = users.stream()
                .map(user -> api.postAsync("/account/delete", "{\"username\":\"" + user + "\"}", api.admin)).toList();
        for (CompletableFuture<Reply> deletion : deletions) {
            if (deletion.join().status() != 200) {
                failures.add("teardown: account delete " + deletion.join());
            }
        }
        List<String> leftovers = new ArrayList<>();
        api.users(prefix).forEach(user -> leftovers.add("user " + user.path("username").asText() + " remains"));
        for (JsonNode container : api.containers()) {
            if (container.path("user_id").asText("").startsWith(prefix)) {
                leftovers.add("container " + container.path("container_id").asText() + " held by " + container.path("user_id").asText());
            }
        }
        return leftovers;
    }

    private static Reply poll(java.util.function.Supplier<Reply> request, java.util.function.Predicate<Reply> done) {
        for (int i = 0; i < MAX_POLLS; i++) {
            Reply reply = request.get();
            if (reply.status() != 200 || done.test(reply)) {
                return reply;
            }
            Await.pause(POLL_INTERVAL);
        }
        return null;
    }

    private static int rank(String state) {
        return switch (String.valueOf(state)) {
            case "PENDING" -> 0;
            case "SUCCESS", "FAILURE", "CANCELLED" -> 2;
            default -> 1;
        };
    }
}
