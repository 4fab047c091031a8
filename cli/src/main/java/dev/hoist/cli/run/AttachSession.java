package dev.hoist.cli.run;

import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The client end of {@code attach_url} ({@code tcp://HOST:PORT/TOKEN}, see docs/internal-api.md): one
 * handshake line, then frames of 1 byte type, 4 bytes big-endian length and the payload, both ways.
 *
 * <p>Threading: {@link #relay} runs on the caller's thread and reads the socket; {@link #pumpStdin}
 * writes from its own daemon thread and a resize may be sent from a signal thread, so every write of
 * a frame is synchronized.
 */
final class AttachSession implements Closeable {

    static final int STDIN = 0;
    static final int STDIN_CLOSED = 1;
    static final int RESIZE = 2;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int EXIT = 3;
    static final int ERROR = 4;

    /** Far above any chunk the dyno manager sends: a bigger length means the stream is out of step. */
    static final int MAX_FRAME = 16 * 1024 * 1024;

    private final Socket socket;
    private final String dyno;
    private final String token;
    private final DataInputStream in;
    private final OutputStream out;

    private AttachSession(Socket socket, String dyno, String token) throws IOException {
        this.socket = socket;
        this.dyno = dyno;
        this.token = token;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code attachUrl}; a refusal names the dyno and the address, never the token. */
    static AttachSession connect(String attachUrl, String dyno) {
        URI uri;
        try {
            uri = URI.create(attachUrl);
        } catch (IllegalArgumentException e) {
            throw new CliException("the API gave an attach_url for " + dyno + " that is not a URL");
        }
        String host = uri.getHost() == null ? null : uri.getHost().replaceAll("^\\[|\\]$", "");
        String token = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!"tcp".equals(uri.getScheme()) || host == null || uri.getPort() < 0 || token.isEmpty()) {
            throw new CliException("the API gave an attach_url for " + dyno + " that is not tcp://HOST:PORT/TOKEN");
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, uri.getPort()), (int) ApiClient.CONNECT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            return new AttachSession(socket, dyno, token);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new CliException("cannot attach to " + dyno + " at " + host + ":" + uri.getPort() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** {@code HOIST-ATTACH <token> <tty 0|1> <cols> <rows>\n}. */
    void handshake(boolean tty, int cols, int rows) {
        String line = "HOIST-ATTACH " + token + " " + (tty ? 1 : 0) + " " + cols + " " + rows + "\n";
        try {
            synchronized (this) {
                out.write(line.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            throw new CliException("cannot attach to " + dyno + ": " + e.getMessage());
        }
    }

    synchronized void send(int type, byte[] payload, int length) throws IOException {
        byte[] header = {(byte) type,
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        out.write(header);
        out.write(payload, 0, length);
        out.flush();
    }

    void resize(int cols, int rows) {
        byte[] size = (cols + " " + rows).getBytes(StandardCharsets.US_ASCII);
        try {
            send(RESIZE, size, size.length);
        } catch (IOException closed) {
            // The session is ending; a resize no longer matters.
        }
    }

    /** Copies {@code stdin} to the dyno in the background, then says it is closed. */
    void pumpStdin(InputStream stdin) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = stdin.read(buffer)) != -1; ) {
                    send(STDIN, buffer, n);
                }
                send(STDIN_CLOSED, buffer, 0);
            } catch (IOException over) {
                // The socket closed because the dyno finished: nothing left to send to.
            }
        }, "hoist-run-stdin");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Writes the dyno's output as it arrives, flushing every frame, until the dyno exits.
     *
     * @return the exit status the dyno reported
     * @throws CliException on an error frame, or when the connection ends without an exit status
     */
    int relay(OutputStream stdout, OutputStream stderr) {
        try {
            while (true) {
                int type = in.readUnsignedByte();
                int length = in.readInt();
                if (length < 0 || length > MAX_FRAME) {
                    throw new CliException("the connection to " + dyno + " sent a frame of " + length
                            + " bytes; giving up");
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                switch (type) {
                    case STDOUT -> write(stdout, payload);
                    case STDERR -> write(stderr, payload);
                    case EXIT -> {
                        return exitStatus(new String(payload, StandardCharsets.US_ASCII).strip());
                    }
                    case ERROR -> throw new CliException(new String(payload, StandardCharsets.UTF_8).strip());
                    default -> {
                        // A frame type this client does not know yet: skipped, so newer servers still work.
                    }
                }
            }
        } catch (EOFException e) {
            throw new CliException("the connection to " + dyno + " closed before the command finished");
        } catch (IOException e) {
            throw new CliException("the connection to " + dyno + " was lost: " + e.getMessage());
        }
    }

    private int exitStatus(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CliException(dyno + " reported an exit status that is not a number: '" + text + "'");
        }
    }

    private static void write(OutputStream stream, byte[] bytes) throws IOException {
        stream.write(bytes);
        stream.flush();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do: the socket is unusable either way.
        }
    }
}
