package nl.intervision.panel.transport.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request counts against: the peer, or behind a trusted proxy the client it names. */
class ClientAddressTest {
  static final List<String> PROXY = List.of("10.0.0.1", "::1");

  static SocketAddress peer(String host) {
    return SocketAddress.inetSocketAddress(40_000, host);
  }

  static MultiMap forwardedFor(String... values) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (String value : values) {
      headers.add("X-Forwarded-For", value);
    }
    return headers;
  }

  @Test
  void aClientCannotPickItsAddressByWritingAHeader() {
    assertThat(ClientAddress.of(peer("203.0.113.7"), forwardedFor("198.51.100.1"), PROXY)).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.of(peer("203.0.113.7"), forwardedFor("198.51.100.1"), List.of())).isEqualTo("203.0.113.7");
  }

  @Test
  void behindATrustedProxyTheRightMostAddressItDidNotAddItselfCounts() {
    assertThat(ClientAddress.of(peer("10.0.0.1"), forwardedFor("198.51.100.1"), PROXY)).isEqualTo("198.51.100.1");
    // The left-most entry is whatever the client sent; the proxy appends the address it saw.
    assertThat(ClientAddress.of(peer("10.0.0.1"), forwardedFor("1.2.3.4, 198.51.100.1"), PROXY)).isEqualTo("198.51.100.1");
    assertThat(ClientAddress.of(peer("10.0.0.1"), forwardedFor("1.2.3.4", "198.51.100.1, 10.0.0.1"), PROXY))
        .isEqualTo("198.51.100.1");
    assertThat(ClientAddress.of(peer("0:0:0:0:0:0:0:1"), forwardedFor("198.51.100.1:5123"), PROXY)).isEqualTo("198.51.100.1");
    assertThat(ClientAddress.of(peer("10.0.0.1"), forwardedFor(), PROXY)).isEqualTo("10.0.0.1");
  }

  @Test
  void anIpv6AddressCountsByItsSlash64() {
    assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb::99"));
    assertThat(ClientAddress.key("2001:db8:1:2::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:3::1"));
    assertThat(ClientAddress.key("::ffff:192.0.2.5")).isEqualTo("192.0.2.5");
    assertThat(ClientAddress.key("x".repeat(500))).hasSize(ClientAddress.MAX_LENGTH);
  }
}
