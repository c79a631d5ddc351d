package nl.intervision.panel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a server that can make every connection it carries go
 * silent at once, without closing anything: what a NAT that forgot the connection, a proxy that
 * hung or a laptop that slept looks like from both ends. Connections opened after the stall flow
 * normally once the network is restored, so a client that noticed comes back through the same address.
 * In front of PostgreSQL it plays the path between a server node and its database.
 */
public final class StallingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetAddress targetHost;
  private final int target;
  private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  /** While set, a new connection is closed as soon as it arrives: the network is down for everyone. */
  private volatile boolean down;
  /** While set, a new connection is let in and goes silent at once: a path that accepts and then says nothing. */
  private volatile boolean blackHole;
  private final AtomicInteger arrived = new AtomicInteger();

  public StallingProxy(int targetPort) throws IOException {
    this(InetAddress.getLoopbackAddress(), targetPort);
  }

  public StallingProxy(InetAddress targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.target = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "stalling-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * The network goes away without a word: every connection open now stops passing bytes in both
   * directions and stays open, and new ones are cut off at once until {@link #restore()}.
   */
  public void stallAll() {
    down = true;
    pipes.forEach(p -> p.stalled = true);
  }

  /**
   * Every connection open now goes silent as with {@link #stallAll()}, and so does every new one, the
   * moment it is accepted, until {@link #restore()}: nothing is refused and nothing ever answers.
   */
  public void blackHole() {
    blackHole = true;
    pipes.forEach(p -> p.stalled = true);
  }

  /** The network is back: new connections flow again (the stalled ones stay dead). */
  public void restore() {
    down = false;
    blackHole = false;
  }

  /** Connections that came in so far, whether they were let through, refused or swallowed. */
  public int arrived() {
    return arrived.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        if (down) {
          client.close();
          arrived.incrementAndGet();
          continue;
        }
        boolean swallowed = blackHole;
        Socket server = new Socket();
        server.connect(new InetSocketAddress(targetHost, target));
        Pipe pipe = new Pipe(client, server);
        pipe.stalled = swallowed;
        pipes.add(pipe);
        pump(pipe, client, server);
        pump(pipe, server, client);
        // Counted once its fate is sealed, so that a restore() after seeing it cannot change that fate.
        arrived.incrementAndGet();
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private static void pump(Pipe pipe, Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (pipe.stalled) {
            // Swallow what arrives: neither end hears from the other again.
            continue;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away
      } finally {
        if (!pipe.stalled) {
          pipe.close();
        }
      }
    }, "stalling-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    pipes.forEach(Pipe::close);
  }

  private static final class Pipe {
    final Socket a;
    final Socket b;
    volatile boolean stalled;

    Pipe(Socket a, Socket b) {
      this.a = a;
      this.b = b;
    }

    void close() {
      try {
        a.close();
        b.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
