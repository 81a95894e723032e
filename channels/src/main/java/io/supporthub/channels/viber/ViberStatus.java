package io.supporthub.channels.viber;

/** Viber's API status codes (the {@code status} field of every answer). */
public final class ViberStatus {

    public static final int OK = 0;
    public static final int INVALID_URL = 1;
    public static final int INVALID_AUTH_TOKEN = 2;
    public static final int BAD_DATA = 3;
    public static final int MISSING_DATA = 4;
    public static final int RECEIVER_NOT_REGISTERED = 5;
    public static final int RECEIVER_NOT_SUBSCRIBED = 6;
    public static final int PUBLIC_ACCOUNT_BLOCKED = 7;
    public static final int PUBLIC_ACCOUNT_NOT_FOUND = 8;
    public static final int PUBLIC_ACCOUNT_SUSPENDED = 9;
    public static final int WEBHOOK_NOT_SET = 10;
    public static final int RECEIVER_NO_SUITABLE_DEVICE = 11;
    public static final int TOO_MANY_REQUESTS = 12;

    private ViberStatus() {
    }

    /** Viber's name of a status, for messages. */
    public static String name(int status) {
        return switch (status) {
            case OK -> "ok";
            case INVALID_URL -> "invalidUrl";
            case INVALID_AUTH_TOKEN -> "invalidAuthToken";
            case BAD_DATA -> "badData";
            case MISSING_DATA -> "missingData";
            case RECEIVER_NOT_REGISTERED -> "receiverNotRegistered";
            case RECEIVER_NOT_SUBSCRIBED -> "receiverNotSubscribed";
            case PUBLIC_ACCOUNT_BLOCKED -> "publicAccountBlocked";
            case PUBLIC_ACCOUNT_NOT_FOUND -> "publicAccountNotFound";
            case PUBLIC_ACCOUNT_SUSPENDED -> "publicAccountSuspended";
            case WEBHOOK_NOT_SET -> "webhookNotSet";
            case RECEIVER_NO_SUITABLE_DEVICE -> "receiverNoSuitableDevice";
            case TOO_MANY_REQUESTS -> "tooManyRequests";
            default -> "generalError";
        };
    }
}
