package truce.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Instant;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.Labels;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.live.CameraConfig;
import truce.live.LiveFrame;
import truce.service.Camera;
import truce.service.TruceService;

/**
 * Scale-out: camera nodes ({@code truce watch}) stream their labelled frames over a WebSocket,
 * /api/ingest/{camera}, one JSON {@link IngestFrame} per message. Each remote camera becomes a camera of this
 * server (sessions, metrics, alerts, storage). Pictures only on request: while someone watches that camera's live
 * view (or asks for a snapshot) the server sends the node {@code {"type":"frames","on":true}}, and the node then
 * sends a JPEG as a binary message just before a frame's JSON (about ten a second); {@code "on":false} stops it,
 * so an unwatched node costs no bandwidth. Same token and origin rules as /api/live.
 */
public final class Ingest implements ApiServer.IngestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    /** JPEGs from a node can be large: Jetty's default binary message limit (64 KB) is too small for 720p. */
    private static final long MAX_PICTURE_BYTES = 4L << 20;
    private final TruceService svc;
    private final ObjectMapper json;

    public Ingest(TruceService svc) {
        this.svc = svc;
        this.json = svc.json();
    }

    @Override
    public void mount(Javalin app) {
        app.ws("/api/ingest/{camera}", ws -> {
            ws.onConnect(ctx -> {
                String id = ctx.pathParam("camera");
                Camera cam = svc.camera(id).orElseGet(() -> svc.addDrivenCamera(
                        new CameraConfig(id, "remote:" + ctx.session.getRemoteAddress(), null, null, null, null, null), null));
                ctx.attribute("camera", cam);
                ctx.attribute("picture", new RemotePicture());
                ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(2));
                ctx.session.setMaxBinaryMessageSize(MAX_PICTURE_BYTES);
                LOG.info("camera node connected for {}", id);
            });
            ws.onClose(ctx -> {
                RemotePicture picture = ctx.attribute("picture");
                if (picture != null) {
                    picture.close();
                }
                Camera cam = ctx.attribute("camera");
                if (cam != null && ctx.status() == 1000) {
                    // The node said its stream ended (a file ran out): the session ends with it. Any other close is
                    // a lost node: the watchdog raises CAMERA_LOST and the session goes on, waiting for it.
                    cam.loop().endOfStream();
                    cam.loop().markStopped();
                }
            });
            ws.onMessage(ctx -> {
                Camera cam = ctx.attribute("camera");
                IngestFrame f;
                try {
                    f = json.readValue(ctx.message(), IngestFrame.class);
                } catch (Exception e) {
                    ctx.send("{\"error\":\"malformed frame: " + e.getClass().getSimpleName() + "\"}");
                    return;
                }
                RemotePicture picture = ctx.attribute("picture");
                cam.loop().process(toLive(cam.loop().id(), f, picture.take()));
                boolean wanted = cam.view().wanted();
                if (picture.requestChanged(wanted)) {
                    ctx.send("{\"type\":\"frames\",\"on\":" + wanted + "}");
                }
            });
            ws.onBinaryMessage(ctx -> {
                RemotePicture picture = ctx.attribute("picture");
                if (!picture.decode(ctx.data(), ctx.offset(), ctx.length())) {
                    ctx.send("{\"error\":\"a binary message must be one JPEG picture\"}");
                }
            });
        });
    }

    /** The latest picture a node sent, handed to the next frame only; and whether pictures were asked for. */
    private static final class RemotePicture implements AutoCloseable {
        private final Mat bgr = new Mat();
        private boolean fresh;
        private boolean requested;

        synchronized boolean decode(byte[] data, int offset, int length) {
            MatOfByte buf = new MatOfByte();
            buf.fromArray(java.util.Arrays.copyOfRange(data, offset, offset + length));
            Mat decoded = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_COLOR);
            buf.release();
            try {
                if (decoded.empty()) {
                    return false;
                }
                decoded.copyTo(bgr);
                fresh = true;
                return true;
            } finally {
                decoded.release();
            }
        }

        /** The picture if one came since the last frame, else null (the frame then carries no image). */
        synchronized Mat take() {
            if (!fresh) {
                return null;
            }
            fresh = false;
            return bgr;
        }

        /** Records the wish and says whether the node must be told. */
        synchronized boolean requestChanged(boolean wanted) {
            boolean changed = wanted != requested;
            requested = wanted;
            return changed;
        }

        @Override
        public synchronized void close() {
            bgr.release();
        }
    }

    static LiveFrame toLive(String camera, IngestFrame f, Mat image) {
        AnimalFeatures cat = animal(f.cat());
        AnimalFeatures rat = animal(f.rat());
        FrameFeatures ff = new FrameFeatures(f.frame(), f.timeMs(), cat, rat,
                nan(f.distance()), nan(f.distanceCatLengths()), 0, nan(f.facing()), f.ratInCover());
        Labels labels = new Labels(CatPosture.fromLabel(f.catPosture()), RatState.fromLabel(f.ratState()), null, null);
        return new LiveFrame(camera, ff, labels, f.wallTimeMs() > 0 ? Instant.ofEpochMilli(f.wallTimeMs()) : Instant.now(), image);
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static AnimalFeatures animal(IngestFrame.Animal a) {
        if (a == null) {
            return new AnimalFeatures(false, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        }
        return new AnimalFeatures(true, a.x(), a.y(), 0, 0, a.speed(), 0, 0, a.heading(), a.bodyLength(), 0, 0, 0, 0);
    }

    /** The message a node sends for one frame. */
    public static IngestFrame fromLive(LiveFrame f) {
        FrameFeatures ff = f.features();
        return new IngestFrame(ff.frame(), ff.timeMs(), f.wallTime().toEpochMilli(),
                f.labels().cat() == null ? null : f.labels().cat().label(),
                f.labels().rat() == null ? null : f.labels().rat().label(),
                out(ff.cat()), out(ff.rat()), fin(ff.distance()), fin(ff.distanceCatLengths()), fin(ff.catFacingAngle()),
                ff.ratInCover());
    }

    private static IngestFrame.Animal out(AnimalFeatures a) {
        return a.visible() ? new IngestFrame.Animal(a.x(), a.y(), a.heading(), a.bodyLength(), a.speed()) : null;
    }

    private static Double fin(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
