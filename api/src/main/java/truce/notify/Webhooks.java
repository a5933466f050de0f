package truce.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.alert.Alert;

/**
 * Posts each alert as JSON to every configured webhook, on its own thread (never the pipeline's), retrying a
 * failed delivery with backoff (1, 2, 4, 8, 16 s; then it is logged and given up). At most
 * {@link #MAX_IN_FLIGHT} deliveries wait at once, so a dead endpoint cannot eat memory.
 */
public final class Webhooks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    static final int ATTEMPTS = 6;
    static final int MAX_IN_FLIGHT = 1000;

    private final ObjectMapper json;
    private final Supplier<List<String>> urls;
    private final HttpClient http;
    private final ScheduledExecutorService exec;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long baseDelayMs;

    public Webhooks(ObjectMapper json, Supplier<List<String>> urls) {
        this(json, urls, 1000);
    }

    public Webhooks(ObjectMapper json, Supplier<List<String>> urls, long baseDelayMs) {
        this.json = json;
        this.urls = urls;
        this.baseDelayMs = baseDelayMs;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.exec = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "webhooks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the alert for every webhook; returns at once. */
    public void post(Alert a) {
        List<String> targets = urls.get();
        if (targets.isEmpty()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (String url : targets) {
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                LOG.error("webhook {}: {} deliveries already waiting; alert {} not sent there", url, MAX_IN_FLIGHT, a.id());
                continue;
            }
            exec.execute(() -> attempt(url, body, a.id(), 1));
        }
    }

    private void attempt(String url, String body, long alertId, int n) {
        String failure;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                inFlight.decrementAndGet();
                return;
            }
            failure = "HTTP " + r.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.decrementAndGet();
            return;
        } catch (Exception e) {
            failure = e.toString();
        }
        if (n >= ATTEMPTS) {
            inFlight.decrementAndGet();
            LOG.error("webhook {}: alert {} not delivered after {} attempts ({})", url, alertId, n, failure);
            return;
        }
        long delay = baseDelayMs << (n - 1);
        LOG.warn("webhook {}: alert {} attempt {} failed ({}); retrying in {} ms", url, alertId, n, failure, delay);
        exec.schedule(() -> attempt(url, body, alertId, n + 1), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
