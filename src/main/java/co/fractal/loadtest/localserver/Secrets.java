package co.fractal.loadtest.localserver;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values: bearer tokens, passwords, container keys and rendezvous secrets. */
final class Secrets {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code bytes} random bytes as lower-case hex (two characters each). */
    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        char[] text = new char[bytes * 2];
        for (int i = 0; i < bytes; i++) {
            text[2 * i] = HEX[(random[i] >> 4) & 0xF];
            text[2 * i + 1] = HEX[random[i] & 0xF];
        }
        return new String(text);
    }

    /** 32 random bytes, URL-safe base64 without padding: a bearer token or a password. */
    static String token() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
