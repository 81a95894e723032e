package io.supporthub.hub.apichannel;

/**
 * Where the generic channel posts agents' replies, and the secret that signs them; both null until an admin sets
 * them. Never shown in clear: {@link #view()} says whether a secret is set.
 */
public record CallbackSettings(String callbackUrl, String secret) {

    public static final CallbackSettings NONE = new CallbackSettings(null, null);

    public boolean configured() {
        return callbackUrl != null && secret != null;
    }

    /** What the API and the admin page show. */
    public View view() {
        return new View(callbackUrl, secret != null, configured());
    }

    public record View(String callbackUrl, boolean secretSet, boolean configured) {
    }
}
