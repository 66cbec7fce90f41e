package co.fractal.loadtest.management.cloud;

import java.util.List;

/**
 * One kind of AWS resource a cleanup removes. {@link #find} reads every page before returning, so the
 * removals that follow never disturb a listing in progress; {@link #remove} treats "already gone" as done.
 */
interface CloudResources {

    /** The kind, as it appears in reports, e.g. {@code ec2-instance}. */
    String kind();

    /** Where this kind is looked for, for reports when the listing itself fails, e.g. the cluster's name. */
    String scope();

    /** Every resource of this kind that belongs to the selected runs. */
    List<CloudResource> find(RunSelection selection);

    /** Stops, terminates or deletes the resource; returns normally when it is already gone. */
    void remove(CloudResource resource);
}
