package truce.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.alert.Alert;
import truce.alert.AlertDispatcher;
import truce.alert.AlertEngine;
import truce.alert.AlertKind;
import truce.highlight.HighlightMaker;
import truce.record.DiskGuard;
import truce.record.Retention;
import truce.record.SegmentRecorder;
import truce.auth.TokenAuth;
import truce.live.CameraConfig;
import truce.live.CameraLoop;
import truce.live.FrameSink;
import truce.live.LiveFeed;
import truce.live.LiveView;
import truce.session.SessionService;
import truce.store.AlertStore;
import truce.store.Database;
import truce.store.DetectionWriter;
import truce.store.MediaStore;
import truce.store.SessionStore;
import truce.store.SettingsStore;
import truce.web.ClientHub;
import truce.zones.Zones;

/**
 * The composition root: the data directory, the database, the live hub and the cameras, wired by hand.
 * {@code serve} builds one; the tests build one on a temporary directory.
 */
public final class TruceService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TruceService.class);

    /** Builds a camera's extra stages (recording, highlights) once the service exists. */
    public interface SinkFactory {
        List<FrameSink> sinks(TruceService service, CameraConfig camera);
    }

    private final Path dataDir;
    private final ObjectMapper json = Json.mapper();
    private final Database db;
    private final SessionStore sessionStore;
    private final AlertStore alertStore;
    private final MediaStore media;
    private final SettingsStore settingsStore;
    private final DetectionWriter writer;
    private final SessionService sessions;
    private final ClientHub hub;
    private final TokenAuth auth;
    private final Map<String, Camera> cameras = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final List<Consumer<Alert>> alertListeners = new ArrayList<>();
    private volatile Settings settings;
    private final Retention retention;
    private final truce.record.AnnotatedVideo annotated;

    public TruceService(Path dataDir) throws IOException, SQLException {
        nu.pattern.OpenCV.loadLocally();
        this.dataDir = dataDir.toAbsolutePath();
        Files.createDirectories(this.dataDir);
        ownerOnly(this.dataDir);
        this.db = new Database(this.dataDir.resolve("truce.db"));
        this.sessionStore = new SessionStore(db);
        this.alertStore = new AlertStore(db);
        this.media = new MediaStore(db);
        this.settingsStore = new SettingsStore(db);
        this.writer = new DetectionWriter(db, 500);
        this.sessions = new SessionService(sessionStore, writer, json);
        this.hub = new ClientHub(json);
        this.auth = TokenAuth.loadOrCreate(this.dataDir);
        this.settings = settingsStore.get("settings").map(this::parseSettings).orElse(Settings.DEFAULTS);
        int recovered = sessions.recoverUnfinished();
        if (recovered > 0) {
            LOG.info("closed {} session(s) left open by an earlier crash", recovered);
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camera-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleAtFixedRate(this::checkCameras, 200, 200, TimeUnit.MILLISECONDS);
        closeOpenSegments();
        this.annotated = new truce.record.AnnotatedVideo(this.dataDir, media, sessionStore);
        this.retention = new Retention(this.dataDir, media, () -> settings.retention(), this::liveSessionIds);
        watchdog.scheduleWithFixedDelay(() -> {
            try {
                retention.apply();
            } catch (RuntimeException e) {
                LOG.warn("retention: {}", e.toString());
            }
        }, 5, 600, TimeUnit.SECONDS);
    }

    private java.util.Set<Long> liveSessionIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (Camera c : cameras()) {
            Long id = c.loop().sessionId();
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Segments a crash left open: playable up to their last fragment; note their size and the session's end. */
    private void closeOpenSegments() {
        for (MediaStore.Segment s : media.openSegments()) {
            long bytes = 0;
            try {
                Path f = dataDir.resolve(s.file());
                bytes = Files.exists(f) ? Files.size(f) : 0;
            } catch (IOException ignored) {
                // size unknown
            }
            Double end = s.sessionId() == null ? null : sessionStore.get(s.sessionId())
                    .filter(i -> i.endedAt() != null)
                    .map(i -> (double) (i.endedAt().toEpochMilli() - i.startedAt().toEpochMilli())).orElse(null);
            media.endSegment(s.id(), end, bytes);
        }
    }

    public truce.record.AnnotatedVideo annotated() {
        return annotated;
    }

    public Retention retention() {
        return retention;
    }

    private static void ownerOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not make {} owner-only: {}", dir, e.getMessage());
        }
    }

    private Settings parseSettings(String s) {
        try {
            return json.readValue(s, Settings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("stored settings unreadable ({}); using defaults", e.getMessage());
            return Settings.DEFAULTS;
        }
    }

    /** Listeners told of every alert after it is delivered and stored (webhooks). */
    public void onAlert(Consumer<Alert> listener) {
        alertListeners.add(listener);
    }

    /** Adds and starts a camera with recording and highlights. */
    public synchronized Camera addCamera(CameraConfig cfg, LiveFeed.Opener opener, MediaOptions mo) {
        Camera cam = register(cfg, opener, mo);
        cam.loop().start();
        return cam;
    }

    /** A camera's alert engine, sinks, live view and loop, registered under its id but not started. */
    private Camera register(CameraConfig cfg, LiveFeed.Opener opener, MediaOptions mo) {
        if (cameras.containsKey(cfg.id())) {
            throw new IllegalArgumentException("camera " + cfg.id() + " configured twice");
        }
        AlertEngine engine = new AlertEngine(cfg.id(), settings.alerts(),
                new AlertDispatcher(alertStore, hub, List.copyOf(alertListeners)));
        List<FrameSink> sinks = new ArrayList<>(mediaSinks(cfg, engine, mo));
        LiveView view = new LiveView();
        sinks.add(view);
        CameraLoop loop = new CameraLoop(cfg, opener, sessions, hub, List.copyOf(sinks), engine, () -> settings.sessions());
        Camera cam = new Camera(loop, view);
        cameras.put(cfg.id(), cam);
        return cam;
    }

    private List<FrameSink> mediaSinks(CameraConfig cfg, AlertEngine engine, MediaOptions mo) {
        if (mo == null || !mo.record()) {
            return List.of();
        }
        SegmentRecorder rec = new SegmentRecorder(cfg.id(), dataDir, media, new DiskGuard(dataDir, mo.minFreeBytes()),
                mo.segmentSeconds(), mo.fps(), d -> engine.raise(AlertKind.DISK_FULL, null, d.frame(), d.timeMs(),
                        java.time.Instant.now(), null, null));
        HighlightMaker hl = new HighlightMaker(cfg.id(), dataDir, media, mo.highlightPreMs(), mo.highlightPostMs(),
                mo.ringFps(), mo.clipMaxWidth());
        return List.of(rec, hl);
    }

    /**
     * Adds a camera without starting its thread: tests (and the ingest of remote camera nodes) drive it with
     * {@link CameraLoop#process}. {@code mo} null: no recording.
     */
    public synchronized Camera addDrivenCamera(CameraConfig cfg, MediaOptions mo) {
        LiveFeed.Opener none = new LiveFeed.Opener() {
            @Override
            public LiveFeed open() throws IOException {
                throw new IOException("driven camera");
            }

            @Override
            public String describe() {
                return cfg.source();
            }

            @Override
            public boolean restartsAtEnd() {
                return false;
            }
        };
        return register(cfg, none, mo);
    }

    private void checkCameras() {
        for (Camera c : cameras()) {
            try {
                c.loop().checkStalled();
            } catch (RuntimeException e) {
                LOG.warn("watchdog: {}", e.toString());
            }
        }
    }

    public synchronized Collection<Camera> cameras() {
        return List.copyOf(cameras.values());
    }

    public synchronized Optional<Camera> camera(String id) {
        return Optional.ofNullable(cameras.get(id));
    }

    public Settings settings() {
        return settings;
    }

    public void settings(Settings s) throws JsonProcessingException {
        settingsStore.put("settings", json.writeValueAsString(s));
        this.settings = s;
        for (Camera c : cameras()) {
            c.loop().alerts().settings(s.alerts());
        }
    }

    public Zones zones(String camera) {
        return settingsStore.get("zones:" + camera).map(z -> {
            try {
                return json.readValue(z, Zones.class);
            } catch (JsonProcessingException e) {
                return Zones.NONE;
            }
        }).orElse(Zones.NONE);
    }

    public void zones(String camera, Zones z) throws JsonProcessingException {
        settingsStore.put("zones:" + camera, json.writeValueAsString(z));
    }

    public Path dataDir() {
        return dataDir;
    }

    public ObjectMapper json() {
        return json;
    }

    public Database db() {
        return db;
    }

    public SessionService sessions() {
        return sessions;
    }

    public AlertStore alerts() {
        return alertStore;
    }

    public MediaStore media() {
        return media;
    }

    public ClientHub hub() {
        return hub;
    }

    public TokenAuth auth() {
        return auth;
    }

    public DetectionWriter detectionWriter() {
        return writer;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        for (Camera c : cameras()) {
            try {
                c.loop().close();
            } catch (RuntimeException e) {
                LOG.warn("closing camera {}: {}", c.loop().id(), e.toString());
            }
        }
        hub.closeAll();
        annotated.close();
        writer.close();
        db.close();
    }
}
