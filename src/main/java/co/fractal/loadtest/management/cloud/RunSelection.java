package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.management.LoadTestUsers;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which runs' resources a cleanup takes: one run (with the users it provisioned), or every stale run. A
 * resource belongs to a run through its run-id tag; an ECS task also through its {@code startedBy}, which
 * is a run user's name ({@code load_test_<run id>_<k>}, or any name the run lists) or the run id itself.
 */
final class RunSelection {
    private final Predicate<RunId> runs;
    private final Set<String> users;
    private final Optional<RunId> single;
    private final String description;

    private RunSelection(Predicate<RunId> runs, Set<String> users, Optional<RunId> single, String description) {
        this.runs = runs;
        this.users = users;
        this.single = single;
        this.description = description;
    }

    /** The resources of one run, whose tasks may also have been started by any of {@code users}. */
    static RunSelection of(RunId run, Collection<String> users) {
        return new RunSelection(run::equals, Set.copyOf(users), Optional.of(run), "run " + run);
    }

    /**
     * Only the ECS tasks started by {@code users}: one shard's part of a run spread over several load generators,
     * whose run-tagged resources the other shards may still be using.
     */
    static RunSelection usersOf(RunId run, Collection<String> users) {
        return new RunSelection(id -> false, Set.copyOf(users), Optional.of(run), users.size() + " users of run " + run);
    }

    /** The resources of every run started before {@code before} that is not live. */
    static RunSelection stale(Instant before, Predicate<RunId> live) {
        return new RunSelection(run -> run.startedAt().isBefore(before) && !live.test(run), Set.of(),
                Optional.empty(), "runs started before " + before + " and not live");
    }

    /** The run this selection is limited to, so a listing can filter on its exact tag. */
    Optional<RunId> single() {
        return single;
    }

    /** Who owns a resource carrying this run-id tag value (possibly null), when it is selected. */
    Optional<String> ownerByTag(String tagValue) {
        return RunId.parse(tagValue).filter(runs).map(run -> "run " + run);
    }

    /** Who owns an ECS task with this run-id tag value and {@code startedBy} (either possibly null), when selected. */
    Optional<String> ownerOfTask(String tagValue, String startedBy) {
        Optional<String> byTag = ownerByTag(tagValue);
        if (byTag.isPresent() || startedBy == null) {
            return byTag;
        }
        if (users.contains(startedBy)) {
            return Optional.of("user " + startedBy);
        }
        Optional<RunId> run = LoadTestUsers.runOf(startedBy).or(() -> RunId.parse(startedBy));
        return run.filter(runs).map(id -> "run " + id);
    }

    @Override
    public String toString() {
        return description;
    }
}
