package nl.intervision.panel.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A certificate authority of the test's own and a server certificate it signed for localhost and
 * 127.0.0.1, made with openssl as an operator would; the clients trust that authority only.
 *
 * @param authority the CA's certificate, for the clients' trust store
 * @param chain the server's certificate, for nginx's ssl_certificate
 * @param key the server's private key, for nginx's ssl_certificate_key
 */
record TestCertificates(Path authority, Path chain, Path key) {

  static TestCertificates make(Path dir) throws IOException, InterruptedException {
    Path openssl = Tools.find("OPENSSL_PATH", "openssl", "/usr/bin/openssl");
    String curve = "ec_paramgen_curve:P-256";
    Tools.run(dir, List.of(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", curve, "-nodes",
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Intervision Panel test CA"));
    Tools.run(dir, List.of(openssl.toString(), "req", "-newkey", "ec", "-pkeyopt", curve, "-nodes",
        "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"));
    Files.writeString(dir.resolve("server.ext"), """
        subjectAltName = DNS:localhost, IP:127.0.0.1
        extendedKeyUsage = serverAuth
        """);
    Tools.run(dir, List.of(openssl.toString(), "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.pem"));
    return new TestCertificates(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
  }
}
