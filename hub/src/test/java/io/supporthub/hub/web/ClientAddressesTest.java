package io.supporthub.hub.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = ClientAddresses.trusting(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxies_theForwardedHeaderIsIgnored() {
        ClientAddresses direct = ClientAddresses.trusting(List.of());
        assertThat(direct.resolve("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void fromAnUntrustedPeer_theForwardedHeaderIsIgnored() {
        assertThat(behindProxies.resolve("203.0.113.5", List.of("10.0.0.9, 198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindATrustedProxy_theRightmostUntrustedHopIsTheClient() {
        assertThat(behindProxies.resolve("10.0.0.2", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindProxies.resolve("10.0.0.2", List.of("6.6.6.6, 198.51.100.1, 10.1.1.1")))
                .as("what the client wrote itself, left of its real address, is ignored").isEqualTo("198.51.100.1");
        assertThat(behindProxies.resolve("10.0.0.2", List.of("6.6.6.6", "198.51.100.1")))
                .as("several headers read as one list, in order").isEqualTo("198.51.100.1");
    }

    @Test
    void portsBracketsAndIpv6_areUnderstood() {
        assertThat(behindProxies.resolve("10.0.0.2", List.of("198.51.100.1:5123"))).isEqualTo("198.51.100.1");
        assertThat(behindProxies.resolve("10.0.0.2", List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(behindProxies.resolve("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aMalformedHop_stopsAtTheLastAddressATrustedProxyGave() {
        assertThat(behindProxies.resolve("10.0.0.2", List.of("evil.example, 10.0.0.3"))).isEqualTo("10.0.0.3");
        assertThat(behindProxies.resolve("10.0.0.2", List.of("999.1.1.1"))).isEqualTo("10.0.0.2");
        assertThat(behindProxies.resolve("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void cidrs_matchTheirBlockOnly_andNonsenseIsRefusedByName() {
        assertThat(Cidr.parse("192.168.4.0/22").contains(Cidr.literal("192.168.7.255").orElseThrow())).isTrue();
        assertThat(Cidr.parse("192.168.4.0/22").contains(Cidr.literal("192.168.8.0").orElseThrow())).isFalse();
        assertThat(Cidr.parse("::1").contains(Cidr.literal("127.0.0.1").orElseThrow())).isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Cidr.parse("lb.internal")).hasMessageContaining("not an IP address");
        assertThat(Cidr.literal("localhost")).as("never a DNS lookup").isEmpty();
    }
}
