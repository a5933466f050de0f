package truce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.alert.Alert;
import truce.alert.AlertKind;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.live.CameraConfig;
import truce.live.CameraLoop;
import truce.live.Frames;
import truce.notify.Webhooks;
import truce.service.Json;
import truce.service.TruceService;

/** Reward cues, camera-node ingest, webhooks with retries, the camera watchdog and the data directory's privacy. */
class ServiceExtrasTest {
    @TempDir
    Path dir;
    private TruceService svc;
    private ApiServer server;
    private int port;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        svc = new TruceService(dir.resolve("data"));
        server = new ApiServer(svc).with(new Ingest(svc));
        port = server.start("127.0.0.1", 0);
        token = svc.auth().token();
    }

    @AfterEach
    void stop() {
        server.close();
        svc.close();
    }

    @Test
    void dataDirectoryAndTokenAreOwnerOnly() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/token"))));
        assertEquals(token, Files.readString(dir.resolve("data/token")).strip());
    }

    @Test
    void calmLookCueReachesLiveAndSseClients() throws Exception {
        CameraLoop cam = svc.addDrivenCamera(new CameraConfig("cam0", "t", "A+B", 4, null, null, null), null).loop();
        try (LiveClients.Ws ws = new LiveClients.Ws(http, port, token); LiveClients.Sse sse = new LiveClients.Sse(http, port, token)) {
            Thread.sleep(200);
            for (int f = 0; f < 40; f++) { // calm and facing the rat (angle 0): a session starts at 1 s, the cue 2 s later
                cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.CALM, RatState.EXPLORING, 200));
            }
            LiveClients.Received cue = ws.await("CALM_LOOK", 5000);
            assertNotNull(cue, "no CALM_LOOK on the WebSocket");
            JsonNode c = json.readTree(cue.text());
            assertEquals("cue", c.get("type").asText());
            assertEquals(2000.0, c.get("timeMs").asDouble());
            assertNotNull(sse.await("cue", 5000), "no cue event on SSE");
        }
    }

    @Test
    void snapshotAndAnnotatedMjpegStream() throws Exception {
        CameraLoop cam = svc.addDrivenCamera(new CameraConfig("cam0", "t", "A+B", 4, null, null, null), null).loop();
        java.util.concurrent.atomic.AtomicBoolean run = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread feeder = new Thread(() -> {
            org.opencv.core.Mat m = new org.opencv.core.Mat(240, 320, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(90, 120, 150));
            for (int f = 0; run.get(); f++) {
                var lf = Frames.frame("cam0", f, f * 50.0, CatPosture.CALM, RatState.EXPLORING, 100);
                cam.process(new truce.live.LiveFrame("cam0", lf.features(), lf.labels(), lf.wallTime(), m));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            m.release();
        });
        feeder.start();
        try {
            HttpResponse<byte[]> snap = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cameras/cam0/snapshot.jpg"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, snap.statusCode());
            assertEquals((byte) 0xFF, snap.body()[0]);
            assertEquals((byte) 0xD8, snap.body()[1]);
            HttpResponse<java.io.InputStream> mjpeg = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cameras/cam0/live.mjpg"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertTrue(mjpeg.headers().firstValue("Content-Type").orElse("").startsWith("multipart/x-mixed-replace"));
            try (java.io.InputStream in = mjpeg.body()) {
                byte[] buf = new byte[200_000];
                int n = 0;
                int parts = 0;
                long deadline = System.currentTimeMillis() + 5000;
                while (parts < 3 && System.currentTimeMillis() < deadline) {
                    int r = in.read(buf, n, buf.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                    parts = new String(buf, 0, n, StandardCharsets.ISO_8859_1).split("Content-Type: image/jpeg", -1).length - 1;
                }
                assertTrue(parts >= 3, "MJPEG parts: " + parts);
            }
        } finally {
            run.set(false);
            feeder.join(2000);
        }
    }

    @Test
    void cameraNodeStreamsDetectionsToTheServer() throws Exception {
        WebSocket node = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/ingest/pen7"), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        for (int f = 0; f < 30; f++) {
            var lf = Frames.frame("pen7", f, f * 100.0, f == 20 ? CatPosture.LUNGING : CatPosture.CALM, RatState.EXPLORING, 200);
            node.sendText(json.writeValueAsString(Ingest.fromLive(lf)), true).get(5, TimeUnit.SECONDS);
        }
        long deadline = System.currentTimeMillis() + 5000;
        List<Alert> alerts = List.of();
        while (System.currentTimeMillis() < deadline && alerts.isEmpty()) {
            alerts = svc.alerts().recent(false, 0, 10);
            Thread.sleep(50);
        }
        assertEquals(1, alerts.size());
        assertEquals(AlertKind.LUNGE, alerts.get(0).kind());
        assertEquals("pen7", alerts.get(0).camera());
        JsonNode cams = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cameras"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("pen7", cams.get(0).get("id").asText());
        assertEquals("LIVE", cams.get(0).get("state").asText());
        node.abort();
        // the node went away: after 2 s without frames the server raises CAMERA_LOST
        deadline = System.currentTimeMillis() + 6000;
        boolean lost = false;
        while (System.currentTimeMillis() < deadline && !lost) {
            lost = svc.alerts().recent(false, 0, 10).stream().anyMatch(a -> a.kind() == AlertKind.CAMERA_LOST);
            Thread.sleep(100);
        }
        assertTrue(lost, "no CAMERA_LOST after the node stopped");
    }

    @Test
    void cameraNodeSendsPicturesOnlyWhileSomeoneWatches() throws Exception {
        List<String> fromServer = new CopyOnWriteArrayList<>();
        WebSocket node = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/ingest/pen9"), new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        fromServer.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        var lf = Frames.frame("pen9", 0, 0, CatPosture.CALM, RatState.EXPLORING, 200);
        node.sendText(json.writeValueAsString(Ingest.fromLive(lf)), true).get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertTrue(fromServer.isEmpty(), "nobody watches: no pictures asked for, got " + fromServer);

        truce.live.LiveView view = svc.camera("pen9").orElseThrow().view();
        view.join();
        node.sendText(json.writeValueAsString(Ingest.fromLive(Frames.frame("pen9", 1, 33, CatPosture.CALM, RatState.EXPLORING, 200))), true)
                .get(5, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 5000;
        while (fromServer.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("{\"type\":\"frames\",\"on\":true}", fromServer.get(0));

        // the node answers with a JPEG before its next frame: the live view then has a picture of the pen
        org.opencv.core.Mat pen = new org.opencv.core.Mat(120, 160, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(40, 120, 200));
        org.opencv.core.MatOfByte jpeg = new org.opencv.core.MatOfByte();
        org.opencv.imgcodecs.Imgcodecs.imencode(".jpg", pen, jpeg);
        node.sendBinary(java.nio.ByteBuffer.wrap(jpeg.toArray()), true).get(5, TimeUnit.SECONDS);
        node.sendText(json.writeValueAsString(Ingest.fromLive(Frames.frame("pen9", 2, 66, CatPosture.CALM, RatState.EXPLORING, 200))), true)
                .get(5, TimeUnit.SECONDS);
        truce.live.LiveView.Frame shown = view.next(0, 5000);
        assertNotNull(shown, "the watched remote camera shows the node's picture");
        org.opencv.core.Mat decoded = org.opencv.imgcodecs.Imgcodecs.imdecode(new org.opencv.core.MatOfByte(shown.jpeg()),
                org.opencv.imgcodecs.Imgcodecs.IMREAD_COLOR);
        assertEquals(160, decoded.cols());
        pen.release();
        decoded.release();

        view.leave();
        node.sendText(json.writeValueAsString(Ingest.fromLive(Frames.frame("pen9", 3, 99, CatPosture.CALM, RatState.EXPLORING, 200))), true)
                .get(5, TimeUnit.SECONDS);
        deadline = System.currentTimeMillis() + 5000;
        while (fromServer.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("{\"type\":\"frames\",\"on\":false}", fromServer.get(1));
        node.abort();
    }

    @Test
    void webhooksRetryWithBackoffOffThePipeline() throws Exception {
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch firstHeld = new java.util.concurrent.CountDownLatch(1);
        hook.createContext("/hook", ex -> {
            if (calls.get() == 0) {
                try {
                    firstHeld.await(10, TimeUnit.SECONDS); // the endpoint hangs until the test lets it answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int n = calls.incrementAndGet();
            ex.sendResponseHeaders(n < 3 ? 503 : 204, -1);
            ex.close();
        });
        hook.start();
        try (Webhooks w = new Webhooks(Json.mapper(), () -> List.of("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"), 50)) {
            w.post(new Alert(42, 7L, "cam0", AlertKind.LUNGE, AlertKind.LUNGE.severity(), 10, 1000, Instant.now(), null, null, false));
            assertEquals(0, calls.get(), "post returned while the endpoint still hangs: it never waits for the network");
            firstHeld.countDown();
            long deadline = System.currentTimeMillis() + 5000;
            while (calls.get() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            assertEquals(3, calls.get(), "two failures, then delivered, then no more");
            JsonNode body = json.readTree(bodies.get(2));
            assertEquals("LUNGE", body.get("kind").asText());
            assertEquals(42, body.get("id").asLong());
        } finally {
            hook.stop(0);
        }
    }
}
