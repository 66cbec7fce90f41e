package co.fractal.loadtest.management.cloud;

/**
 * One AWS resource a cleanup matched.
 *
 * @param kind  the kind, e.g. {@code ecs-task}, {@code ec2-instance}
 * @param id    its ARN, id or name
 * @param owner the run or user it belongs to, for the log
 */
record CloudResource(String kind, String id, String owner) {

    /** "kind id", the form the report lists. */
    String describe() {
        return kind + " " + id;
    }
}
