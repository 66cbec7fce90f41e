package co.fractal.loadtest.config;

import java.util.Map;
import java.util.Optional;

/**
 * How the run authenticates as the webserver's admin: a ready token, or a username and password for
 * {@code POST /admin/login}. Read from the environment only ({@value #TOKEN_ENV}, {@value #USERNAME_ENV},
 * {@value #PASSWORD_ENV}); the embedded local webserver makes its own.
 */
public record AdminCredentials(Optional<Secret> username, Optional<Secret> password, Optional<Secret> token) {
    public static final String TOKEN_ENV = "WEBSERVER_ADMIN_TOKEN";
    public static final String USERNAME_ENV = "WEBSERVER_ADMIN_USERNAME";
    public static final String PASSWORD_ENV = "WEBSERVER_ADMIN_PASSWORD";

    static AdminCredentials read(Map<String, String> env) {
        return new AdminCredentials(Secret.of(env.get(USERNAME_ENV)), Secret.of(env.get(PASSWORD_ENV)),
                Secret.of(env.get(TOKEN_ENV)));
    }

    /** Credentials the embedded webserver issued for this run. */
    public static AdminCredentials login(String username, String password) {
        return new AdminCredentials(Secret.of(username), Secret.of(password), Optional.empty());
    }

    /** True when a token or a complete username and password is present. */
    public boolean present() {
        return token.isPresent() || (username.isPresent() && password.isPresent());
    }

    /** What to set when credentials are missing. */
    public static String howToProvide() {
        return "set " + TOKEN_ENV + ", or " + USERNAME_ENV + " and " + PASSWORD_ENV + ", in the environment";
    }
}
