package co.fractal.loadtest.localserver;

/** Something that writes itself as one JSON value: a task's output, a container row, a message. */
interface JsonValue {
    void writeJson(JsonText out);
}
