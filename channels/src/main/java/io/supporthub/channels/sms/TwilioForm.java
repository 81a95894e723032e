package io.supporthub.channels.sms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} body of a Twilio webhook as a map from name to values, the shape of
 * Javalin's {@code ctx.formParamMap()}. Twilio sends each name once, except list parameters.
 */
public final class TwilioForm {

    private TwilioForm() {
    }

    /** Decodes a raw form body (UTF-8, {@code +} for space). */
    public static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** A form whose every name has one value, as tests and the reconciler build them. */
    public static Map<String, List<String>> of(Map<String, String> single) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        single.forEach((name, value) -> form.put(name, value == null ? List.of() : List.of(value)));
        return Collections.unmodifiableMap(form);
    }

    /** The first value of a parameter, stripped, or null when absent or blank. */
    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    /** The first value of a parameter exactly as sent (message bodies keep their spaces), or null. */
    static String raw(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
