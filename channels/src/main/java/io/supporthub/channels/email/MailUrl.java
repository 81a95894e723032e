package io.supporthub.channels.email;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The parts of a {@code scheme://user:pass@host:port/path?query} mail server URL, with clear errors. */
record MailUrl(String scheme, String user, String password, String host, int port, String path, Map<String, String> query) {

    static MailUrl parse(String variable, String url, java.util.Set<String> schemes) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(variable + " is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a URL (" + e.getReason()
                    + "); write special characters of the password percent-encoded, e.g. @ as %40");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException(variable + " must start with " + String.join("://, ", schemes)
                    + "://, got '" + (scheme.isEmpty() ? url : scheme + "://") + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(variable + " has no host: expected " + scheme + "://user:password@host:port");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getRawUserInfo().split(":", 2);
            user = decode(info[0]);
            password = info.length > 1 ? decode(info[1]) : null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=", 2);
                    query.put(decode(kv[0]).toLowerCase(Locale.ROOT), kv.length > 1 ? decode(kv[1]) : "");
                }
            }
        }
        return new MailUrl(scheme, user, password, uri.getHost(), uri.getPort(), uri.getPath() == null ? "" : uri.getPath(),
                query);
    }

    static boolean flag(String variable, Map<String, String> query, String name, boolean defaultValue) {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(variable + ": " + name + " must be true or false, got '" + value + "'");
        };
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
