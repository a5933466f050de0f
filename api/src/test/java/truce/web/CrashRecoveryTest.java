package truce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.feed.SyntheticClip;
import truce.source.Natives;

/**
 * Starts `truce serve` as a child JVM on a generated clip (truth replay), kills it with SIGKILL in the middle of
 * a session, restarts it on the same data directory, and checks that nothing but the last second of detections
 * was lost and that the recording plays up to the crash.
 */
class CrashRecoveryTest {
    private static final Pattern URL = Pattern.compile("http://localhost:(\\d+)/\\?token=(\\S+)");
    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void killChildren() throws Exception {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private record Server(Process process, int port, String token) {
    }

    private Server serve(Path clip, Path data, Path log) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "truce.cli.Truce", "serve", "--camera", clip.toString(), "--truth", clip.resolveSibling("clip.truth.csv").toString(),
                "--port", "0", "--data", data.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        children.add(p);
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    Matcher m = URL.matcher(line);
                    if (m.find()) {
                        ready.complete(m);
                    }
                }
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("serve exited before it was ready"));
        });
        reader.setDaemon(true);
        reader.start();
        Matcher m = ready.get(60, TimeUnit.SECONDS);
        return new Server(p, Integer.parseInt(m.group(1)), m.group(2));
    }

    private HttpResponse<String> get(Server s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Authorization", "Bearer " + s.token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void killMinusNineLosesAtMostTheLastSecondAndTheRecordingPlaysUpToTheCrash() throws Exception {
        Natives.load();
        Path clipDir = Files.createDirectories(dir.resolve("clip"));
        Path clip = SyntheticClip.write(clipDir, 40);
        Path data = dir.resolve("data");

        Server first = serve(clip, data, dir.resolve("first.log"));
        long lastSeen;
        long sessionId;
        try (LiveClients.Ws ws = new LiveClients.Ws(http, first.port(), first.token())) {
            // Watch the live frame states until the session is 6 s old (120 frames at 20 fps).
            long frame = -1;
            long sid = -1;
            long deadline = System.currentTimeMillis() + 30_000;
            while (frame < 120 && System.currentTimeMillis() < deadline) {
                LiveClients.Received r = ws.await("\"type\":\"frame\"", 5000);
                assertNotNull(r, "no live frames from the child");
                JsonNode f = json.readTree(r.text());
                if (!f.get("sessionId").isNull()) {
                    sid = f.get("sessionId").asLong();
                    frame = f.get("frame").asLong();
                }
            }
            assertTrue(frame >= 120, "session never got going");
            lastSeen = frame;
            sessionId = sid;
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
        }

        Server second = serve(clip, data, dir.resolve("second.log"));
        JsonNode session = json.readTree(get(second, "/api/sessions/" + sessionId).body());
        assertFalse(session.get("live").asBoolean(), "the crashed session was closed at restart");
        assertNotNull(session.get("endedAt").asText());
        assertTrue(session.get("metrics").get("observedS").asDouble() > 5);

        String csv = get(second, "/api/sessions/" + sessionId + "/frames.csv").body();
        String[] lines = csv.split("\n");
        long lastStored = Long.parseLong(lines[lines.length - 1].split(",")[0]);
        assertEquals(lines.length - 2, lastStored, "stored frames are contiguous from 0");
        assertTrue(lastStored >= lastSeen - 20, "stored up to frame " + lastStored + ", but frame " + lastSeen
                + " had been processed: more than the last second (20 frames) lost");

        JsonNode segs = json.readTree(get(second, "/api/sessions/" + sessionId + "/recording").body());
        assertEquals(1, segs.size());
        String url = segs.get(0).get("url").asText();
        HttpResponse<Path> video = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + url))
                .header("Authorization", "Bearer " + second.token()).build(), HttpResponse.BodyHandlers.ofFile(dir.resolve("rec.mp4")));
        assertEquals(200, video.statusCode());
        long frames = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.body().toFile())) {
            g.start();
            while (g.grabImage() != null) {
                frames++;
            }
            g.stop();
        }
        assertTrue(frames >= lastSeen - 40, "recording plays " + frames + " frames; the crash came after frame " + lastSeen);

        HttpResponse<String> range = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + url))
                .header("Authorization", "Bearer " + second.token()).header("Range", "bytes=0-99").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(206, range.statusCode());

        second.process().destroy(); // SIGTERM: a clean shutdown
        assertTrue(second.process().waitFor(20, TimeUnit.SECONDS));
    }
}
