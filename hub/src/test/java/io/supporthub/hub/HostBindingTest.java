package io.supporthub.hub;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub listens on the address {@code HOST} names, and on every interface without it. */
class HostBindingTest {

    @Test
    void host_bindsTheServerToThatAddressOnly() throws Exception {
        // Linux routes all of 127.0.0.0/8 to the loopback interface, so a second loopback address stands in for
        // another interface of the machine.
        try (TestHub hub = new TestHub(Map.of("HOST", "127.0.0.2"), false, Instant.parse("2026-11-02T09:00:00Z"))) {
            assertThat(connects("127.0.0.2", hub.port)).isTrue();
            assertThatThrownBy(() -> connects("127.0.0.1", hub.port)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void withoutHost_everyInterfaceIsServed() throws Exception {
        try (TestHub hub = new TestHub()) {
            assertThat(connects("127.0.0.1", hub.port)).isTrue();
            assertThat(connects("127.0.0.2", hub.port)).isTrue();
        }
    }

    private static boolean connects(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return socket.isConnected();
        }
    }
}
