package co.fractal.loadtest.localserver;

/**
 * Who a bearer token speaks for: the admin (any user, and it passes the payment check) or one user (only
 * itself, and it is not paying).
 *
 * @param account the user, or null for the admin
 */
record Principal(Account account) {
    static final Principal ADMIN = new Principal(null);

    boolean admin() {
        return account == null;
    }

    /** 401 unless the token may act for that user. */
    void mustActFor(String username) {
        if (!admin() && !account.username().equals(username)) {
            throw ApiException.unauthorized("the token is " + account.username() + "'s and cannot act for " + username);
        }
    }

    /** 401 unless this is the admin. */
    void mustBeAdmin() {
        if (!admin()) {
            throw ApiException.unauthorized("this endpoint needs the admin token, not " + account.username() + "'s");
        }
    }

    /** 402 unless the token's user pays (only the admin passes: no test user pays). */
    void mustPay() {
        if (!admin()) {
            throw new ApiException(Response.PAYMENT_REQUIRED, account.username()
                    + " is not a paying user; assign with the admin token");
        }
    }
}
