package nl.intervision.panel.transport.limits;

import io.netty.util.NetUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a request comes from, as the per-address limits count it. Behind a reverse proxy every
 * request comes from the proxy, so when the peer is one of {@code TRUSTED_PROXIES} the address is read
 * from {@code X-Forwarded-For}: the right-most entry that is not a trusted proxy itself (entries
 * further left are whatever the client wrote). An IPv6 address counts by its /64, because one machine
 * usually has a whole /64 to pick addresses from.
 */
public final class ClientAddress {
  private ClientAddress() {}

  /** A key longer than this is no address; it is cut so that a bucket's key stays small. */
  static final int MAX_LENGTH = 64;

  /** The client of this HTTP request, as {@link #of(SocketAddress, MultiMap, List)} reads it. */
  public static String of(io.vertx.core.http.HttpServerRequest request, List<String> trustedProxies) {
    return of(request.remoteAddress(), request.headers(), trustedProxies);
  }

  public static String of(SocketAddress peer, MultiMap headers, List<String> trustedProxies) {
    String address = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    if (trusted(address, trustedProxies)) {
      List<String> forwarded = headers.getAll("X-Forwarded-For");
      String[] hops = String.join(",", forwarded).split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        String hop = hops[i].strip();
        if (!hop.isEmpty()) {
          address = hop;
          if (!trusted(hop, trustedProxies)) {
            break;
          }
        }
      }
    }
    return key(address);
  }

  /** Compared as addresses, so that "::1" and "0:0:0:0:0:0:0:1" are the same proxy. */
  private static boolean trusted(String address, List<String> trustedProxies) {
    if (trustedProxies.isEmpty()) {
      return false;
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    for (String proxy : trustedProxies) {
      byte[] proxyBytes = NetUtil.createByteArrayFromIpAddressString(proxy);
      if (bytes == null ? proxy.equals(address) : Arrays.equals(bytes, proxyBytes)) {
        return true;
      }
    }
    return false;
  }

  /** IPv4 as written; IPv6 as its first 64 bits (an IPv4-mapped one as the IPv4 address). */
  static String key(String address) {
    String bare = address.startsWith("[") && address.contains("]")
        ? address.substring(1, address.indexOf(']'))
        : address;
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
    if (bytes == null) {
      // An "a.b.c.d:port" from a proxy, or no address at all.
      int colon = bare.indexOf(':');
      if (colon > 0 && colon == bare.lastIndexOf(':')) {
        bytes = NetUtil.createByteArrayFromIpAddressString(bare.substring(0, colon));
      }
    }
    if (bytes == null) {
      return bare.length() > MAX_LENGTH ? bare.substring(0, MAX_LENGTH) : bare;
    }
    if (bytes.length == 16 && isIpv4Mapped(bytes)) {
      return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
    }
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }
    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }
}
