package co.fractal.loadtest.localserver;

/**
 * A lean JSON writer for the server's answers: appends to one {@link StringBuilder}, inserts commas
 * itself, escapes string values. Field names are trusted constants and written as they are.
 */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean comma;

    JsonText(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    JsonText beginObject() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    JsonText endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    JsonText beginArray() {
        separate();
        out.append('[');
        comma = false;
        return this;
    }

    JsonText endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    /** A field name; the value follows. */
    JsonText name(String name) {
        separate();
        out.append('"').append(name).append("\":");
        comma = false;
        return this;
    }

    JsonText value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            quote(text);
        }
        comma = true;
        return this;
    }

    JsonText value(long number) {
        separate();
        out.append(number);
        comma = true;
        return this;
    }

    JsonText value(JsonValue value) {
        if (value == null) {
            return nullValue();
        }
        value.writeJson(this);
        return this;
    }

    /** A value already written as JSON. */
    JsonText raw(String json) {
        separate();
        out.append(json);
        comma = true;
        return this;
    }

    JsonText nullValue() {
        separate();
        out.append("null");
        comma = true;
        return this;
    }

    JsonText field(String name, String text) {
        return name(name).value(text);
    }

    JsonText field(String name, long number) {
        return name(name).value(number);
    }

    /** An integer field that may be absent (null). */
    JsonText field(String name, Integer number) {
        name(name);
        return number == null ? nullValue() : value(number.longValue());
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (comma) {
            out.append(',');
            comma = false;
        }
    }

    private void quote(String text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
