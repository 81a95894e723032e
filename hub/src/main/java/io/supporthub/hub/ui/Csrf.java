package io.supporthub.hub.ui;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.supporthub.hub.agent.Passwords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Double-submit CSRF tokens for the hub's HTML forms: a random token in an HttpOnly, SameSite=Strict cookie and the
 * same token in every form's hidden {@code _csrf} field. A cross-site page can make the browser send the cookie but
 * cannot read it to fill the field. (The JSON API is protected by its JSON-only rule instead.)
 */
public final class Csrf {

    public static final String COOKIE = "hub_csrf";
    public static final String FIELD = "_csrf";

    private final boolean secureCookies;

    public Csrf(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The token for forms on this page, set as a cookie when the browser has none yet. */
    public String token(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() < 32) {
            token = Passwords.randomToken(32);
            ctx.cookie(new Cookie(COOKIE, token, "/", -1, secureCookies, true, null, SameSite.STRICT));
        }
        return token;
    }

    /** Whether the form's field matches the cookie; a form that fails is answered 403 by the caller. */
    public boolean valid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        return cookie != null && field != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8));
    }
}
