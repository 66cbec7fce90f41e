package co.fractal.loadtest.management;

import co.fractal.loadtest.config.AdminCredentials;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.config.Target;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.webserver.WebserverClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A target that is up and logged into: its address, the host service port journeys use, the admin token,
 * and the embedded reference webserver when this process started one (closing this stops it).
 *
 * @param target          the target with its address
 * @param hostServicePort the host service's port for the config token hand-over
 * @param adminToken      the admin's bearer token
 * @param webserver       a client for management calls
 * @param embedded        the reference webserver this process runs, if any
 */
public record ConnectedTarget(Target target, int hostServicePort, Secret adminToken, WebserverClient webserver,
                              Optional<LocalWebserver> embedded) implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Connects to the configured target, starting the embedded webserver when the target is local. */
    public static ConnectedTarget open(RunConfig config, Consumer<String> out) {
        if (config.target().kind() != Target.Kind.LOCAL) {
            return login(config.target(), config.journey().hostServicePort(), config.admin(), Optional.empty());
        }
        LocalWebserver server = LocalWebserver.start(config.local());
        out.accept("reference webserver on " + server.baseUrl() + ", host service on port " + server.hostServicePort());
        try {
            return login(config.target().at(server.baseUrl()), server.hostServicePort(),
                    AdminCredentials.login(server.adminUsername(), server.adminPassword()), Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to a reference webserver another process started. */
    public static ConnectedTarget attach(Target target, ServerDescriptor descriptor) {
        return login(target.at(URI.create(descriptor.baseUrl())), descriptor.hostServicePort(),
                AdminCredentials.login(descriptor.adminUsername(), descriptor.adminPassword()), Optional.empty());
    }

    /** Connects to a target at a known address with the configured credentials. */
    public static ConnectedTarget login(Target target, int hostServicePort, AdminCredentials credentials,
                                        Optional<LocalWebserver> embedded) {
        WebserverClient client = new WebserverClient(target.url(), TIMEOUT);
        Secret token = credentials.token().orElseGet(() -> client.adminLogin(
                credentials.username().orElseThrow(() -> missing(target)),
                credentials.password().orElseThrow(() -> missing(target))));
        return new ConnectedTarget(target, hostServicePort, token, client, embedded);
    }

    private static IllegalStateException missing(Target target) {
        return new IllegalStateException("target " + target.name() + " needs admin credentials: " + AdminCredentials.howToProvide());
    }

    /** The URL of a webserver path, e.g. /mandelbox/assign. */
    public String url(String path) {
        return target.url() + path;
    }

    @Override
    public void close() {
        embedded.ifPresent(LocalWebserver::close);
    }
}
