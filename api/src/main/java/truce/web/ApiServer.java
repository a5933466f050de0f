package truce.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.alert.Alert;
import truce.auth.TokenAuth;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.coach.StageCoach;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.live.CameraLoop;
import truce.live.LiveView;
import truce.metrics.CalmMetrics;
import truce.service.Camera;
import truce.service.Settings;
import truce.service.TruceService;
import truce.zones.Zones;
import truce.session.Detection;
import truce.session.SessionInfo;
import truce.store.MediaStore;

/**
 * The HTTP face of the service (API.md): REST, the live WebSocket, server-sent events, video and pages, all
 * behind the token but /api/health. The OpenAPI document is generated at compile time from the annotations here.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final String VERSION = "0.1.0";

    private final TruceService svc;
    private final ObjectMapper json;
    private final StageCoach coach = new StageCoach();
    private final List<IngestHandler> extraRoutes = new ArrayList<>();
    private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Javalin app;

    /** Extra routes (the camera-node ingest) mounted by other parts. */
    public interface IngestHandler {
        void mount(Javalin app);
    }

    public ApiServer(TruceService svc) {
        this.svc = svc;
        this.json = svc.json();
    }

    public ApiServer with(IngestHandler h) {
        extraRoutes.add(h);
        return this;
    }

    public int start(String host, int port) {
        boolean pages = ApiServer.class.getResource("/web") != null;
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            // Every HTTP route as Javalin registers it (ours, the extras' and the plugins'), for routes().
            cfg.events(ev -> ev.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(h.getHttpMethod() + " " + h.getPath());
                }
            }));
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = 2_000_000;
            cfg.jetty.defaultHost = host;
            if (pages) {
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                });
            }
            cfg.registerPlugin(new OpenApiPlugin(oa -> oa
                    .withDocumentationPath("/openapi.json")
                    .withDefinitionConfiguration((version, def) -> def
                            .withInfo(info -> {
                                info.setTitle("Truce");
                                info.setVersion(VERSION);
                                info.setDescription("Cat-and-rat introduction sessions: live alerts, calm metrics, recordings, highlights.");
                            })
                            .withSecurity(sec -> sec.withBearerAuth("BearerAuth", b -> { })))));
            cfg.registerPlugin(new SwaggerPlugin(sw -> {
                sw.setDocumentationPath("/openapi.json");
                sw.setUiPath("/swagger");
            }));
        });
        app.before(this::authenticate);
        app.wsBeforeUpgrade("/api/live", this::authenticateUpgrade);
        app.wsBeforeUpgrade("/api/ingest/{camera}", this::authenticateUpgrade);
        errors(app);
        routes(app);
        for (IngestHandler h : extraRoutes) {
            h.mount(app);
        }
        if (!pages) {
            app.get("/", ctx -> ctx.html("<!doctype html><title>Truce</title><p>Truce is running. The dashboard pages are not in this build; the API is at /api and its description at /openapi.json.</p>"));
        }
        app.start(host, port);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** The HTTP routes Javalin registered, as "GET /api/health" (WebSocket endpoints are not HTTP routes). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    // ---- security ------------------------------------------------------------------------------------------

    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.equals("/api/health")) {
            return;
        }
        TokenAuth auth = svc.auth();
        switch (auth.check(ctx)) {
            case OK -> {
                if (ctx.queryParam("token") != null && ctx.method() == io.javalin.http.HandlerType.GET
                        && !path.startsWith("/api/") && !path.startsWith("/openapi")) {
                    // A page opened from the start-up URL: the cookie now carries the token; drop it from the URL.
                    ctx.redirect(path, HttpStatus.FOUND);
                    ctx.skipRemainingHandlers();
                }
            }
            case MISSING -> {
                String accept = ctx.header("Accept");
                if (!path.startsWith("/api/") && accept != null && accept.contains("text/html")) {
                    ctx.status(401).html("<!doctype html><title>Truce: token needed</title><p>Open Truce with the address "
                            + "it printed when it started (<code>http://localhost:PORT/?token=...</code>); the token is also in "
                            + "the file <code>token</code> of its data directory.</p>");
                    ctx.skipRemainingHandlers();
                    return;
                }
                throw new UnauthorizedResponse("a token is required (Authorization: Bearer <token>, or ?token= once)");
            }
            case WRONG -> throw new UnauthorizedResponse("wrong token");
            case THROTTLED -> {
                ctx.header("Retry-After", String.valueOf(auth.retryAfterSeconds(ctx.ip())));
                throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "too many wrong tokens from this address; wait and retry");
            }
        }
    }

    private void authenticateUpgrade(Context ctx) {
        authenticate(ctx);
        if (!TokenAuth.originAllowed(ctx.header("Origin"), ctx.header("Host"))) {
            throw new ForbiddenResponse("WebSocket origin not allowed");
        }
    }

    private void errors(Javalin app) {
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(new ApiError(e.getMessage())));
        app.exception(io.javalin.validation.ValidationException.class, (e, ctx) -> {
            StringBuilder msg = new StringBuilder();
            e.getErrors().forEach((field, errs) -> errs.forEach(err ->
                    msg.append(msg.length() == 0 ? "" : "; ").append(field).append(": ").append(err.getMessage())));
            ctx.status(400).json(new ApiError(msg.length() == 0 ? "invalid input" : msg.toString()));
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage())));
        app.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).json(new ApiError(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiError("internal error: " + e.getClass().getSimpleName()));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(new ApiError("not found: " + ctx.path()));
            }
        });
        app.error(405, ctx -> ctx.json(new ApiError("method not allowed")));
    }

    private void routes(Javalin app) {
        app.get("/api/health", this::health);
        app.get("/api/cameras", this::cameras);
        app.get("/api/cameras/{id}/live.mjpg", this::liveMjpeg);
        app.get("/api/cameras/{id}/snapshot.jpg", this::snapshot);
        app.get("/api/cameras/{id}/zones", this::getZones);
        app.put("/api/cameras/{id}/zones", this::putZones);
        app.get("/api/sessions", this::listSessions);
        app.post("/api/sessions", this::startSession);
        app.get("/api/sessions/{id}", this::getSession);
        app.patch("/api/sessions/{id}", this::retagSession);
        app.post("/api/sessions/{id}/stop", this::stopSession);
        app.get("/api/sessions/{id}/frames.csv", this::framesCsv);
        app.get("/api/sessions/{id}/timeline", this::timeline);
        app.get("/api/sessions/{id}/recording", this::recording);
        app.get("/api/sessions/{id}/annotated.mp4", this::annotated);
        app.get("/api/sessions/{id}/highlights", this::highlights);
        app.get("/api/sessions/{id}/alerts", this::sessionAlerts);
        app.get("/api/recordings/{file}", this::segmentFile);
        app.get("/api/highlights/{id}/clip.mp4", this::clip);
        app.get("/api/highlights/{id}/thumb.jpg", this::thumb);
        app.post("/api/highlights/{id}/correction", this::correction);
        app.get("/api/corrections.csv", this::correctionsCsv);
        app.get("/api/alerts", this::alerts);
        app.post("/api/alerts/{id}/ack", this::ack);
        app.get("/api/pairs", this::pairs);
        app.get("/api/pairs/{pair}/trend", this::trend);
        app.get("/api/pairs/{pair}/advice", this::advice);
        app.get("/api/settings", this::getSettings);
        app.put("/api/settings", this::putSettings);
        app.ws("/api/live", ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(10));
                Session session = ctx.session;
                Outbox box = svc.hub().addLive(new Outbox.Sender() {
                    @Override
                    public void send(String event, String text) throws Exception {
                        session.getRemote().sendString(text);
                    }

                    @Override
                    public void keepAlive() throws Exception {
                        session.getRemote().sendPing(java.nio.ByteBuffer.allocate(0));
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                });
                ctx.attribute("outbox", box);
            });
            ws.onClose(ctx -> {
                Outbox box = ctx.attribute("outbox");
                if (box != null) {
                    box.close();
                }
            });
            ws.onError(ctx -> {
                Outbox box = ctx.attribute("outbox");
                if (box != null) {
                    box.close();
                }
            });
        });
        app.sse("/api/events", client -> {
            client.keepAlive();
            Outbox box = svc.hub().addEvents(new Outbox.Sender() {
                @Override
                public void send(String event, String text) {
                    if (client.terminated()) {
                        throw new IllegalStateException("closed");
                    }
                    client.sendEvent(event, text);
                }

                @Override
                public void keepAlive() {
                    if (client.terminated()) {
                        throw new IllegalStateException("closed");
                    }
                    client.sendComment("keep-alive");
                }

                @Override
                public void close() {
                    client.close();
                }
            });
            client.onClose(box::close);
        });
    }

    // ---- health and cameras --------------------------------------------------------------------------------

    public record Health(String status, String version) {
    }

    @OpenApi(path = "/api/health", methods = HttpMethod.GET, summary = "Liveness (no token needed)", tags = "service",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)))
    private void health(Context ctx) {
        ctx.json(new Health("ok", VERSION));
    }

    public record CameraView(String id, String source, String state, double fps, Long sessionId, long droppedFrames) {
    }

    @OpenApi(path = "/api/cameras", methods = HttpMethod.GET, summary = "Cameras and their state", tags = "cameras",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = CameraView[].class)))
    private void cameras(Context ctx) {
        List<CameraView> out = new ArrayList<>();
        for (Camera c : svc.cameras()) {
            CameraLoop l = c.loop();
            out.add(new CameraView(l.id(), l.source(), l.state().name(), Math.round(l.fps() * 10) / 10.0, l.sessionId(), l.droppedFrames()));
        }
        ctx.json(out);
    }

    private Camera camera(Context ctx) {
        String id = ctx.pathParam("id");
        return svc.camera(id).orElseThrow(() -> new NotFoundResponse("no camera '" + id + "'"));
    }

    @OpenApi(path = "/api/cameras/{id}/live.mjpg", methods = HttpMethod.GET, summary = "Annotated live video (MJPEG)", tags = "cameras",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "multipart/x-mixed-replace")),
                    @OpenApiResponse(status = "404")})
    private void liveMjpeg(Context ctx) throws IOException {
        LiveView view = camera(ctx).view();
        String boundary = "trucefrm";
        ctx.status(200);
        ctx.res().setContentType("multipart/x-mixed-replace; boundary=" + boundary);
        ctx.res().setHeader("Cache-Control", "no-store");
        OutputStream out = ctx.res().getOutputStream();
        view.join();
        try {
            long seq = 0;
            long idleSince = System.currentTimeMillis();
            while (true) {
                LiveView.Frame f = view.next(seq, 1000);
                if (f == null) {
                    if (System.currentTimeMillis() - idleSince > 60_000) {
                        return; // the camera has been silent for a minute: let the page reconnect
                    }
                    continue;
                }
                idleSince = System.currentTimeMillis();
                seq = f.seq();
                out.write(("--" + boundary + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + f.jpeg().length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(f.jpeg());
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("MJPEG viewer left: {}", e.toString());
        } finally {
            view.leave();
        }
    }

    @OpenApi(path = "/api/cameras/{id}/snapshot.jpg", methods = HttpMethod.GET, summary = "One raw frame (JPEG)", tags = "cameras",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "image/jpeg")),
                    @OpenApiResponse(status = "404"), @OpenApiResponse(status = "503")})
    private void snapshot(Context ctx) throws Exception {
        Camera c = camera(ctx);
        try {
            byte[] jpeg = c.view().snapshot().get(3, TimeUnit.SECONDS);
            ctx.contentType("image/jpeg").header("Cache-Control", "no-store").result(jpeg);
        } catch (TimeoutException e) {
            throw new HttpResponseException(503, "camera " + c.loop().id() + " delivered no frame in 3 s");
        }
    }

    @OpenApi(path = "/api/cameras/{id}/zones", methods = HttpMethod.GET, summary = "A camera's zones", tags = "cameras",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Zones.class)), @OpenApiResponse(status = "404")})
    private void getZones(Context ctx) {
        ctx.json(svc.zones(camera(ctx).loop().id()));
    }

    @OpenApi(path = "/api/cameras/{id}/zones", methods = HttpMethod.PUT, summary = "Replace a camera's zones", tags = "cameras",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = Zones.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Zones.class)),
                    @OpenApiResponse(status = "400"), @OpenApiResponse(status = "404")})
    private void putZones(Context ctx) throws Exception {
        Camera c = camera(ctx);
        Zones z = Requests.body(ctx, json, Zones.class);
        svc.zones(c.loop().id(), z);
        ctx.json(z);
    }

    // ---- sessions ------------------------------------------------------------------------------------------

    public record NewSession(String camera, String pair, Integer stage) {
    }

    /** A change of a session's tags; a field left out keeps its value. */
    public record SessionTags(String pair, Integer stage) {
    }

    private static String checkedPair(String pair) {
        if (pair == null || pair.isBlank() || pair.length() > 100) {
            throw new BadRequestResponse("pair is required (1-100 characters), e.g. \"Tom+Remy\"");
        }
        return pair.strip();
    }

    private static int checkedStage(Integer stage) {
        if (stage == null || stage < 1 || stage > 5) {
            throw new BadRequestResponse("stage must be 1-5");
        }
        return stage;
    }

    @OpenApi(path = "/api/sessions", methods = HttpMethod.GET, summary = "Sessions, newest first", tags = "sessions",
            queryParams = {@OpenApiParam(name = "pair"), @OpenApiParam(name = "limit", type = Integer.class)},
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = SessionInfo[].class)))
    private void listSessions(Context ctx) {
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(l -> l > 0 && l <= 10_000, "limit must be 1-10000").getOrDefault(500);
        List<SessionInfo> out = new ArrayList<>();
        for (SessionInfo s : svc.sessions().store().list(ctx.queryParam("pair"), limit)) {
            out.add(svc.sessions().withLiveFigures(s));
        }
        ctx.json(out);
    }

    @OpenApi(path = "/api/sessions", methods = HttpMethod.POST, summary = "Start a session on a camera", tags = "sessions",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = NewSession.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = SessionInfo.class)),
                    @OpenApiResponse(status = "400"), @OpenApiResponse(status = "404"), @OpenApiResponse(status = "409")})
    private void startSession(Context ctx) {
        NewSession req = Requests.body(ctx, json, NewSession.class);
        if (req.camera() == null) {
            throw new BadRequestResponse("camera is required");
        }
        String pair = checkedPair(req.pair());
        int stage = checkedStage(req.stage());
        Camera c = svc.camera(req.camera()).orElseThrow(() -> new NotFoundResponse("no camera '" + req.camera() + "'"));
        try {
            SessionInfo s = c.loop().startManual(pair, stage);
            ctx.status(201).json(s);
        } catch (IllegalStateException e) {
            throw new ConflictResponse(e.getMessage());
        }
    }

    private SessionInfo session(Context ctx) {
        long id = Requests.id(ctx, "id");
        return svc.sessions().store().get(id).map(svc.sessions()::withLiveFigures)
                .orElseThrow(() -> new NotFoundResponse("no session " + id));
    }

    @OpenApi(path = "/api/sessions/{id}", methods = HttpMethod.GET, summary = "A session with its calm metrics", tags = "sessions",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = CalmMetrics.class)), @OpenApiResponse(status = "404")})
    private void getSession(Context ctx) {
        SessionInfo s = session(ctx);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = json.convertValue(s, LinkedHashMap.class);
        m.put("metrics", svc.sessions().metrics(s.id()).orElse(null));
        ctx.json(m);
    }

    @OpenApi(path = "/api/sessions/{id}", methods = HttpMethod.PATCH, summary = "Re-tag a session with its pair and stage",
            description = "Automatic sessions take the camera's pair and stage; this files one under the pair and stage it really was. A field left out keeps its value.",
            tags = "sessions", pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = SessionTags.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = SessionInfo.class)),
                    @OpenApiResponse(status = "400"), @OpenApiResponse(status = "404")})
    private void retagSession(Context ctx) {
        SessionInfo s = session(ctx);
        SessionTags req = Requests.body(ctx, json, SessionTags.class);
        if (req.pair() == null && req.stage() == null) {
            throw new BadRequestResponse("give \"pair\" and/or \"stage\"");
        }
        String pair = req.pair() == null ? s.pair() : checkedPair(req.pair());
        int stage = req.stage() == null ? s.stage() : checkedStage(req.stage());
        if (!svc.sessions().store().retag(s.id(), pair, stage)) {
            throw new NotFoundResponse("no session " + s.id());
        }
        ctx.json(session(ctx));
    }

    @OpenApi(path = "/api/sessions/{id}/stop", methods = HttpMethod.POST, summary = "Stop a live session", tags = "sessions",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = SessionInfo.class)),
                    @OpenApiResponse(status = "404"), @OpenApiResponse(status = "409")})
    private void stopSession(Context ctx) {
        SessionInfo s = session(ctx);
        if (!s.live()) {
            throw new ConflictResponse("session " + s.id() + " has already ended");
        }
        svc.camera(s.camera()).ifPresent(c -> c.loop().stop(s.id()));
        ctx.json(svc.sessions().store().get(s.id()).orElseThrow());
    }

    @OpenApi(path = "/api/sessions/{id}/frames.csv", methods = HttpMethod.GET, summary = "The session's per-frame CSV (product.md contract)", tags = "sessions",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/csv")), @OpenApiResponse(status = "404")})
    private void framesCsv(Context ctx) throws IOException {
        SessionInfo s = session(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"session-" + s.id() + ".csv\"");
        Writer w = new java.io.OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8);
        w.write(FrameCsv.HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(128);
        IOException[] failed = {null};
        svc.sessions().store().detections(s.id(), d -> {
            if (failed[0] != null) {
                return;
            }
            sb.setLength(0);
            FrameCsv.appendTo(sb, row(d));
            sb.append('\n');
            try {
                w.append(sb);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        w.flush();
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    static FrameRow row(Detection d) {
        return new FrameRow(d.frame(), d.timeMs(), d.cat(), d.rat(), d.catX(), d.catY(), d.ratX(), d.ratY(),
                d.catVisible() && !Float.isNaN(d.catX()), d.ratVisible() && !Float.isNaN(d.ratX()));
    }

    public record Timeline(List<Object[]> frames, List<Alert> alerts) {
    }

    @OpenApi(path = "/api/sessions/{id}/timeline", methods = HttpMethod.GET, summary = "Per-frame states, decimated to at most 4000 points, and the alerts", tags = "sessions",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Timeline.class)), @OpenApiResponse(status = "404")})
    private void timeline(Context ctx) {
        SessionInfo s = session(ctx);
        List<Detection> all = svc.sessions().store().detections(s.id());
        int stride = Math.max(1, (all.size() + 3999) / 4000);
        List<Object[]> frames = new ArrayList<>(Math.min(all.size(), 4000));
        for (int i = 0; i < all.size(); i += stride) {
            Detection d = all.get(i);
            frames.add(new Object[] {Math.round(d.timeMs() * 10) / 10.0, d.cat() == null ? -1 : d.cat().ordinal(),
                    d.rat() == null ? -1 : d.rat().ordinal(),
                    Float.isNaN(d.distance()) ? null : Math.round(d.distance() * 10) / 10.0});
        }
        ctx.json(new Timeline(frames, svc.alerts().forSession(s.id())));
    }

    public record SegmentView(long id, double startMs, Double endMs, String url) {
    }

    @OpenApi(path = "/api/sessions/{id}/recording", methods = HttpMethod.GET, summary = "The session's recorded segments", tags = "media",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = SegmentView[].class)), @OpenApiResponse(status = "404")})
    private void recording(Context ctx) {
        SessionInfo s = session(ctx);
        List<SegmentView> out = new ArrayList<>();
        for (MediaStore.Segment seg : svc.media().segments(s.id())) {
            out.add(new SegmentView(seg.id(), seg.startMs(), seg.endMs(), "/api/recordings/" + seg.id() + ".mp4"));
        }
        ctx.json(out);
    }

    @OpenApi(path = "/api/recordings/{file}", methods = HttpMethod.GET, summary = "One recorded segment, {segId}.mp4 (supports Range)", tags = "media",
            pathParams = @OpenApiParam(name = "file", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "video/mp4")), @OpenApiResponse(status = "404")})
    private void segmentFile(Context ctx) throws IOException {
        String f = ctx.pathParam("file");
        if (!f.matches("\\d{1,18}\\.mp4")) {
            throw new NotFoundResponse("recordings are named <id>.mp4");
        }
        long id = Long.parseLong(f.substring(0, f.length() - 4));
        MediaStore.Segment seg = svc.media().segment(id).orElseThrow(() -> new NotFoundResponse("no recording " + id));
        sendFile(ctx, seg.file(), "video/mp4");
    }

    public record Building(String status, double progress) {
    }

    @OpenApi(path = "/api/sessions/{id}/annotated.mp4", methods = HttpMethod.GET,
            summary = "The finished session's annotated video, built on first request (202 with progress while it builds, up to 20 s wait)", tags = "media",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "video/mp4")),
                    @OpenApiResponse(status = "202", content = @OpenApiContent(from = Building.class)),
                    @OpenApiResponse(status = "404"), @OpenApiResponse(status = "409")})
    private void annotated(Context ctx) throws Exception {
        SessionInfo s = session(ctx);
        if (s.live()) {
            throw new ConflictResponse("session " + s.id() + " is still live; its annotated video is built once it ends");
        }
        if (svc.media().segments(s.id()).isEmpty()) {
            throw new NotFoundResponse("session " + s.id() + " has no recording");
        }
        java.util.concurrent.Future<Path> f = svc.annotated().request(s.id());
        try {
            Path p = f.get(20, TimeUnit.SECONDS);
            sendFile(ctx, svc.dataDir().relativize(p).toString(), "video/mp4");
        } catch (TimeoutException e) {
            ctx.status(202).header("Retry-After", "5").json(new Building("building", svc.annotated().progress(s.id())));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new NotFoundResponse("annotated video could not be built: " + e.getCause().getMessage());
        }
    }

    /** Serves a file the service wrote, by its stored relative path (never a path from the request). */
    private void sendFile(Context ctx, String relative, String type) throws IOException {
        if (relative == null) {
            throw new NotFoundResponse("not available yet");
        }
        Path p = svc.dataDir().resolve(relative).normalize();
        if (!p.startsWith(svc.dataDir()) || !Files.isRegularFile(p)) {
            throw new NotFoundResponse("file no longer on disk");
        }
        InputStream in = Files.newInputStream(p);
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.writeSeekableStream(in, type, Files.size(p));
    }

    // ---- highlights ----------------------------------------------------------------------------------------

    public record HighlightView(long id, String kind, double startMs, double endMs, String clipUrl, String thumbnailUrl, String correction) {
    }

    @OpenApi(path = "/api/sessions/{id}/highlights", methods = HttpMethod.GET, summary = "The session's highlights", tags = "media",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = HighlightView[].class)), @OpenApiResponse(status = "404")})
    private void highlights(Context ctx) {
        SessionInfo s = session(ctx);
        List<HighlightView> out = new ArrayList<>();
        for (MediaStore.Highlight h : svc.media().highlights(s.id())) {
            out.add(new HighlightView(h.id(), h.kind(), h.startMs(), h.endMs(),
                    h.clip() == null ? null : "/api/highlights/" + h.id() + "/clip.mp4",
                    h.thumb() == null ? null : "/api/highlights/" + h.id() + "/thumb.jpg", h.correction()));
        }
        ctx.json(out);
    }

    private MediaStore.Highlight highlight(Context ctx) {
        long id = Requests.id(ctx, "id");
        return svc.media().highlight(id).orElseThrow(() -> new NotFoundResponse("no highlight " + id));
    }

    @OpenApi(path = "/api/highlights/{id}/clip.mp4", methods = HttpMethod.GET, summary = "A highlight's clip (H.264, supports Range)", tags = "media",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "video/mp4")), @OpenApiResponse(status = "404")})
    private void clip(Context ctx) throws IOException {
        sendFile(ctx, highlight(ctx).clip(), "video/mp4");
    }

    @OpenApi(path = "/api/highlights/{id}/thumb.jpg", methods = HttpMethod.GET, summary = "A highlight's thumbnail", tags = "media",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "image/jpeg")), @OpenApiResponse(status = "404")})
    private void thumb(Context ctx) throws IOException {
        sendFile(ctx, highlight(ctx).thumb(), "image/jpeg");
    }

    public record CorrectionRequest(String verdict, String catPosture, String ratState, String note) {
    }

    @OpenApi(path = "/api/highlights/{id}/correction", methods = HttpMethod.POST, summary = "Mark a highlight's labels wrong (training feedback)", tags = "media",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CorrectionRequest.class)),
            responses = {@OpenApiResponse(status = "201"), @OpenApiResponse(status = "400"), @OpenApiResponse(status = "404")})
    private void correction(Context ctx) {
        MediaStore.Highlight h = highlight(ctx);
        CorrectionRequest req = Requests.body(ctx, json, CorrectionRequest.class);
        if (req.verdict() == null || !req.verdict().matches("WRONG|RIGHT")) {
            throw new BadRequestResponse("verdict must be WRONG or RIGHT");
        }
        CatPosture cat;
        RatState rat;
        try {
            cat = CatPosture.fromLabel(req.catPosture());
            rat = RatState.fromLabel(req.ratState());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        if (req.note() != null && req.note().length() > 2000) {
            throw new BadRequestResponse("note is at most 2000 characters");
        }
        ctx.status(201).json(svc.media().addCorrection(h.id(), req.verdict(), cat == null ? null : cat.label(),
                rat == null ? null : rat.label(), req.note()));
    }

    @OpenApi(path = "/api/corrections.csv", methods = HttpMethod.GET, summary = "Corrections as per-frame training labels (per-frame CSV contract rows)", tags = "media",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/csv")))
    private void correctionsCsv(Context ctx) throws IOException {
        // Each corrected highlight's frames, with the reviewer's labels in place of the model's, plus where they came from.
        StringBuilder sb = new StringBuilder(FrameCsv.HEADER).append(",session_id,highlight_id,verdict\n");
        for (MediaStore.Correction c : svc.media().corrections()) {
            MediaStore.Highlight h = svc.media().highlight(c.highlightId()).orElse(null);
            if (h == null || c.catPosture() == null && c.ratState() == null) {
                continue;
            }
            CatPosture cat = CatPosture.fromLabel(c.catPosture());
            RatState rat = RatState.fromLabel(c.ratState());
            svc.sessions().store().detections(h.sessionId(), d -> {
                if (d.timeMs() < h.startMs() || d.timeMs() > h.endMs()) {
                    return;
                }
                FrameRow r = row(d);
                FrameRow fixed = new FrameRow(r.frame(), r.timeMs(), cat != null && r.catVisible() ? cat : r.catPosture(),
                        rat != null ? rat : r.ratState(), r.catX(), r.catY(), r.ratX(), r.ratY(), r.catVisible(), r.ratVisible());
                FrameCsv.appendTo(sb, fixed);
                sb.append(',').append(h.sessionId()).append(',').append(h.id()).append(',').append(c.verdict()).append('\n');
            });
        }
        ctx.contentType("text/csv; charset=utf-8").result(sb.toString());
    }

    // ---- alerts --------------------------------------------------------------------------------------------

    @OpenApi(path = "/api/sessions/{id}/alerts", methods = HttpMethod.GET, summary = "A session's alerts", tags = "alerts",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Alert[].class)), @OpenApiResponse(status = "404")})
    private void sessionAlerts(Context ctx) {
        ctx.json(svc.alerts().forSession(session(ctx).id()));
    }

    @OpenApi(path = "/api/alerts", methods = HttpMethod.GET, summary = "Recent alerts, newest first (afterId: only newer ones, for a client catching up)", tags = "alerts",
            queryParams = {@OpenApiParam(name = "unacknowledged", type = Boolean.class), @OpenApiParam(name = "afterId", type = Long.class),
                    @OpenApiParam(name = "limit", type = Integer.class)},
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Alert[].class)))
    private void alerts(Context ctx) {
        boolean unack = Requests.flag(ctx, "unacknowledged");
        long after = ctx.queryParamAsClass("afterId", Long.class).check(v -> v >= 0, "afterId must be >= 0").getOrDefault(0L);
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(l -> l > 0 && l <= 10_000, "limit must be 1-10000").getOrDefault(500);
        ctx.json(svc.alerts().recent(unack, after, limit));
    }

    @OpenApi(path = "/api/alerts/{id}/ack", methods = HttpMethod.POST, summary = "Acknowledge an alert", tags = "alerts",
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Alert.class)), @OpenApiResponse(status = "404")})
    private void ack(Context ctx) {
        long id = Requests.id(ctx, "id");
        ctx.json(svc.alerts().acknowledge(id).orElseThrow(() -> new NotFoundResponse("no alert " + id)));
    }

    // ---- pairs and coach -----------------------------------------------------------------------------------

    @OpenApi(path = "/api/pairs", methods = HttpMethod.GET, summary = "The pairs with sessions", tags = "pairs",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = String[].class)))
    private void pairs(Context ctx) {
        ctx.json(svc.sessions().store().pairs());
    }

    public record TrendPoint(long sessionId, java.time.Instant startedAt, Integer calmScore, Integer lunges, int stage) {
    }

    private List<SessionInfo> pairSessions(Context ctx) {
        String pair = ctx.pathParam("pair");
        List<SessionInfo> all = svc.sessions().store().list(pair, 1000);
        if (all.isEmpty()) {
            throw new NotFoundResponse("no sessions for pair '" + pair + "'");
        }
        return all;
    }

    @OpenApi(path = "/api/pairs/{pair}/trend", methods = HttpMethod.GET, summary = "A pair's sessions, oldest first, with calm score and lunges", tags = "pairs",
            pathParams = @OpenApiParam(name = "pair", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = TrendPoint[].class)), @OpenApiResponse(status = "404")})
    private void trend(Context ctx) {
        List<SessionInfo> all = pairSessions(ctx);
        List<TrendPoint> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            SessionInfo s = svc.sessions().withLiveFigures(all.get(i));
            out.add(new TrendPoint(s.id(), s.startedAt(), s.calmScore(), s.lunges(), s.stage()));
        }
        ctx.json(out);
    }

    @OpenApi(path = "/api/pairs/{pair}/advice", methods = HttpMethod.GET, summary = "Protocol stage advice from the pair's recent sessions", tags = "pairs",
            pathParams = @OpenApiParam(name = "pair", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = StageCoach.Advice.class)), @OpenApiResponse(status = "404")})
    private void advice(Context ctx) {
        List<SessionInfo> all = pairSessions(ctx);
        List<StageCoach.SessionSummary> finished = new ArrayList<>();
        for (SessionInfo s : all) {
            if (s.live() || finished.size() >= 20) {
                continue;
            }
            CalmMetrics m = svc.sessions().metrics(s.id()).orElse(null);
            if (m != null) {
                finished.add(new StageCoach.SessionSummary(s.id(), s.stage(), m.calmScore(), m.lungeCount(), m.stalkingCount()));
            }
        }
        ctx.json(coach.advise(ctx.pathParam("pair"), finished));
    }

    // ---- settings ------------------------------------------------------------------------------------------

    @OpenApi(path = "/api/settings", methods = HttpMethod.GET, summary = "Alert thresholds, sessions, webhooks, retention", tags = "service",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Settings.class)))
    private void getSettings(Context ctx) {
        ctx.json(svc.settings());
    }

    @OpenApi(path = "/api/settings", methods = HttpMethod.PUT, summary = "Update the settings: only the sections and fields the body names change", description = "Objects merge field by field (e.g. {\"alerts\":{\"stalkingSeconds\":4}} changes that threshold only); a list such as webhooks is replaced whole.", tags = "service",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = Settings.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Settings.class)), @OpenApiResponse(status = "400")})
    private synchronized void putSettings(Context ctx) throws Exception {
        // Merged into the current settings: the Settings page may send one section, and the rest must stay.
        Settings s = Requests.update(ctx, json, svc.settings(), Settings.class);
        svc.settings(s);
        ctx.json(s);
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
