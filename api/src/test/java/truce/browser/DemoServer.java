package truce.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.time.Duration;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import truce.behaviour.CatPosture;
import truce.classify.ModelClassifier;
import truce.feed.Feeds;
import truce.feed.SyntheticClip;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.live.CameraConfig;
import truce.live.LiveFeed;
import truce.service.MediaOptions;
import truce.service.TruceService;
import truce.web.ApiServer;
import truce.web.DashboardPages;

/**
 * The real service, in process, as {@code truce serve} builds it, on a temporary data directory and a free port,
 * playing the bundled demo as a live camera in real time. When the demo has its truth CSV beside it, its labels are
 * replayed (as {@code serve --replay-truth}) so that the first lunge happens at a known time; without the demo clip
 * (a checkout whose samples have not been generated), the api tests' scripted clip stands in for it.
 */
final class DemoServer implements AutoCloseable {

    private final Path dataDir;
    private final TruceService svc;
    private final ApiServer server;
    private final int port;
    private final double seconds;
    private final double firstLungeMs;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private DemoServer(Path dataDir, TruceService svc, ApiServer server, int port, double seconds, double firstLungeMs) {
        this.dataDir = dataDir;
        this.svc = svc;
        this.server = server;
        this.port = port;
        this.seconds = seconds;
        this.firstLungeMs = firstLungeMs;
    }

    static DemoServer start() throws Exception {
        nu.pattern.OpenCV.loadLocally();
        Path dataDir = Files.createTempDirectory("truce-browser-");
        Path video;
        try {
            video = Feeds.findDemo();
        } catch (IOException noDemo) {
            video = SyntheticClip.write(Files.createDirectories(dataDir.resolve("clip")), 20);
        }
        Path truth = Feeds.truthBeside(video);
        Path zones = Feeds.zonesBeside(video);
        CameraConfig cfg = new CameraConfig("cam0", video.toString(), "Tom+Remy", 5, null,
                Files.isRegularFile(zones) ? zones.toString() : null, null);
        boolean replay = Files.isRegularFile(truth);
        LiveFeed.Opener opener = replay
                ? Feeds.truth(cfg, video.toString(), truth, true)
                : Feeds.vision(cfg, video.toString(), ModelClassifier.withDefaultWeights(), true);
        double seconds = 60;
        double firstLunge = Double.NaN;
        if (replay) {
            List<FrameRow> rows = FrameCsv.readRows(truth);
            seconds = rows.get(rows.size() - 1).timeMs() / 1000.0;
            firstLunge = rows.stream().filter(r -> r.catPosture() == CatPosture.LUNGING)
                    .mapToDouble(FrameRow::timeMs).findFirst().orElse(Double.NaN);
        }
        TruceService svc = new TruceService(dataDir.resolve("data"));
        ApiServer server = new ApiServer(svc).with(new DashboardPages());
        svc.addCamera(cfg, opener, MediaOptions.DEFAULTS);
        int port = server.start("127.0.0.1", 0);
        return new DemoServer(dataDir, svc, server, port, seconds, firstLunge);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String token() {
        return svc.auth().token();
    }

    /** Length of one play of the demo, in seconds. */
    double demoSeconds() {
        return seconds;
    }

    /** Media time of the demo's first lunge (ms), NaN when it is not known in advance. */
    double firstLungeMs() {
        return firstLungeMs;
    }

    /** GET with the token; fails on any status but 200. */
    String getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Waits until the session's first highlight of a kind has its clip served; returns the highlight's id. */
    long awaitClip(long sessionId, String kind, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = getJson("/api/sessions/" + sessionId + "/highlights");
            for (JsonNode h : json.readTree(last)) {
                if (kind.equals(h.path("kind").asText()) && h.hasNonNull("clipUrl")) {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url(h.get("clipUrl").asText())))
                            .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return h.get("id").asLong();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + kind + " clip was served for session " + sessionId + " within " + timeout + ": " + last);
    }

    @Override
    public void close() {
        server.close();
        svc.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
