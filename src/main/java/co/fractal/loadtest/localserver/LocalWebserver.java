package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The embedded reference webserver and its host service, on 127.0.0.1: the default target, implementing
 * {@code docs/webserver-api.md}. Started on free ports unless the settings fix them; closing it stops both
 * servers and every background task. The webserver speaks HTTP/1.1 with keep-alive; the host service speaks
 * HTTPS with a self-signed certificate made at start. The admin password is never logged.
 */
public final class LocalWebserver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWebserver.class);

    private final Webserver webserver;
    private final NettyServers servers;
    private final URI baseUrl;
    private final int hostServicePort;
    private final String adminUsername;
    private final String adminPassword;
    private boolean closed;

    private LocalWebserver(Webserver webserver, NettyServers servers, URI baseUrl, int hostServicePort,
                           String adminUsername, String adminPassword) {
        this.webserver = webserver;
        this.servers = servers;
        this.baseUrl = baseUrl;
        this.hostServicePort = hostServicePort;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts both servers with a generated admin password; returns once they accept connections.
     *
     * @throws IllegalStateException when a port is taken, naming the setting and the port
     */
    public static LocalWebserver start(LocalServerSettings settings) {
        return start(settings, Secrets.token());
    }

    /** Starts both servers accepting this admin password; returns once they accept connections. */
    public static LocalWebserver start(LocalServerSettings settings, String adminPassword) {
        return start(settings, adminPassword, ServerClock.SYSTEM);
    }

    /** Starts both servers with the clock that times the containers' pings (tests drive their own). */
    static LocalWebserver start(LocalServerSettings settings, String adminPassword, ServerClock clock) {
        Objects.requireNonNull(adminPassword, "adminPassword");
        String adminUsername = settings.adminUsername().orElseGet(() -> "admin-" + Secrets.hex(4));
        Webserver webserver = new Webserver(settings, adminUsername, adminPassword, clock);
        NettyServers servers = new NettyServers(settings.ioThreads());
        try {
            int port = servers.listen(settings.port(), "local.port", webserver.webserverRoutes(), null);
            int hostPort = servers.listen(settings.hostServicePort(), "local.hostServicePort",
                    webserver.hostServiceRoutes(), HostCertificate.serverContext());
            LocalWebserver server = new LocalWebserver(webserver, servers, URI.create("http://127.0.0.1:" + port),
                    hostPort, adminUsername, adminPassword);
            LOG.info("reference webserver on {}, host service on https://127.0.0.1:{} ({}, TLS by {}), admin {}, {} prewarmed containers{}",
                    server.baseUrl, hostPort, servers.description(), HostCertificate.provider(), adminUsername,
                    webserver.containerCount(), describeFaults(settings));
            return server;
        } catch (RuntimeException e) {
            servers.close();
            webserver.close();
            throw e;
        }
    }

    private static String describeFaults(LocalServerSettings settings) {
        return settings.faults().isEmpty() ? "" : ", FAULTS ON: " + settings.faults().stream()
                .map(LocalServerSettings::id).sorted().collect(Collectors.joining(", "));
    }

    /** The webserver's base URL, e.g. http://127.0.0.1:41234. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The host service's HTTPS port on 127.0.0.1 (the port real hosts serve on 4678). */
    public int hostServicePort() {
        return hostServicePort;
    }

    /** The host service's base URL, e.g. https://127.0.0.1:41235. */
    public URI hostServiceUrl() {
        return URI.create("https://127.0.0.1:" + hostServicePort);
    }

    /** The admin username {@code POST /admin/login} accepts. */
    public String adminUsername() {
        return adminUsername;
    }

    /** The admin password {@code POST /admin/login} accepts (generated per start; never logged). */
    public String adminPassword() {
        return adminPassword;
    }

    /** Stops both servers and every timer; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            servers.close();
            webserver.close();
            LOG.info("reference webserver on {} stopped", baseUrl);
        }
    }
}
