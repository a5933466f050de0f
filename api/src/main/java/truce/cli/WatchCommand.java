package truce.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import truce.classify.ModelClassifier;
import truce.feed.Feeds;
import truce.live.CameraConfig;
import truce.live.LiveFeed;
import truce.live.LiveFrame;
import truce.service.Json;
import truce.web.Ingest;

/**
 * {@code truce watch}: a camera node. Runs the pipeline on a local camera and streams every labelled frame to a
 * central server's /api/ingest/{id}, reconnecting with backoff; the server does sessions, alerts and storage.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Runs the pipeline on a local camera and streams its detections to a central Truce server.")
public final class WatchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchCommand.class);

    @Option(names = "--camera", required = true, description = "0, /dev/videoN, rtsp://..., or a video file")
    String camera;

    @Option(names = "--server", required = true, description = "the central server, e.g. http://10.0.0.5:7070")
    URI server;

    @Option(names = "--token", required = true, description = "the central server's token")
    String token;

    @Option(names = "--id", defaultValue = "node0", description = "camera id on the server (default ${DEFAULT-VALUE})")
    String id;

    @Option(names = "--view-width-cm", description = "width of floor the picture spans (cm)")
    Double viewWidthCm;

    @Option(names = "--zones", description = "zones JSON file")
    String zones;

    @Option(names = "--truth", description = "replay this truth CSV as labels instead of running the model (testing)")
    java.nio.file.Path truth;

    @Option(names = "--loop", description = "loop a video file")
    boolean loop;

    @Override
    public Integer call() throws Exception {
        CameraConfig cfg = new CameraConfig(id, camera, null, null, viewWidthCm, zones, truth == null ? null : truth.toString());
        LiveFeed.Opener opener = truth != null ? Feeds.truth(cfg, camera, truth, loop)
                : Feeds.vision(cfg, camera, ModelClassifier.withDefaultWeights(), loop);
        ObjectMapper json = Json.mapper();
        HttpClient http = HttpClient.newHttpClient();
        String scheme = server.getScheme().equals("https") ? "wss" : "ws";
        URI ws = URI.create(scheme + "://" + server.getAuthority() + "/api/ingest/" + id);
        long backoff = 500;
        long sent = 0;
        while (true) {
            WebSocket socket;
            try {
                socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                        .buildAsync(ws, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("cannot reach {} ({}); retrying in {} ms", ws, e.getMessage(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
                continue;
            }
            backoff = 500;
            LOG.info("streaming camera {} to {}", camera, ws);
            try (LiveFeed feed = opener.open()) {
                LiveFrame f;
                while ((f = feed.next()) != null) {
                    socket.sendText(json.writeValueAsString(Ingest.fromLive(f)), true).get(10, TimeUnit.SECONDS);
                    sent++;
                }
                if (!opener.restartsAtEnd()) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "end of stream").get(5, TimeUnit.SECONDS);
                    LOG.info("end of {}: {} frames sent", camera, sent);
                    return 0;
                }
            } catch (Exception e) {
                LOG.warn("stream interrupted ({}); reconnecting", e.getMessage());
                socket.abort();
                Thread.sleep(backoff);
            }
        }
    }
}
