package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.HerokuSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Optional;

import static co.fractal.loadtest.management.heroku.HerokuStandIn.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link WebTierScaler} against the stateful fake Platform API: scale for the run, restore exactly. */
@Timeout(30)
class WebTierScalerTest {
    private HerokuStandIn standIn;

    @BeforeEach
    void start() {
        standIn = new HerokuStandIn();
        standIn.heroku.formation(APP, "web", "Standard-1X", 1);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void scalesToTheConfiguredSizeAndQuantityAndReturnsTheFormationBefore() {
        WebTierScaler scaler = new WebTierScaler(standIn.settings("Performance-M", 3));

        Formation before = scaler.scaleForRun();

        assertThat(before).isEqualTo(new Formation(APP, "web", "Standard-1X", 1));
        assertThat(standIn.heroku.formation(APP, "web")).isEqualTo("3 × Performance-M");
    }

    @Test
    void restoresSizeAndQuantityExactly() {
        WebTierScaler scaler = new WebTierScaler(standIn.settings("Performance-M", 3));
        Formation before = scaler.scaleForRun();

        Formation after = scaler.restore(before);

        assertThat(after).isEqualTo(before);
        assertThat(standIn.heroku.formation(APP, "web")).isEqualTo("1 × Standard-1X");
        assertThat(standIn.heroku.patches()).isEqualTo(2);
    }

    @Test
    void restoresEvenWhenTheFormationWasChangedDuringTheRun() {
        WebTierScaler scaler = new WebTierScaler(standIn.settings("Performance-M", 3));
        Formation before = scaler.scaleForRun();
        standIn.heroku.formation(APP, "web", "Performance-L", 6);

        scaler.restore(before);

        assertThat(standIn.heroku.formation(APP, "web")).isEqualTo("1 × Standard-1X");
    }

    @Test
    void restoringAFormationAlreadyInPlaceChangesNothing() {
        WebTierScaler scaler = new WebTierScaler(standIn.settings("Performance-M", 3));

        Formation after = scaler.restore(new Formation(APP, "web", "standard-1x", 1));

        assertThat(after).isEqualTo(new Formation(APP, "web", "Standard-1X", 1));
        assertThat(standIn.heroku.patches()).isZero();
    }

    @Test
    void aFormationAlreadyAtTheRunsSizeIsNotPatched() {
        standIn.heroku.formation(APP, "web", "Performance-M", 3);

        Formation before = new WebTierScaler(standIn.settings("Performance-M", 3)).scaleForRun();

        assertThat(before).isEqualTo(new Formation(APP, "web", "Performance-M", 3));
        assertThat(standIn.heroku.patches()).isZero();
    }

    @Test
    void needsAnApp() {
        HerokuSettings settings = standIn.settings("Performance-M", 3);
        HerokuSettings withoutApp = new HerokuSettings(Optional.empty(), settings.apiKey(), "web", "Performance-M", 3,
                settings.apiUrl(), settings.timeout(), settings.maxAttempts(), settings.retryDelay());

        assertThatThrownBy(() -> new WebTierScaler(withoutApp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("web-tier scaling needs -Dheroku.app=<app>");
    }
}
