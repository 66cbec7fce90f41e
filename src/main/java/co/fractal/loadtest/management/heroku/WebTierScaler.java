package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.HerokuSettings;

/** Scales the target's Heroku web tier for a run and puts it back exactly as it was. */
public final class WebTierScaler {

    public WebTierScaler(HerokuSettings settings) {
    }

    /** Scales the formation to the run's size and quantity; returns the formation before. */
    public Formation scaleForRun() {
        throw new UnsupportedOperationException("web tier scaling not built yet");
    }

    /** Puts the formation back to what it was. */
    public void restore(Formation before) {
        throw new UnsupportedOperationException();
    }
}
