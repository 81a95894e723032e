package io.supporthub.hub.apichannel;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which callback URLs are taken, with a resolver standing in for DNS (no lookup leaves the machine). */
class CallbackAddressesTest {

    private static final Map<String, String[]> DNS = Map.of(
            "crm.example.com", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
            "half-private.example.com", new String[] {"93.184.216.34", "10.0.0.5"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] names = DNS.get(host);
        if (names == null) {
            // literal addresses resolve to themselves without a lookup
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[names.length];
        for (int i = 0; i < names.length; i++) {
            addresses[i] = InetAddress.getByName(names[i]);
        }
        return addresses;
    }

    private final CallbackAddresses strict = new CallbackAddresses(false, CallbackAddressesTest::resolve);

    @Test
    void aPublicHost_isTaken_overHttpAndHttps() {
        assertThat(strict.problem("https://crm.example.com/hub")).isEmpty();
        assertThat(strict.problem("http://crm.example.com:8080/hub?x=1")).isEmpty();
        assertThat(strict.problem("https://93.184.216.34/hub")).isEmpty();
    }

    @Test
    void aHostWithOnePrivateAddress_isRefused_namingIt() {
        assertThat(strict.problem("https://half-private.example.com/hub")).get().asString()
                .contains("10.0.0.5", "private (RFC 1918)", "ALLOW_PRIVATE_CALLBACKS");
    }

    @Test
    void everyNonPublicKind_isRefused() {
        Map<String, String> refused = Map.of(
                "http://127.0.0.5/", "loopback",
                "http://[::ffff:127.0.0.1]/", "loopback",
                "http://[fe80::1]/", "link-local",
                "http://169.254.169.254/", "link-local",
                "http://[fc00::1]/", "unique local",
                "http://[fdab::1]/", "unique local",
                "http://[::]/", "unspecified",
                "http://[ff02::1]/", "multicast",
                "http://100.64.0.1/", "shared address space",
                "http://172.31.255.255/", "RFC 1918");
        refused.forEach((url, kind) -> assertThat(strict.problem(url)).as(url).get().asString().contains(kind));
        assertThat(strict.problem("http://172.32.0.1/")).as("just past 172.16/12").isEmpty();
    }

    @Test
    void otherSchemes_userInfo_andUnknownHosts_areRefused() {
        assertThat(strict.problem("ftp://crm.example.com/")).get().asString().contains("http or https");
        assertThat(strict.problem("javascript:alert(1)")).get().asString().contains("http or https");
        assertThat(strict.problem("https://user:pw@crm.example.com/")).get().asString().contains("user name");
        assertThat(strict.problem("https://nowhere.example.com/")).get().asString().contains("does not resolve");
        assertThat(strict.problem("https:///path")).isPresent();
    }

    @Test
    void withTheAllowance_privateAddressesAreTaken_butNotOtherSchemes() {
        CallbackAddresses lenient = new CallbackAddresses(true, CallbackAddressesTest::resolve);
        assertThat(lenient.problem("http://127.0.0.1:9000/in")).isEmpty();
        assertThat(lenient.problem("file:///etc/passwd")).isPresent();
    }
}
