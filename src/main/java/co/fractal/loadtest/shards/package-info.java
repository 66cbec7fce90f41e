/**
 * Runs spread over several load generators: what each shard records for the merge beyond its own summary
 * ({@link co.fractal.loadtest.shards.ShardRecorder}: the containers its users held, the journeys it ran, its
 * settings' fingerprint and actual start, in {@code shard.json} and {@code containers.jsonl.gz}), and the merge of
 * a run's shards into one exact summary ({@link co.fractal.loadtest.shards.ShardMerge}), re-checking the invariants
 * no shard could check alone.
 */
package co.fractal.loadtest.shards;
