package co.fractal.loadtest.localserver;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;

import java.net.InetAddress;
import java.util.List;

/**
 * One HTTP request as an endpoint sees it: method, path, query parameters, headers, body and the client's
 * address. Valid only while the endpoint handles it (the body's buffer is released afterwards).
 */
final class Request {
    private static final AsciiString FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");

    private final FullHttpRequest http;
    private final InetAddress client;
    private final QueryStringDecoder uri;
    private final String path;

    Request(FullHttpRequest http, InetAddress client) {
        this.http = http;
        this.client = client;
        // parameters are split on '&' only, as the webserver's framework does; they are decoded when first asked for
        this.uri = QueryStringDecoder.builder().semicolonIsNormalChar(true).build(http.uri());
        this.path = uri.rawPath();
    }

    HttpMethod method() {
        return http.method();
    }

    /** The path without the query, still percent-encoded. */
    String path() {
        return path;
    }

    /** The decoded value of the first query parameter of that name, or null. */
    String query(String name) {
        List<String> values = uri.parameters().get(name);
        return values == null ? null : values.get(0);
    }

    /** The decoded value of the first query parameter of that name, or the fallback. */
    String query(String name, String fallback) {
        String value = query(name);
        return value == null ? fallback : value;
    }

    /** A header's value, or null. */
    String header(CharSequence name) {
        return http.headers().get(name);
    }

    ByteBuf body() {
        return http.content();
    }

    /** The body as a JSON object. */
    JsonBody json() {
        return JsonBody.parse(http.content());
    }

    /** The address the request came from, the key of rate limits. */
    InetAddress client() {
        return client;
    }

    /**
     * The address the 2021 webserver took as the sender ({@code received_from}): the first entry of
     * {@code X-Forwarded-For} when the header is there, else the peer's address.
     */
    String sourceAddress() {
        String forwarded = http.headers().get(FORWARDED_FOR);
        if (forwarded == null) {
            return client.getHostAddress();
        }
        int comma = forwarded.indexOf(',');
        return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
    }
}
