package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.HerokuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Scales the target's Heroku web tier for a run and puts it back afterwards, as the original load test
 * did (Performance-M for the run, the previous formation after it). The formation before the run is
 * returned so the run manifest can record it and a later process can restore it.
 */
public final class WebTierScaler {
    private static final Logger LOG = LoggerFactory.getLogger(WebTierScaler.class);

    private final HerokuSettings settings;
    private final HerokuPlatformClient platform;

    /**
     * A scaler for the settings' app and process type.
     *
     * @throws IllegalArgumentException when scaling is not enabled (no {@code heroku.app}) or there is no API key
     */
    public WebTierScaler(HerokuSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("web-tier scaling needs -Dheroku.app=<app>");
        }
        this.settings = settings;
        this.platform = new HerokuPlatformClient(settings);
    }

    /** Scales the formation to the configured size and quantity; returns the formation before the change. */
    public Formation scaleForRun() {
        String app = settings.app().orElseThrow();
        Formation before = platform.formation(app, settings.processType());
        if (at(before, settings.size(), settings.quantity())) {
            LOG.info("heroku: {} {} already at {}", app, before.processType(), describe(before));
            return before;
        }
        Formation after = platform.update(app, settings.processType(), settings.size(), settings.quantity());
        LOG.info("heroku: scaled {} {} from {} to {}", app, before.processType(), describe(before), describe(after));
        return before;
    }

    /**
     * Puts size and quantity back to {@code before}; returns the formation afterwards. When the formation is
     * already there nothing is changed.
     */
    public Formation restore(Formation before) {
        Formation now = platform.formation(before.app(), before.processType());
        if (at(now, before.size(), before.quantity())) {
            LOG.info("heroku: {} {} already at {}; nothing to restore", before.app(), before.processType(), describe(now));
            return now;
        }
        Formation after = platform.update(before.app(), before.processType(), before.size(), before.quantity());
        LOG.info("heroku: restored {} {} from {} to {}", before.app(), before.processType(), describe(now), describe(after));
        return after;
    }

    private static boolean at(Formation formation, String size, int quantity) {
        return formation.quantity() == quantity
                && formation.size().toLowerCase(Locale.ROOT).equals(size.toLowerCase(Locale.ROOT));
    }

    private static String describe(Formation formation) {
        return formation.quantity() + " × " + formation.size();
    }
}
