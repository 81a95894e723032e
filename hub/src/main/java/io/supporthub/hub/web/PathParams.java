package io.supporthub.hub.web;

import io.javalin.http.Context;
import io.supporthub.hub.error.Refusal;

/** Path parameters read with a 404 that names what was looked for, rather than a 500 on junk. */
public final class PathParams {

    private PathParams() {
    }

    /** The numeric {@code {id}} of the path; {@code what} names the thing in the error ("ticket", "agent"). */
    public static long id(Context ctx, String what) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("no " + what + " '" + ctx.pathParam("id") + "'");
        }
    }
}
