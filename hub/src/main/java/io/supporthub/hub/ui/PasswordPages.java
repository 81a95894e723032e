package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.PasswordService;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.ErrorHandling;

import java.util.HashMap;
import java.util.Map;

/**
 * "Forgot password" without a login: {@code /password/forgot} asks for the email and mails a one-time link,
 * {@code /password/reset?token=} is where the link leads, to choose the new password. Both are HTML forms with a
 * CSRF token.
 */
final class PasswordPages {

    private final PasswordService passwords;
    private final Pages pages;

    PasswordPages(PasswordService passwords, Pages pages) {
        this.passwords = passwords;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/password/forgot", ctx -> show(ctx, 200, "password_forgot", Map.of()));
        BodyLimit.LOGIN.post(routes, "/password/forgot", this::forgot);
        routes.get("/password/reset", ctx -> show(ctx, 200, "password_reset", Map.of("token", token(ctx.queryParam("token")))));
        BodyLimit.LOGIN.post(routes, "/password/reset", this::reset);
    }

    private void forgot(Context ctx) {
        if (!pages.csrf().valid(ctx)) {
            pages.forbidden(ctx);
            return;
        }
        String email = ctx.formParam("email");
        if (email == null || email.isBlank()) {
            show(ctx, 400, "password_forgot", Map.of("error", "Enter your email."));
            return;
        }
        passwords.forgot(email);
        show(ctx, 200, "password_forgot", Map.of("sent", true));
    }

    private void reset(Context ctx) {
        if (!pages.csrf().valid(ctx)) {
            pages.forbidden(ctx);
            return;
        }
        String token = token(ctx.formParam("token"));
        String password = ctx.formParam("password");
        if (password == null || !password.equals(ctx.formParam("repeat"))) {
            show(ctx, 400, "password_reset", Map.of("token", token, "error", "The two passwords differ."));
            return;
        }
        try {
            passwords.reset(token, password);
        } catch (Refusal e) {
            show(ctx, ErrorHandling.status(e.kind()), "password_reset", Map.of("token", token, "error", e.getMessage()));
            return;
        }
        show(ctx, 200, "password_reset", Map.of("done", true));
    }

    private static String token(String token) {
        return token == null ? "" : token;
    }

    private void show(Context ctx, int status, String template, Map<String, Object> data) {
        Map<String, Object> model = new HashMap<>(data);
        model.put("title", "Password");
        pages.render(ctx, status, template, null, model);
    }
}
