package truce.web;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live client's outgoing messages, sent by its own thread so a slow or dead client only ever holds up
 * itself. Frame states keep only the latest per camera (stale ones are dropped); alerts, cues and session
 * messages queue in order and are never dropped: if a client falls {@link #MAX_QUEUED} of them behind, it is
 * disconnected, and on reconnecting re-reads missed alerts from GET /api/alerts.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final int MAX_QUEUED = 1000;
    private static final long KEEPALIVE_MS = 15_000;

    /** How a message reaches the client (WebSocket text, or an SSE event). Blocking is fine here. */
    interface Sender {
        void send(String event, String json) throws Exception;

        void keepAlive() throws Exception;

        void close();
    }

    private record Message(String event, String json) {
    }

    private final String name;
    private final Sender sender;
    private final Runnable onClosed;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final Map<String, String> latestFrames = new LinkedHashMap<>();
    private final Thread thread;
    private boolean closed;

    Outbox(String name, Sender sender, Runnable onClosed) {
        this.name = name;
        this.sender = sender;
        this.onClosed = onClosed;
        this.thread = new Thread(this::run, "client-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues an alert, cue or session message; never blocks, never drops. */
    void offer(String event, String json) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = queue.size() >= MAX_QUEUED;
            if (!overflow) {
                queue.add(new Message(event, json));
                notifyAll();
            }
        }
        if (overflow) {
            LOG.warn("client {} is {} messages behind: disconnecting it (it re-reads missed alerts on reconnect)", name, MAX_QUEUED);
            close();
        }
    }

    /** Replaces the camera's pending frame state with this one (stale states are dropped). */
    synchronized void offerFrame(String camera, String json) {
        if (!closed) {
            latestFrames.put(camera, json);
            notifyAll();
        }
    }

    private void run() {
        try {
            while (true) {
                Message m;
                synchronized (this) {
                    long waitStart = System.currentTimeMillis();
                    while (!closed && queue.isEmpty() && latestFrames.isEmpty()) {
                        wait(KEEPALIVE_MS);
                        if (System.currentTimeMillis() - waitStart >= KEEPALIVE_MS) {
                            break;
                        }
                    }
                    if (closed) {
                        return;
                    }
                    if (!queue.isEmpty()) {
                        m = queue.poll();
                    } else if (!latestFrames.isEmpty()) {
                        var it = latestFrames.entrySet().iterator();
                        var e = it.next();
                        it.remove();
                        m = new Message("frame", e.getValue());
                    } else {
                        m = null;
                    }
                }
                if (m == null) {
                    sender.keepAlive();
                } else {
                    sender.send(m.event(), m.json());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("client {} gone: {}", name, e.toString());
        } finally {
            close();
        }
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            latestFrames.clear();
            notifyAll();
        }
        try {
            sender.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
        onClosed.run();
    }
}
