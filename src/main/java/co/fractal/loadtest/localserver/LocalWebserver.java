package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;

import java.net.URI;

/**
 * The embedded reference webserver and its host service, on 127.0.0.1: the default target, implementing
 * {@code docs/webserver-api.md}. Started on free ports unless the settings fix them; closing it stops both
 * servers and every background task.
 */
public final class LocalWebserver implements AutoCloseable {

    private LocalWebserver() {
    }

    /** Starts both servers; returns once they accept connections. */
    public static LocalWebserver start(LocalServerSettings settings) {
        throw new UnsupportedOperationException("reference webserver not built yet");
    }

    /** The webserver's base URL, e.g. http://127.0.0.1:41234. */
    public URI baseUrl() {
        throw new UnsupportedOperationException();
    }

    /** The host service's HTTPS port on 127.0.0.1 (the port real hosts serve on 4678). */
    public int hostServicePort() {
        throw new UnsupportedOperationException();
    }

    /** The admin username {@code POST /admin/login} accepts. */
    public String adminUsername() {
        throw new UnsupportedOperationException();
    }

    /** The admin password {@code POST /admin/login} accepts (generated per start; never logged). */
    public String adminPassword() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
