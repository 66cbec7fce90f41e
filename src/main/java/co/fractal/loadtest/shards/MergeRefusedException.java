package co.fractal.loadtest.shards;

/** The merge will not put these shards together, and says why: a shard missing or twice, another run, other settings. */
public final class MergeRefusedException extends IllegalStateException {
    public MergeRefusedException(String message) {
        super(message);
    }
}
