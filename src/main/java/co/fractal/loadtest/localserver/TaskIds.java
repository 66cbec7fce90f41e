package co.fractal.loadtest.localserver;

import java.util.UUID;

/** Task ids: UUIDs in their canonical 8-4-4-4-12 hex form, parsed strictly. */
final class TaskIds {
    private TaskIds() {
    }

    /** The UUID the text spells, or null when it is not one in canonical form. */
    static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        long most = 0;
        long least = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int value = Character.digit(c, 16);
            if (value < 0) {
                return null;
            }
            if (digits < 16) {
                most = (most << 4) | value;
            } else {
                least = (least << 4) | value;
            }
            digits++;
        }
        return new UUID(most, least);
    }
}
