package truce.highlight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.live.FrameSink;
import truce.live.LiveFrame;
import truce.metrics.CalmMetrics;
import truce.session.Detection;
import truce.session.SessionInfo;
import truce.store.MediaStore;
import truce.video.Mp4Writer;

/**
 * Turns each lunge, stalking episode and flight, and the session's longest calm streak, into a highlight: an
 * H.264 clip from {@code preMs} before to {@code postMs} after (from a ring of recent JPEG frames), a thumbnail,
 * and its place on the timeline. Clips are encoded on a separate thread; the camera thread only samples and
 * JPEG-encodes a frame now and then ({@code ringFps}).
 * The calm streak's clip shows its last seconds (the ring is short); its timeline place is the whole streak.
 */
public final class HighlightMaker implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(HighlightMaker.class);

    private final String camera;
    private final Path dataDir;
    private final MediaStore media;
    private final double preMs;
    private final double postMs;
    private final double ringIntervalMs;
    private final FrameRing ring;
    private final ExecutorService clips;
    private final MatOfByte buf = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 75);
    private final Mat small = new Mat();
    private final int maxWidth;

    private Long sessionId;
    private double lastSampleMs = Double.NEGATIVE_INFINITY;
    private final Run lunge = new Run(HighlightKind.LUNGE);
    private final Run stalk = new Run(HighlightKind.STALKING);
    private final Run flight = new Run(HighlightKind.FLEEING);
    private final Run calm = new Run(HighlightKind.CALM_STREAK);
    private final List<Pending> pending = new ArrayList<>();
    /** Clips waiting for the encoder; each holds its frames, so the backlog is what bounds memory. */
    static final int MAX_QUEUED_CLIPS = 4;
    private final java.util.concurrent.atomic.AtomicInteger queuedClips = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong skippedClips = new java.util.concurrent.atomic.AtomicLong();
    private double bestCalmMs = -1;
    private volatile long bestCalmHighlight = -1;

    private record Pending(HighlightKind kind, long sessionId, double startMs, double endMs, double dueMs) {
    }

    /** One behaviour's current run (a contiguous stretch of frames). */
    private static final class Run {
        final HighlightKind kind;
        double start = Double.NaN;
        double last;

        Run(HighlightKind kind) {
            this.kind = kind;
        }
    }

    public HighlightMaker(String camera, Path dataDir, MediaStore media, double preMs, double postMs, double ringFps, int maxWidth) {
        this.camera = camera;
        this.dataDir = dataDir;
        this.media = media;
        this.preMs = preMs;
        this.postMs = postMs;
        this.ringIntervalMs = 1000.0 / ringFps;
        this.maxWidth = maxWidth;
        this.ring = new FrameRing(20_000 + preMs + postMs, 40L << 20);
        this.clips = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "highlights-" + camera);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void sessionStarted(SessionInfo session) {
        sessionId = session.id();
        ring.clear();
        pending.clear();
        lastSampleMs = Double.NEGATIVE_INFINITY;
        for (Run r : List.of(lunge, stalk, flight, calm)) {
            r.start = Double.NaN;
        }
        bestCalmMs = -1;
        bestCalmHighlight = -1;
    }

    @Override
    public void frame(LiveFrame f, Detection d, Long sid) {
        if (sid == null || !sid.equals(sessionId)) {
            return;
        }
        double t = d.timeMs();
        Mat img = f.image();
        if (img != null && !img.empty() && t - lastSampleMs >= ringIntervalMs - 1) {
            lastSampleMs = t;
            ring.add(t, jpeg(img));
        }
        step(lunge, d.cat() == CatPosture.LUNGING, t);
        step(stalk, d.cat() == CatPosture.STALKING, t);
        step(flight, d.rat() == RatState.FLEEING, t);
        boolean isCalm = d.bothVisible() && d.cat() == CatPosture.CALM && d.rat() == RatState.EXPLORING;
        if (isCalm) {
            if (Double.isNaN(calm.start)) {
                calm.start = t;
            }
            calm.last = t;
        } else if (!Double.isNaN(calm.start)) {
            calmEnded(calm.start, calm.last, t);
            calm.start = Double.NaN;
        }
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (t >= p.dueMs()) {
                it.remove();
                submit(p);
            }
        }
    }

    private void step(Run r, boolean on, double t) {
        if (on) {
            if (Double.isNaN(r.start)) {
                // A run that resumes before the last one's clip was cut joins it: one highlight, not a flicker of them.
                Pending open = null;
                for (Pending p : pending) {
                    if (p.kind() == r.kind && t - p.endMs() < postMs) {
                        open = p;
                    }
                }
                if (open != null) {
                    pending.remove(open);
                    r.start = open.startMs();
                } else {
                    r.start = t;
                }
            }
            r.last = t;
        } else if (!Double.isNaN(r.start)) {
            pending.add(new Pending(r.kind, sessionId, r.start, r.last, r.last + postMs));
            r.start = Double.NaN;
        }
    }

    private void calmEnded(double start, double end, double now) {
        if (end - start > bestCalmMs && end - start >= 1000) {
            bestCalmMs = end - start;
            pending.removeIf(p -> p.kind() == HighlightKind.CALM_STREAK);
            pending.add(new Pending(HighlightKind.CALM_STREAK, sessionId, start, end, end + postMs));
        }
    }

    private byte[] jpeg(Mat img) {
        Mat src = img;
        if (img.cols() > maxWidth) {
            Imgproc.resize(img, small, new Size(maxWidth, Math.round(img.rows() * (double) maxWidth / img.cols()) & ~1), 0, 0, Imgproc.INTER_AREA);
            src = small;
        }
        Imgcodecs.imencode(".jpg", src, buf, quality);
        return buf.toArray();
    }

    @Override
    public void sessionEnded(SessionInfo session, CalmMetrics metrics) {
        if (sessionId == null || session.id() != sessionId) {
            return;
        }
        double t = lastSampleMs;
        for (Run r : List.of(lunge, stalk, flight)) {
            if (!Double.isNaN(r.start)) {
                pending.add(new Pending(r.kind, sessionId, r.start, r.last, r.last));
                r.start = Double.NaN;
            }
        }
        if (!Double.isNaN(calm.start)) {
            calmEnded(calm.start, calm.last, t);
            calm.start = Double.NaN;
        }
        for (Pending p : pending) {
            submit(p);
        }
        pending.clear();
        sessionId = null;
    }

    private void submit(Pending p) {
        List<FrameRing.Entry> frames = ring.between(p.startMs() - preMs, p.endMs() + postMs);
        if (frames.isEmpty()) {
            return;
        }
        if (queuedClips.get() >= MAX_QUEUED_CLIPS) {
            // The encoder is behind (a busy machine, a storm of events): keep the highlight, its place and its
            // thumbnail, but no clip, so memory stays bounded. The session's recording still has the footage.
            writeWithoutClip(p, frames);
            return;
        }
        queuedClips.incrementAndGet();
        clips.submit(() -> {
            try {
                writeClip(p, frames);
            } finally {
                queuedClips.decrementAndGet();
            }
        });
    }

    private void writeWithoutClip(Pending p, List<FrameRing.Entry> frames) {
        try {
            FrameRing.Entry thumb = frames.get(0);
            for (FrameRing.Entry e : frames) {
                if (e.timeMs() <= p.startMs()) {
                    thumb = e;
                }
            }
            long id = media.addHighlight(p.sessionId(), p.kind().name(), p.startMs(), p.endMs());
            String thumbRel = "highlights/" + id + ".jpg";
            Files.createDirectories(dataDir.resolve("highlights"));
            Files.write(dataDir.resolve(thumbRel), thumb.jpeg());
            media.setHighlightFiles(id, null, thumbRel);
            skippedClips.incrementAndGet();
            LOG.warn("camera {}: clip encoder {} clips behind: highlight {} {} kept without a clip", camera, MAX_QUEUED_CLIPS, id, p.kind());
        } catch (IOException | RuntimeException e) {
            LOG.error("camera {}: highlight {} failed: {}", camera, p.kind(), e.getMessage());
        }
    }

    /** Highlights kept without a clip because the encoder was behind. */
    public long skippedClips() {
        return skippedClips.get();
    }

    private void writeClip(Pending p, List<FrameRing.Entry> frames) {
        long id = -1;
        try {
            if (p.kind() == HighlightKind.CALM_STREAK && bestCalmHighlight > 0) {
                deleteHighlight(bestCalmHighlight); // a longer calm streak replaces the provisional one
            }
            id = media.addHighlight(p.sessionId(), p.kind().name(), p.startMs(), p.endMs());
            String clipRel = "highlights/" + id + ".mp4";
            String thumbRel = "highlights/" + id + ".jpg";
            Path clip = dataDir.resolve(clipRel);
            Files.createDirectories(clip.getParent());
            double spanMs = frames.get(frames.size() - 1).timeMs() - frames.get(0).timeMs();
            double fps = frames.size() > 1 ? Math.max(1, Math.min(60, (frames.size() - 1) * 1000.0 / Math.max(1, spanMs))) : 10;
            FrameRing.Entry thumb = frames.get(0);
            Mat m = new Mat();
            try (Mp4Writer w = open(clip, frames.get(0), fps, m)) {
                for (FrameRing.Entry e : frames) {
                    Mat decoded = decode(e.jpeg());
                    long micros = Math.round((e.timeMs() - frames.get(0).timeMs()) * 1000.0);
                    try {
                        if (decoded.cols() == w.options().width() && decoded.rows() == w.options().height()) {
                            w.write(decoded, micros);
                        } else {
                            Mat even = decoded.submat(0, w.options().height(), 0, w.options().width());
                            even.copyTo(m);
                            even.release();
                            w.write(m, micros);
                        }
                    } finally {
                        decoded.release();
                    }
                    if (e.timeMs() <= p.startMs()) {
                        thumb = e;
                    }
                }
            } finally {
                m.release();
            }
            Files.write(dataDir.resolve(thumbRel), thumb.jpeg());
            media.setHighlightFiles(id, clipRel, thumbRel);
            if (p.kind() == HighlightKind.CALM_STREAK) {
                bestCalmHighlight = id;
            }
            LOG.info("camera {}: highlight {} {} of session {} ({} frames)", camera, id, p.kind(), p.sessionId(), frames.size());
        } catch (IOException | RuntimeException e) {
            LOG.error("camera {}: highlight {} of session {} failed: {}", camera, p.kind(), p.sessionId(), e.getMessage());
        }
    }

    /** Decodes a JPEG, releasing the native buffer at once rather than at some later GC. */
    private static Mat decode(byte[] jpeg) {
        MatOfByte bytes = new MatOfByte(jpeg);
        try {
            return Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
        } finally {
            bytes.release();
        }
    }

    private static Mp4Writer open(Path clip, FrameRing.Entry first, double fps, Mat scratch) throws IOException {
        Mat d = decode(first.jpeg());
        try {
            return new Mp4Writer(clip, Mp4Writer.Options.clip(d.cols() & ~1, d.rows() & ~1, fps));
        } finally {
            d.release();
        }
    }

    private void deleteHighlight(long id) {
        media.highlight(id).ifPresent(h -> {
            for (String f : new String[] {h.clip(), h.thumb()}) {
                if (f != null) {
                    try {
                        Files.deleteIfExists(dataDir.resolve(f));
                    } catch (IOException ignored) {
                        // a stray file is harmless
                    }
                }
            }
            media.deleteHighlight(id);
        });
    }

    /** Waits for queued clips (tests, shutdown). */
    public void drain() {
        try {
            clips.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("highlights: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (clips.isShutdown()) {
            return;
        }
        drain();
        clips.shutdown();
        buf.release();
        small.release();
    }
}
