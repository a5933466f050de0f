package truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.Labels;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.live.CameraConfig;
import truce.live.CameraLoop;
import truce.live.LiveFrame;
import truce.service.TruceService;
import truce.web.ApiServer;

/**
 * {@code truce loadtest}: a real server on loopback (temporary data directory), a camera fed labelled frames at
 * {@code --fps} with a lunge every few seconds, {@code --clients} live WebSocket clients, and {@code --requests}
 * REST requests from {@code --threads} threads. Reports frame-to-alert latency at the clients (from the moment
 * the labelled frame enters the camera loop, i.e. after classification), REST latency and throughput, and any
 * 5xx. Bounded in count and time; loopback only.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = "Measures alert latency at live clients and REST throughput against an in-process server on loopback.")
public final class LoadTestCommand implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "50", description = "live WebSocket clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--requests", defaultValue = "10000", description = "REST requests (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--threads", defaultValue = "8", description = "REST client threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--fps", defaultValue = "30", description = "camera frame rate (default ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--quiet-seconds", defaultValue = "12", description = "alerts-only phase before the REST load (default ${DEFAULT-VALUE})")
    int quietSeconds;

    @Option(names = "--min-seconds", defaultValue = "20", description = "run the camera at least this long (default ${DEFAULT-VALUE})")
    int minSeconds;

    @Option(names = "--max-seconds", defaultValue = "120", description = "give up after this long (default ${DEFAULT-VALUE})")
    int maxSeconds;

    /** The figures, also for the opt-in test (the first 4 s of alerts are warm-up and not counted). */
    public record Result(long quietDeliveries, double quietP50Ms, double quietP99Ms,
                         int alerts, long alertDeliveries, double alertP50Ms, double alertP99Ms, double alertMaxMs,
                         int requests, double requestsPerSecond, double restP50Ms, double restP99Ms, int status5xx, int statusOther,
                         int lungesDelivered, long missingDeliveries) {
    }

    @Override
    public Integer call() throws Exception {
        Result r = run();
        System.out.printf("alerts, %d live clients, no other load: %d deliveries, frame-to-alert latency p50 %.2f ms, p99 %.2f ms%n",
                clients, r.quietDeliveries(), r.quietP50Ms(), r.quietP99Ms());
        System.out.printf("alerts, all: %d raised, %d deliveries to %d live clients (most during the REST load); latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                r.alerts(), r.alertDeliveries(), clients, r.alertP50Ms(), r.alertP99Ms(), r.alertMaxMs());
        System.out.printf("REST: %d requests from %d threads, %.0f req/s, latency p50 %.2f ms, p99 %.2f ms; 5xx: %d, other non-2xx: %d%n",
                r.requests(), threads, r.requestsPerSecond(), r.restP50Ms(), r.restP99Ms(), r.status5xx(), r.statusOther());
        System.out.printf("lunges seen by the clients: %d, deliveries missing: %d%n", r.lungesDelivered(), r.missingDeliveries());
        return r.status5xx() == 0 && r.statusOther() == 0 && r.missingDeliveries() == 0 ? 0 : 1;
    }

    public Result run() throws Exception {
        Path data = Files.createTempDirectory("truce-loadtest");
        ObjectMapper json = new ObjectMapper();
        try (TruceService svc = new TruceService(data)) {
            // A lunge every second, with a cool-down short enough that each one is raised.
            svc.settings(new truce.service.Settings(new truce.alert.AlertSettings(3, 1, 300, 2, 10, 0.5), null, null, null));
            CameraLoop cam = svc.addDrivenCamera(new CameraConfig("cam0", "loadtest", "Load+Test", 5, null, null, null), null).loop();
            try (ApiServer server = new ApiServer(svc)) {
                int port = server.start("127.0.0.1", 0);
                String token = svc.auth().token();
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, daemon())).build();

                // Live clients: each records, per alert id, when it arrived.
                ConcurrentHashMap<Long, Long> pushedAt = new ConcurrentHashMap<>();
                ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
                // Per lunge (by its frame), how many clients it reached: every lunge any client saw must reach all.
                ConcurrentHashMap<Long, AtomicInteger> reached = new ConcurrentHashMap<>();
                List<WebSocket> sockets = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    StringBuilder partial = new StringBuilder();
                    sockets.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live"), new WebSocket.Listener() {
                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence d, boolean last) {
                                    long now = System.nanoTime();
                                    partial.append(d);
                                    if (last) {
                                        String msg = partial.toString();
                                        partial.setLength(0);
                                        if (msg.startsWith("{\"type\":\"alert\"")) {
                                            try {
                                                JsonNode a = json.readTree(msg).get("alert");
                                                Long t0 = pushedAt.get(a.get("frame").asLong());
                                                if (t0 != null && "LUNGE".equals(a.get("kind").asText())) {
                                                    latencies.add((now - t0) / 1e6);
                                                    reached.computeIfAbsent(a.get("frame").asLong(), k -> new AtomicInteger()).incrementAndGet();
                                                }
                                            } catch (Exception ignored) {
                                                // counted as missing
                                            }
                                        }
                                    }
                                    ws.request(1);
                                    return null;
                                }
                            }).get(10, TimeUnit.SECONDS));
                }

                // The camera: calm frames with a lunge every second.
                AtomicInteger lunges = new AtomicInteger();
                CountDownLatch restDone = new CountDownLatch(1);
                Thread camera = new Thread(() -> {
                    long periodNanos = (long) (1e9 / fps);
                    long next = System.nanoTime();
                    long f = 0;
                    int lungeEvery = (int) Math.round(fps);
                    while (restDone.getCount() > 0) {
                        double t = f * 1000.0 / fps;
                        boolean lunge = f > fps * 2 && f % lungeEvery == 0;
                        AnimalFeatures c = new AnimalFeatures(true, 100, 100, 0, 0, 0, 0, 0, 0, 60, 20, 3, 900, 0);
                        AnimalFeatures r = new AnimalFeatures(true, 300, 100, 0, 0, 0, 0, 0, Math.PI, 20, 8, 2, 200, 0);
                        LiveFrame lf = new LiveFrame("cam0", new FrameFeatures(f, t, c, r, 200, 3.3, 0, 1, false),
                                new Labels(lunge ? CatPosture.LUNGING : CatPosture.CALM, RatState.EXPLORING, null, null), Instant.now(), null);
                        Long sid = cam.sessionId();
                        long sessionFrame = sid == null ? -1 : cam.sessionFrames();
                        if (lunge && sid != null) {
                            pushedAt.put(sessionFrame, System.nanoTime());
                            lunges.incrementAndGet();
                        }
                        cam.process(lf);
                        f++;
                        next += periodNanos;
                        long sleep = next - System.nanoTime();
                        if (sleep > 0) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(sleep);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                }, "loadtest-camera");
                camera.setDaemon(true);
                camera.start();
                // Warm-up (the first alerts run cold code), then a quiet phase: alerts to the live clients with
                // nothing else going on.
                Thread.sleep(4000);
                latencies.clear();
                Thread.sleep(quietSeconds * 1000L);
                List<Double> quiet = new ArrayList<>(latencies);

                // REST load.
                String[] paths = {"/api/sessions", "/api/cameras", "/api/alerts?limit=50", "/api/health", "/api/settings",
                        "/api/sessions/1", "/api/sessions/1/alerts", "/api/pairs"};
                AtomicInteger next = new AtomicInteger();
                AtomicInteger s5xx = new AtomicInteger();
                AtomicInteger other = new AtomicInteger();
                List<Double> restLat = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
                HttpClient rest = HttpClient.newHttpClient();
                long start = System.nanoTime();
                long deadline = start + maxSeconds * 1_000_000_000L;
                for (int t = 0; t < threads; t++) {
                    pool.execute(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                            String p = paths[i % paths.length];
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<byte[]> resp = rest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
                                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                                restLat.add((System.nanoTime() - t0) / 1e6);
                                if (resp.statusCode() >= 500) {
                                    s5xx.incrementAndGet();
                                } else if (resp.statusCode() / 100 != 2) {
                                    other.incrementAndGet();
                                }
                            } catch (Exception e) {
                                other.incrementAndGet();
                            }
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(maxSeconds + 10, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(Math.max(0, minSeconds * 1000L - (long) (seconds * 1000))); // enough lunges to measure
                restDone.countDown();
                camera.join(2000);
                // The last lunge may still be on its way to some clients: wait for it (bounded), don't count it lost.
                long settle = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < settle && reached.values().stream().anyMatch(c -> c.get() < clients)) {
                    Thread.sleep(50);
                }
                long missing = reached.values().stream().mapToLong(c -> clients - c.get()).sum();
                for (WebSocket w : sockets) {
                    w.abort();
                }
                List<Double> al = new ArrayList<>(latencies);
                return new Result(quiet.size(), pct(quiet, 50), pct(quiet, 99), lunges.get(), al.size(), pct(al, 50), pct(al, 99), pct(al, 100), restLat.size(),
                        restLat.size() / seconds, pct(restLat, 50), pct(restLat, 99), s5xx.get(), other.get(),
                        reached.size(), missing);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
    }

    static double pct(List<Double> xs, double p) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (Exception ignored) {
            // a temp dir
        }
    }
}
