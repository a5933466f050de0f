package truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
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
 * While the server asks for pictures (someone watches this camera), a JPEG goes before a frame's JSON about ten
 * times a second (see {@link Ingest}).
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
        PictureRequests pictures = new PictureRequests(json);
        while (true) {
            WebSocket socket;
            try {
                socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                        .buildAsync(ws, pictures).get(10, TimeUnit.SECONDS);
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
                    byte[] jpeg = pictures.due(f.image());
                    if (jpeg != null) {
                        socket.sendBinary(ByteBuffer.wrap(jpeg), true).get(10, TimeUnit.SECONDS);
                    }
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
                pictures.reset();
                Thread.sleep(backoff);
            }
        }
    }

    /** Listens for the server's {"type":"frames","on":…} and paces the JPEGs it asked for. */
    static final class PictureRequests implements WebSocket.Listener {
        private static final long INTERVAL_NANOS = 100_000_000L;
        private final ObjectMapper json;
        private final MatOfByte buf = new MatOfByte();
        private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 80);
        private final StringBuilder text = new StringBuilder();
        private volatile boolean on;
        private long last;

        PictureRequests(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean whole) {
            text.append(data);
            if (whole) {
                try {
                    JsonNode msg = json.readTree(text.toString());
                    if ("frames".equals(msg.path("type").asText())) {
                        on = msg.path("on").asBoolean();
                        LOG.info("server {} pictures", on ? "asks for" : "no longer wants");
                    } else if (msg.has("error")) {
                        LOG.warn("server: {}", msg.get("error").asText());
                    }
                } catch (Exception e) {
                    LOG.warn("unreadable message from the server: {}", e.getMessage());
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** The JPEG to send before this frame, or null when none is wanted or the last was under 0.1 s ago. */
        byte[] due(Mat image) {
            long now = System.nanoTime();
            if (!on || image == null || image.empty() || now - last < INTERVAL_NANOS) {
                return null;
            }
            last = now;
            Imgcodecs.imencode(".jpg", image, buf, quality);
            return buf.toArray();
        }

        /** A new connection starts with no pictures until the server asks. */
        void reset() {
            on = false;
        }
    }
}
