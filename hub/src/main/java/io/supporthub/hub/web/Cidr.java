package io.supporthub.hub.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A block of IPv4 or IPv6 addresses such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses a CIDR, or says what is wrong with it. */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = literal(host)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
            }
        }
        return new Cidr(address.getAddress(), prefix);
    }

    /**
     * An IP address literal, never a name: nothing here may send a DNS query for text a client wrote. IPv4 must be a
     * dotted quad; IPv6 is parsed in brackets, which makes the JDK refuse rather than look a non-literal up.
     */
    public static Optional<InetAddress> literal(String text) {
        String candidate = text.strip();
        try {
            if (IPV4.matcher(candidate).matches()) {
                for (String part : candidate.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return Optional.empty();
                    }
                }
                return Optional.of(InetAddress.getByName(candidate));
            }
            if (candidate.startsWith("[") && candidate.endsWith("]")) {
                candidate = candidate.substring(1, candidate.length() - 1);
            }
            if (candidate.contains(":") && IPV6_CHARACTERS.matcher(candidate).matches()) {
                return Optional.of(InetAddress.getByName("[" + candidate + "]"));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
