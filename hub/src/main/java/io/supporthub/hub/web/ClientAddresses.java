package io.supporthub.hub.web;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, by IP address: the connection's peer, or, when the peer is one of the {@code TRUSTED_PROXIES}, the
 * address it forwarded. {@code X-Forwarded-For} is read from the right: each proxy appends the peer it saw, so the
 * rightmost address that is not a trusted proxy is the first one no proxy of ours vouches for; everything to its left
 * was written by the client and is ignored.
 */
public final class ClientAddresses {

    private final List<Cidr> trustedProxies;

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** Parses {@code TRUSTED_PROXIES}-style text: CIDRs separated by commas or spaces. */
    public static ClientAddresses trusting(List<String> cidrs) {
        return new ClientAddresses(cidrs.stream().map(Cidr::parse).toList());
    }

    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** The client's address from the peer's and the {@code X-Forwarded-For} headers (in the order received). */
    public String resolve(String peer, List<String> forwardedForHeaders) {
        Optional<InetAddress> peerAddress = Cidr.literal(peer);
        if (peerAddress.isEmpty() || !trusted(peerAddress.get())) {
            return normalised(peer, peerAddress);
        }
        List<String> hops = new ArrayList<>();
        forwardedForHeaders.forEach(header -> {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        });
        InetAddress nearest = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = Cidr.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                // A hop no proxy of ours would write: stop at the last address a trusted proxy vouched for.
                return nearest.getHostAddress();
            }
            nearest = hop.get();
            if (!trusted(nearest)) {
                return nearest.getHostAddress();
            }
        }
        return nearest.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static String normalised(String peer, Optional<InetAddress> address) {
        return address.map(InetAddress::getHostAddress).orElse(peer);
    }

    /** {@code 203.0.113.7:5123} or {@code [2001:db8::1]:443} without the port; a bare IPv6 address as it is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
