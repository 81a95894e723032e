package io.supporthub.hub.apichannel;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the generic channel's callback may point: an http or https URL whose host resolves only to public addresses.
 * Loopback, link-local, private (RFC 1918, fc00::/7), unspecified and multicast addresses are refused, unless
 * {@code ALLOW_PRIVATE_CALLBACKS=true} (tests, a receiver in the same private network). Checked when an admin saves
 * the URL and again before each delivery, as the name may resolve elsewhere by then.
 */
public final class CallbackAddresses {

    /** Resolves a host name to its addresses; tests and the checks share the JVM's resolver by default. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public CallbackAddresses(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public CallbackAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL parsed, or why it may not be used. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("the callback URL must be http or https, not '" + (scheme.isEmpty() ? url : scheme) + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the callback URL has no host: '" + url + "'");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("the callback URL must not carry a user name or password; the secret signs each request");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("the callback host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = nonPublic(address);
            if (kind.isPresent()) {
                return Optional.of("the callback host '" + host + "' resolves to " + address.getHostAddress() + ", a "
                        + kind.get() + " address; set ALLOW_PRIVATE_CALLBACKS=true to allow it");
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address this is, or empty for a public one. */
    static Optional<String> nonPublic(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique local, fc00::/7)");
            }
            if (address.isSiteLocalAddress()) {
                return Optional.of("private (site-local)");
            }
            return Optional.empty();
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return Optional.of("private (RFC 1918)");
        }
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("private (shared address space, RFC 6598)");
        }
        return Optional.empty();
    }
}
