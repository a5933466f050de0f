package truce.web;

import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Real WebSocket and SSE clients (java.net.http) that collect what the server sends, with arrival times. */
public final class LiveClients {
    private LiveClients() {
    }

    public record Received(String text, long nanos) {
    }

    public static final class Ws implements AutoCloseable {
        public final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
        public final WebSocket socket;

        public Ws(HttpClient http, int port, String token) throws Exception {
            StringBuilder partial = new StringBuilder();
            socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                messages.add(new Received(partial.toString(), System.nanoTime()));
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        }

        /** The next message containing {@code needle}, or null after the timeout. */
        public Received await(String needle, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (true) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                Received r = messages.poll(left, TimeUnit.MILLISECONDS);
                if (r == null) {
                    return null;
                }
                if (r.text().contains(needle)) {
                    return r;
                }
            }
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    /** Reads text/event-stream: each event's name and data, as they arrive. */
    public static final class Sse implements AutoCloseable {
        public record Event(String event, String data, long nanos) {
        }

        public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;
        private final Thread reader;

        public Sse(HttpClient http, int port, String token) throws Exception {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("SSE status " + r.statusCode());
            }
            body = r.body();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String event = "message";
                    StringBuilder data = new StringBuilder();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isEmpty()) {
                            if (data.length() > 0) {
                                events.add(new Event(event, data.toString(), System.nanoTime()));
                            }
                            event = "message";
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (Exception ignored) {
                    // closed
                }
            }, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public Event await(String eventName, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (true) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                Event e = events.poll(left, TimeUnit.MILLISECONDS);
                if (e == null) {
                    return null;
                }
                if (e.event().equals(eventName)) {
                    return e;
                }
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
