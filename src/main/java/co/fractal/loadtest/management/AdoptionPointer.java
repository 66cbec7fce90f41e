package co.fractal.loadtest.management;

/**
 * The file the Maven lifecycle's provisioning leaves for the simulation ({@code -Drun.adopt=<file>}): the
 * run to adopt instead of provisioning again.
 *
 * @param runId the provisioned run's id
 */
public record AdoptionPointer(String runId) {
}
