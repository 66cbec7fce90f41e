package co.fractal.loadtest.management.cloud;

import java.util.List;

/**
 * What a cloud cleanup did.
 *
 * @param deleted  resources stopped, terminated or deleted, each as "kind id" (e.g. "ecs-task arn:…")
 * @param failures resources that could not be removed, each with its id and the reason
 * @param found    resources matched (what a dry run would remove)
 * @param warnings steps skipped, e.g. no credentials
 */
public record CloudReport(List<String> deleted, List<String> failures, List<String> found, List<String> warnings) {
}
