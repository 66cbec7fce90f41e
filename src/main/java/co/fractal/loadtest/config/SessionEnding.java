package co.fractal.loadtest.config;

import java.util.Locale;

/** How a held session ends, as the 2021 client and container ended theirs. */
public enum SessionEnding {
    /** The user leaves: the container pings available, sends its logs, waits for their task, deletes itself. */
    GRACEFUL,
    /** The client never connects: the container pings available for the abandon wait, then ends the same way. */
    ABANDON,
    /** The client's connection drops for a while: pings pause, resume (the container must survive), then graceful. */
    BLIP,
    /** The container dies: pings stop, and the webserver's reaper must remove it at the next assign in its region. */
    SILENT,
    /** The same user asks for a new container while the old one ends gracefully. */
    RELAUNCH;

    /** The name in settings and summaries, e.g. "silent". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
