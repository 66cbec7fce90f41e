package co.fractal.loadtest.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Parsing of the http(s) base URLs a run may target. */
final class Urls {
    private Urls() {
    }

    /** The URL without a trailing slash, if it is an absolute http(s) URL with a host and no query. */
    static Optional<URI> http(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String normalized = uri.toString();
            while (normalized.endsWith("/")) {
                normalized = normalized.substring(0, normalized.length() - 1);
            }
            return Optional.of(URI.create(normalized));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
