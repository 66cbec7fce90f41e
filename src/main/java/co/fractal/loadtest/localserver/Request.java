package co.fractal.loadtest.localserver;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP request as an endpoint sees it: method, path, query parameters, headers, body and the client's
 * address. Valid only while the endpoint handles it (the body's buffer is released afterwards).
 */
final class Request {
    private final FullHttpRequest http;
    private final InetAddress client;
    private final String path;
    private final String rawQuery;

    Request(FullHttpRequest http, InetAddress client) {
        this.http = http;
        this.client = client;
        String uri = http.uri();
        int question = uri.indexOf('?');
        this.path = question < 0 ? uri : uri.substring(0, question);
        this.rawQuery = question < 0 ? "" : uri.substring(question + 1);
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
        int start = 0;
        int length = rawQuery.length();
        while (start < length) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int equals = rawQuery.indexOf('=', start);
            int nameEnd = equals < 0 || equals > end ? end : equals;
            if (nameEnd - start == name.length() && rawQuery.startsWith(name, start)) {
                String value = nameEnd == end ? "" : rawQuery.substring(nameEnd + 1, end);
                return QueryStringDecoder.decodeComponent(value, StandardCharsets.UTF_8);
            }
            start = end + 1;
        }
        return null;
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
}
