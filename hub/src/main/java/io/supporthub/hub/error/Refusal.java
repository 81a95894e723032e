package io.supporthub.hub.error;

/**
 * Something the hub turns down, said in the domain's words: what kind of refusal it is, a short code and a message
 * the caller can act on. The web layer answers every refusal in one place, by its kind; nothing here knows HTTP.
 */
public class Refusal extends RuntimeException {

    /** Why it was refused. */
    public enum Kind {
        /** The input is malformed or incomplete. */
        INVALID,
        /** Nobody is signed in, or the credentials are missing. */
        UNAUTHENTICATED,
        /** Signed in, but not allowed to do this. */
        FORBIDDEN,
        /** What was named does not exist. */
        NOT_FOUND,
        /** It clashes with the current state (a duplicate name, a forbidden transition). */
        CONFLICT,
        /** Well formed, but it cannot be done (e.g. nobody to send it to). */
        UNPROCESSABLE,
        /** The input is not in a format the hub reads. */
        UNSUPPORTED_FORMAT,
        /** Too many attempts in a while. */
        TOO_MANY,
        /** Something the hub depends on is not answering now; the same request may succeed later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, "bad_request", message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, "not_found", message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, "conflict", message);
    }

    public static Refusal unprocessable(String message) {
        return new Refusal(Kind.UNPROCESSABLE, "unprocessable", message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", message);
    }

    public static Refusal unauthenticated(String message) {
        return new Refusal(Kind.UNAUTHENTICATED, "unauthorized", message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** What the answer carries beside {@code error} and {@code message} (say, the id of what the input clashed with). */
    public java.util.Map<String, Object> fields() {
        return java.util.Map.of();
    }
}
