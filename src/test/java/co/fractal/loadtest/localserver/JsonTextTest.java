package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's JSON writer produces documents a real parser reads back exactly. */
class JsonTextTest {

    @Test
    void stringsWithQuotesBackslashesControlAndNonAsciiCharactersRoundTrip() throws Exception {
        String nasty = "a\"b\\c\nd\te\u0001f\u00e9g\u2028h😀";
        String json = new JsonText(64).beginObject().field("text", nasty).field("none", (String) null).field("n", -42)
                .name("list").beginArray().value("x").raw("{\"y\":1}").nullValue().endArray()
                .name("nested").beginObject().field("k", 1).endObject().endObject().toString();

        JsonNode read = new ObjectMapper().readTree(json);

        assertThat(read.path("text").asText()).isEqualTo(nasty);
        assertThat(read.path("none").isNull()).isTrue();
        assertThat(read.path("n").asInt()).isEqualTo(-42);
        assertThat(read.path("list")).hasSize(3);
        assertThat(read.path("list").get(1).path("y").asInt()).isEqualTo(1);
        assertThat(read.path("nested").path("k").asInt()).isEqualTo(1);
    }
}
