package truce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.framecsv.FrameCsv;
import truce.live.CameraConfig;
import truce.live.CameraLoop;
import truce.live.Frames;
import truce.service.Camera;
import truce.service.TruceService;

/** A real service on a temporary data directory and a free port, with real HTTP, WebSocket and SSE clients. */
class ApiServerTest {
    @TempDir
    Path dir;
    private TruceService svc;
    private ApiServer server;
    private int port;
    private String token;
    private CameraLoop cam;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        svc = new TruceService(dir);
        Camera c = svc.addDrivenCamera(new CameraConfig("cam0", "test", "Tom+Remy", 4, null, null, null), null);
        cam = c.loop();
        server = new ApiServer(svc);
        port = server.start("127.0.0.1", 0);
        token = svc.auth().token();
    }

    @AfterEach
    void stop() {
        server.close();
        svc.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String tok) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (tok != null) {
            b.header("Authorization", "Bearer " + tok);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = send(method, path, body, token);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        return json.readTree(r.body());
    }

    private void assertError(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertFalse(json.readTree(r.body()).get("error").asText().isBlank());
    }

    @Test
    void alertReachesWebSocketAndSseClientsAndIsStoredWithTheSession() throws Exception {
        try (LiveClients.Ws ws = new LiveClients.Ws(http, port, token); LiveClients.Sse sse = new LiveClients.Sse(http, port, token)) {
            Thread.sleep(200); // both registered
            int f = 0;
            for (; f < 15; f++) { // 1.5 s of both in view: the session starts by itself after 1 s
                cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.CALM, RatState.EXPLORING, 200));
            }
            Long sessionId = cam.sessionId();
            assertNotNull(sessionId);
            assertNotNull(ws.await("\"type\":\"session\"", 5000));
            long pushed = System.nanoTime();
            cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.LUNGING, RatState.EXPLORING, 50));
            f++;
            LiveClients.Received wsAlert = ws.await("\"type\":\"alert\"", 5000);
            LiveClients.Sse.Event sseAlert = sse.await("alert", 5000);
            assertNotNull(wsAlert, "WebSocket client got no alert");
            assertNotNull(sseAlert, "SSE client got no alert");
            JsonNode a = json.readTree(wsAlert.text()).get("alert");
            assertEquals("LUNGE", a.get("kind").asText());
            assertEquals("critical", a.get("severity").asText());
            assertEquals(sessionId.longValue(), a.get("sessionId").asLong());
            assertEquals("cam0", a.get("camera").asText());
            assertEquals(5, a.get("frame").asLong()); // session frame: the session started at stream frame 10
            assertFalse(a.get("acknowledged").asBoolean());
            JsonNode s = json.readTree(sseAlert.data());
            assertEquals("LUNGE", s.get("kind").asText());
            assertEquals(a.get("id").asLong(), s.get("id").asLong());
            assertTrue((wsAlert.nanos() - pushed) / 1e6 < 1000, "alert took over a second");

            for (; f < 30; f++) {
                cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.CALM, RatState.EXPLORING, 200));
            }
            JsonNode stopped = ok("POST", "/api/sessions/" + sessionId + "/stop", null, 200);
            assertFalse(stopped.get("live").asBoolean());
            assertEquals(1, stopped.get("lunges").asInt());

            JsonNode detail = ok("GET", "/api/sessions/" + sessionId, null, 200);
            assertEquals("Tom+Remy", detail.get("pair").asText());
            assertEquals(4, detail.get("stage").asInt());
            assertEquals(1, detail.get("metrics").get("lungeCount").asInt());
            assertEquals(1.9, detail.get("metrics").get("observedS").asDouble(), 1e-9); // 20 frames at 10 fps

            HttpResponse<String> csv = send("GET", "/api/sessions/" + sessionId + "/frames.csv", null, token);
            assertEquals(200, csv.statusCode());
            String[] lines = csv.body().split("\n");
            assertEquals(FrameCsv.HEADER, lines[0]);
            assertEquals(1 + 20, lines.length);
            assertTrue(lines[6].startsWith("5,500,lunging,exploring,100.0,100.0,150.0,100.0,1,1"), lines[6]);

            JsonNode alerts = ok("GET", "/api/sessions/" + sessionId + "/alerts", null, 200);
            assertEquals(1, alerts.size());
            long alertId = alerts.get(0).get("id").asLong();
            assertEquals(1, ok("GET", "/api/alerts?unacknowledged=true", null, 200).size());
            assertTrue(ok("POST", "/api/alerts/" + alertId + "/ack", null, 200).get("acknowledged").asBoolean());
            assertEquals(0, ok("GET", "/api/alerts?unacknowledged=true", null, 200).size());

            JsonNode timeline = ok("GET", "/api/sessions/" + sessionId + "/timeline", null, 200);
            assertEquals(20, timeline.get("frames").size());
            assertEquals(2, timeline.get("frames").get(5).get(1).asInt()); // lunging ordinal
            assertEquals(1, timeline.get("alerts").size());
        }
    }

    @Test
    void afterAStopByHandNoAutomaticSessionStartsUntilThePenWasEmpty() throws Exception {
        int f = 0;
        for (; f < 15; f++) {
            cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.CALM, RatState.EXPLORING, 200));
        }
        Long first = cam.sessionId();
        assertNotNull(first);
        ok("POST", "/api/sessions/" + first + "/stop", null, 200);
        for (; f < 40; f++) {
            cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.CALM, RatState.EXPLORING, 200));
        }
        assertEquals(null, cam.sessionId(), "a stop by hand is not undone by the automatic start");
        cam.process(Frames.frame("cam0", f, f * 100.0, null, RatState.HIDING, 200));
        f++;
        for (int k = 0; k < 12; k++, f++) {
            cam.process(Frames.frame("cam0", f, f * 100.0, CatPosture.CALM, RatState.EXPLORING, 200));
        }
        assertNotNull(cam.sessionId());
        assertTrue(cam.sessionId() > first);
    }

    @Test
    void aSessionCanBeFiledUnderItsRealPairAndStage() throws Exception {
        long id = ok("POST", "/api/sessions", "{\"camera\":\"cam0\",\"pair\":\"unnamed\",\"stage\":5}", 201).get("id").asLong();
        JsonNode s = ok("PATCH", "/api/sessions/" + id, "{\"pair\":\" Tom+Remy \"}", 200);
        assertEquals("Tom+Remy", s.get("pair").asText());
        assertEquals(5, s.get("stage").asInt(), "a field left out keeps its value");
        assertTrue(s.get("live").asBoolean(), "a live session stays live");
        ok("POST", "/api/sessions/" + id + "/stop", null, 200);
        s = ok("PATCH", "/api/sessions/" + id, "{\"stage\":2}", 200);
        assertEquals("Tom+Remy", s.get("pair").asText());
        assertEquals(2, ok("GET", "/api/sessions/" + id, null, 200).get("stage").asInt());
        assertTrue(ok("GET", "/api/pairs", null, 200).toString().contains("Tom+Remy"));
        assertEquals(id, ok("GET", "/api/sessions?pair=Tom%2BRemy", null, 200).get(0).get("id").asLong());

        assertError(send("PATCH", "/api/sessions/" + id, "{}", token), 400);
        assertError(send("PATCH", "/api/sessions/" + id, "{\"stage\":0}", token), 400);
        assertError(send("PATCH", "/api/sessions/" + id, "{\"pair\":\"  \"}", token), 400);
        assertError(send("PATCH", "/api/sessions/" + id, "{\"pair\":", token), 400);
        assertError(send("PATCH", "/api/sessions/999", "{\"stage\":2}", token), 404);
        assertEquals(2, ok("GET", "/api/sessions/" + id, null, 200).get("stage").asInt(), "a refused change changes nothing");
    }

    @Test
    void manualSessionsAndValidation() throws Exception {
        JsonNode s = ok("POST", "/api/sessions", "{\"camera\":\"cam0\",\"pair\":\"Tom+Remy\",\"stage\":3}", 201);
        long id = s.get("id").asLong();
        assertTrue(s.get("live").asBoolean());
        assertError(send("POST", "/api/sessions", "{\"camera\":\"cam0\",\"pair\":\"Tom+Remy\",\"stage\":3}", token), 409);
        assertEquals(id, ok("GET", "/api/cameras", null, 200).get(0).get("sessionId").asLong());
        ok("POST", "/api/sessions/" + id + "/stop", null, 200);
        assertError(send("POST", "/api/sessions/" + id + "/stop", null, token), 409);

        assertError(send("POST", "/api/sessions", "{\"camera\": \"cam0\", \"pair\": ", token), 400);
        assertError(send("POST", "/api/sessions", "", token), 400);
        assertError(send("POST", "/api/sessions", "[1,2]", token), 400);
        assertError(send("POST", "/api/sessions", "{\"camera\":\"cam0\",\"pair\":\"x\",\"stage\":9}", token), 400);
        assertError(send("POST", "/api/sessions", "{\"camera\":\"cam0\",\"pair\":\"x\",\"stage\":\"two\"}", token), 400);
        assertError(send("POST", "/api/sessions", "{\"camera\":\"nope\",\"pair\":\"x\",\"stage\":2}", token), 404);
        assertError(send("POST", "/api/sessions", "{\"camera\":\"cam0\",\"pair\":\"x\",\"stage\":2,\"extra\":1}", token), 400);
        assertError(send("GET", "/api/sessions/999", null, token), 404);
        assertError(send("GET", "/api/sessions/abc", null, token), 400);
        assertError(send("POST", "/api/alerts/999/ack", null, token), 404);
        assertError(send("GET", "/api/highlights/999/clip.mp4", null, token), 404);
        assertError(send("GET", "/api/recordings/../../etc/passwd", null, token), 404);
        assertError(send("GET", "/api/cameras/nope/zones", null, token), 404);
        assertError(send("GET", "/api/no-such-route", null, token), 404);
        assertError(send("GET", "/api/alerts?limit=0", null, token), 400);
        assertError(send("PUT", "/api/settings", "{\"retention\":{\"days\":-1,\"gigabytes\":2}}", token), 400);
        assertError(send("PUT", "/api/settings", "{\"webhooks\":[\"file:///etc/passwd\"]}", token), 400);
        assertError(send("PUT", "/api/cameras/cam0/zones", "{\"zones\":[{\"kind\":\"moat\",\"name\":\"a\",\"polygon\":[[0,0],[1,0],[1,1]]}]}", token), 400);

        JsonNode zones = ok("PUT", "/api/cameras/cam0/zones",
                "{\"viewWidthCm\":120.0,\"zones\":[{\"kind\":\"cover\",\"name\":\"shelter-1\",\"polygon\":[[0,0],[10,0],[10,10]]}]}", 200);
        assertEquals("shelter-1", ok("GET", "/api/cameras/cam0/zones", null, 200).get("zones").get(0).get("name").asText());
        assertEquals(120.0, zones.get("viewWidthCm").asDouble());

        JsonNode settings = ok("PUT", "/api/settings", "{\"alerts\":{\"stalkingSeconds\":4,\"stalkingCatLengths\":1,\"hiddenLongSeconds\":300,"
                + "\"cameraLostSeconds\":2,\"cooldownSeconds\":10,\"lungeCooldownSeconds\":3},\"webhooks\":[\"http://127.0.0.1:9/hook\"]}", 200);
        assertEquals(4.0, settings.get("alerts").get("stalkingSeconds").asDouble());
        assertEquals(4.0, ok("GET", "/api/settings", null, 200).get("alerts").get("stalkingSeconds").asDouble());
        assertEquals(30.0, ok("GET", "/api/settings", null, 200).get("retention").get("days").asDouble());
        // A partial body changes only what it names: one field of one section here, the rest stays as it was.
        JsonNode partial = ok("PUT", "/api/settings", "{\"retention\":{\"days\":7}}", 200);
        assertEquals(7.0, partial.get("retention").get("days").asDouble());
        assertEquals(20.0, partial.get("retention").get("gigabytes").asDouble());
        assertEquals(4.0, partial.get("alerts").get("stalkingSeconds").asDouble());
        assertEquals("http://127.0.0.1:9/hook", partial.get("webhooks").get(0).asText());
        JsonNode stored = ok("GET", "/api/settings", null, 200);
        assertEquals(7.0, stored.get("retention").get("days").asDouble());
        assertEquals(4.0, stored.get("alerts").get("stalkingSeconds").asDouble());
        assertError(send("PUT", "/api/settings", "{\"alerts\":{\"stalkingSecs\":4}}", token), 400);
        assertError(send("PUT", "/api/settings", "[1]", token), 400);
        assertEquals(7.0, ok("GET", "/api/settings", null, 200).get("retention").get("days").asDouble());

        assertEquals(List.of("Tom+Remy"), json.convertValue(ok("GET", "/api/pairs", null, 200), List.class));
        assertEquals(1, ok("GET", "/api/pairs/Tom+Remy/trend", null, 200).size());
        assertEquals("STAY", ok("GET", "/api/pairs/Tom+Remy/advice", null, 200).get("advice").asText());
        assertError(send("GET", "/api/pairs/nobody/advice", null, token), 404);
    }

    @Test
    void everythingButHealthNeedsTheToken() throws Exception {
        assertEquals(200, send("GET", "/api/health", null, null).statusCode());
        assertEquals("ok", json.readTree(send("GET", "/api/health", null, null).body()).get("status").asText());
        for (String p : List.of("/api/sessions", "/api/cameras", "/api/alerts", "/api/settings", "/openapi.json",
                "/api/cameras/cam0/snapshot.jpg", "/api/sessions/1/frames.csv", "/", "/api/events")) {
            assertError(send("GET", p, null, null), 401);
        }
        assertError(send("POST", "/api/sessions", "{}", null), 401);
        assertError(send("GET", "/api/sessions", null, "wrong-token"), 401);
        // the WebSocket upgrade is refused too
        Exception refused = null;
        try {
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live"), new java.net.http.WebSocket.Listener() { })
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            refused = e;
        }
        assertNotNull(refused, "WebSocket without a token was accepted");
        // a foreign page may not open the WebSocket even with the cookie
        Exception foreign = null;
        try {
            http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .header("Origin", "http://evil.example")
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live"), new java.net.http.WebSocket.Listener() { })
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            foreign = e;
        }
        assertNotNull(foreign, "WebSocket from a foreign origin was accepted");

        // ?token= once: a cookie (HttpOnly, SameSite=Strict) then carries it
        HttpResponse<String> page = send("GET", "/api/sessions?token=" + token, null, null);
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions"))
                .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withCookie.statusCode());

        // the OpenAPI document is served (with the token) and lists the routes
        JsonNode doc = ok("GET", "/openapi.json", null, 200);
        assertTrue(doc.get("paths").has("/api/sessions/{id}/highlights"));
        assertTrue(doc.get("paths").has("/api/health"));
    }

    @Test
    void everyRouteTheServerRegistersIsInTheOpenApiDocument() throws Exception {
        // The server as serve builds it (camera-node ingest, review pages) on its own port.
        try (ApiServer full = new ApiServer(svc).with(new Ingest(svc)).with(new DashboardPages())) {
            int p = full.start("127.0.0.1", 0);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/openapi.json"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode paths = json.readTree(r.body()).get("paths");
            Set<String> documented = new TreeSet<>();
            paths.fields().forEachRemaining(e -> e.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + e.getKey())));

            // Not REST operations, so not in the document: the SSE stream, and the OpenAPI plugins' own pages (the
            // document, Swagger UI and its assets). WebSockets (/api/live, /api/ingest) and the static pages are not
            // HTTP routes, so routes() never lists them.
            Set<String> notOperations = Set.of("GET /api/events", "GET /openapi.json", "GET /swagger",
                    "GET /webjars/swagger-ui/*");
            Set<String> registered = new TreeSet<>(full.routes());
            assertTrue(registered.containsAll(notOperations), "exclusions that no longer exist: " + registered);
            assertTrue(registered.size() > 25, "too few routes seen: " + registered);
            registered.removeAll(notOperations);
            Set<String> undocumented = new TreeSet<>(registered);
            undocumented.removeAll(documented);
            assertTrue(undocumented.isEmpty(), "routes missing from the OpenAPI document: " + undocumented);
            Set<String> phantom = new TreeSet<>(documented);
            phantom.removeAll(registered);
            assertTrue(phantom.isEmpty(), "documented operations the server does not have: " + phantom);
        }
    }

    @Test
    void repeatedWrongTokensAreSlowedDown() throws Exception {
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int st = send("GET", "/api/sessions", null, "wrong" + i).statusCode();
            if (st == 429) {
                throttled++;
            }
        }
        assertTrue(throttled > 0, "no 429 after 8 wrong tokens");
        HttpResponse<String> r = send("GET", "/api/sessions", null, token);
        assertEquals(429, r.statusCode(), "even the right token waits out the penalty");
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }
}
