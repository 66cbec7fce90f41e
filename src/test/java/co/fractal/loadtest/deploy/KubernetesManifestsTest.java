package co.fractal.loadtest.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of a distributed run, read into fabric8's typed model: an Indexed Job of N shards that
 * run once each, all with one run id, writing to the shared volume the merge Job reads; the merge Job runs the
 * management command line on the same image.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static <T> T read(String file, Class<T> type) throws IOException {
        return YAML.readValue(DIR.resolve(file).toFile(), type);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    @Test
    void theShardsAreAnIndexedJobOfNPodsRunOnceEachWithOneRunIdAndNShards() throws IOException {
        Job job = read("shards-job.yaml", Job.class);

        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        int shards = job.getSpec().getCompletions();
        assertThat(shards).isGreaterThan(1);
        assertThat(job.getSpec().getParallelism()).isEqualTo(shards);
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        Container shard = pod.getContainers().get(0);
        assertThat(shard.getImage()).startsWith("ghcr.io/fractal/webserver-load-test:");
        assertThat(env(shard, "RUN_ID")).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
        String options = env(shard, "JAVA_TOOL_OPTIONS");
        assertThat(setting(options, "shard.count")).isEqualTo(Integer.toString(shards));
        assertThat(setting(options, "run.id")).isEqualTo("$(RUN_ID)");
        assertThat(setting(options, "results.dir")).isEqualTo(shard.getVolumeMounts().get(0).getMountPath());
        assertThat(options).doesNotContain("-Dshard=").doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("token");
        assertThat(shard.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("webserver-load-test");
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("webserver-load-test-results");
    }

    @Test
    void theMergeJobRunsTheMergeOfTheSameRunOnTheSameImageAndVolume() throws IOException {
        Job shards = read("shards-job.yaml", Job.class);
        Job merge = read("merge-job.yaml", Job.class);

        Container shard = shards.getSpec().getTemplate().getSpec().getContainers().get(0);
        Container merger = merge.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(merge.getSpec().getCompletionMode()).isNull();
        assertThat(merge.getSpec().getCompletions()).isEqualTo(1);
        assertThat(merge.getSpec().getBackoffLimit()).isZero();
        assertThat(merger.getImage()).isEqualTo(shard.getImage());
        assertThat(merger.getCommand()).containsExactly("java", "-cp", "@/app/jib-classpath-file",
                "co.fractal.loadtest.management.ManagementCli");
        assertThat(merger.getArgs()).containsExactly("merge", "--run", "$(RUN_ID)");
        assertThat(env(merger, "RUN_ID")).isEqualTo(env(shard, "RUN_ID"));
        assertThat(setting(env(merger, "JAVA_TOOL_OPTIONS"), "results.dir"))
                .isEqualTo(setting(env(shard, "JAVA_TOOL_OPTIONS"), "results.dir"));
        assertThat(merge.getSpec().getTemplate().getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
                .isEqualTo("webserver-load-test-results");
    }

    @Test
    void theResultsVolumeIsSharedByPodsOnAnyNode() throws IOException {
        PersistentVolumeClaim claim = read("results-volume.yaml", PersistentVolumeClaim.class);

        assertThat(claim.getMetadata().getName()).isEqualTo("webserver-load-test-results");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    }

    private static String setting(String javaOptions, String name) {
        Matcher matcher = Pattern.compile("-D" + Pattern.quote(name) + "=(\\S+)").matcher(javaOptions);
        assertThat(matcher.find()).as("-D%s in %s", name, javaOptions).isTrue();
        return matcher.group(1);
    }
}
