package co.fractal.loadtest.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The process's one Jackson mapper, configured here only; every JSON read and written goes through it (the
 * reference webserver's answers and requests, the webserver and Heroku clients, manifests, summaries, Slack).
 * Java time types are ISO-8601 text; unknown fields are ignored when reading, since files and answers may gain
 * fields. Field names are the Java names; a wire format written in snake_case says so on its record
 * ({@code @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)}).
 */
public final class Json {
    /** The mapper: thread-safe, shared. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The mapper writing indented JSON, for the files people read (manifests, summaries). */
    public static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
