package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.journey.Journey;
import co.fractal.loadtest.webserver.Answer;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;

import java.util.function.BiConsumer;

import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What every journey request shares: each answer goes to the virtual user's {@link Journey}, which judges
 * it, and the request fails in Gatling's statistics exactly when the journey says the answer failed it.
 */
public final class JourneyRequests {
    /** The session key of the virtual user's journey. */
    public static final String JOURNEY = "journey";

    private JourneyRequests() {
    }

    /** The virtual user's journey. */
    public static Journey journey(Session session) {
        return session.get(JOURNEY);
    }

    /** Hands the answer to the journey before checks run. */
    static Response judge(Response response, Session session, BiConsumer<Journey, Answer> handler) {
        handler.accept(journey(session), new Answer(response.status().code(), response.body().string()));
        return response;
    }

    /** Fails the request when the journey said its answer failed the journey, naming the reason. */
    static CheckBuilder accepted() {
        return status().validate("journey verdict", (code, session) -> {
            Journey journey = journey(session);
            if (journey.lastAnswerFailed()) {
                throw new IllegalStateException(journey.failure()
                        .map(f -> f.step().label() + ": " + f.reason()).orElse("answer rejected"));
            }
            return code;
        });
    }
}
