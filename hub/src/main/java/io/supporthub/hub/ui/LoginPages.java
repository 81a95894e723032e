package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.error.TooManyAttempts;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.ErrorHandling;

import java.util.HashMap;
import java.util.Map;

/** {@code GET/POST /login} and {@code POST /logout}: the same session cookie as {@code POST /api/session}. */
final class LoginPages {

    private final Authentication authentication;
    private final Pages pages;

    LoginPages(Authentication authentication, Pages pages) {
        this.authentication = authentication;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", ctx -> {
            if (authentication.identify(ctx).isPresent()) {
                ctx.redirect(PageAccess.safeNext(ctx.queryParam("next")));
                return;
            }
            show(ctx, 200, null, "");
        });
        BodyLimit.LOGIN.post(routes, "/login", this::logIn);
        BodyLimit.LOGIN.post(routes, "/logout", ctx -> {
            if (!pages.csrf().valid(ctx)) {
                pages.forbidden(ctx);
                return;
            }
            authentication.logOut(ctx);
            ctx.redirect("/login");
        });
    }

    private void logIn(Context ctx) {
        if (!pages.csrf().valid(ctx)) {
            pages.forbidden(ctx);
            return;
        }
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            show(ctx, 400, "Enter your email and password.", email);
            return;
        }
        try {
            authentication.logIn(ctx, email.strip(), password);
        } catch (TooManyAttempts e) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            show(ctx, 429, "Too many failed attempts from here. Try again in "
                    + Math.max(1, (e.retryAfterSeconds() + 59) / 60) + " minutes.", email);
            return;
        } catch (Refusal e) {
            String message = e.kind() == Refusal.Kind.FORBIDDEN
                    ? "This account is disabled. Ask an administrator to enable it."
                    : "Wrong email or password.";
            show(ctx, ErrorHandling.status(e.kind()), message, email);
            return;
        }
        ctx.redirect(PageAccess.safeNext(ctx.formParam("next")));
    }

    private void show(Context ctx, int status, String error, String email) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("email", email == null ? "" : email);
        model.put("next", PageAccess.safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParamMap().containsKey("next") ? ctx.formParam("next") : "/"));
        pages.render(ctx, status, "login", null, model);
    }
}
