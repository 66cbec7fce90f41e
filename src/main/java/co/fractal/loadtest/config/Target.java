package co.fractal.loadtest.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the load goes: the embedded reference webserver ({@code local}, the default), one of the named
 * deployments, or any http(s) URL such as a review app.
 *
 * @param kind    local, named deployment, or URL
 * @param name    {@code local}, {@code dev}, {@code staging}, {@code prod}, or the URL's host
 * @param baseUrl the webserver's base URL; empty for {@code local} until the embedded server has started
 */
public record Target(Kind kind, String name, Optional<URI> baseUrl) {

    /** The kinds of target. */
    public enum Kind { LOCAL, DEPLOYMENT, URL }

    /** The accepted forms, for error messages. */
    public static final String ACCEPTED = "expected local, dev, staging, prod, or an http(s):// URL such as https://my-review-app.herokuapp.com";

    private static final String PROD_HOST = "prod-server.fractal.co";

    /** The embedded reference webserver. */
    public static Target local() {
        return new Target(Kind.LOCAL, "local", Optional.empty());
    }

    /** The target a {@code -Dtarget} value names, if it is one of the accepted forms. */
    static Optional<Target> parse(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "local" -> Optional.of(local());
            case "dev", "staging", "prod" -> Optional.of(new Target(Kind.DEPLOYMENT, lower,
                    Optional.of(URI.create("https://" + lower + "-server.fractal.co"))));
            default -> Urls.http(value).map(uri -> new Target(Kind.URL, uri.getHost(), Optional.of(uri)));
        };
    }

    /** This target once the embedded server (or an adopted run) has given it an address. */
    public Target at(URI url) {
        return new Target(kind, name, Optional.of(url));
    }

    /** True for the production deployment, whether named or given by URL. */
    public boolean isProduction() {
        return name.equals("prod") || baseUrl.map(u -> PROD_HOST.equalsIgnoreCase(u.getHost())).orElse(false);
    }

    /** The base URL, which every target has once the run has started. */
    public URI url() {
        return baseUrl.orElseThrow(() -> new IllegalStateException("the local target has not started yet"));
    }

    @Override
    public String toString() {
        return baseUrl.map(u -> name + " (" + u + ")").orElse(name);
    }
}
