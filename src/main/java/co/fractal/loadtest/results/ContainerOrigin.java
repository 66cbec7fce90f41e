package co.fractal.loadtest.results;

/** How a journey's container came: taken from the prewarmed pool, spun up for it, or not said by the server. */
public enum ContainerOrigin { PREWARMED, SPUN_UP, UNKNOWN }
