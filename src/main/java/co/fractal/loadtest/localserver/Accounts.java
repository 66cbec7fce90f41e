package co.fractal.loadtest.localserver;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** Every registered user, by name. Changes under the state lock; lookups are lock-free. */
final class Accounts {
    private final ConcurrentHashMap<String, Account> byName = new ConcurrentHashMap<>();

    /** The user of that name, or null. */
    Account get(String username) {
        return byName.get(username);
    }

    /** Adds the account; false when the name is taken. */
    boolean add(Account account) {
        return byName.putIfAbsent(account.username(), account) == null;
    }

    void remove(Account account) {
        byName.remove(account.username(), account);
    }

    Collection<Account> all() {
        return byName.values();
    }
}
