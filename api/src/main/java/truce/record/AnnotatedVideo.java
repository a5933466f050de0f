package truce.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.live.LiveView;
import truce.session.Detection;
import truce.store.MediaStore;
import truce.store.SessionStore;
import truce.video.Mp4Writer;

/**
 * Builds a finished session's annotated video on request: its recorded segments, in order, with each frame's
 * stored detection drawn on it (matched by session time), as one faststart H.264 MP4 kept under
 * annotated/. One build at a time, off the request threads; the file is reused once built.
 */
public final class AnnotatedVideo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatedVideo.class);
    private final Path dataDir;
    private final MediaStore media;
    private final SessionStore sessions;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "annotated-video");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<Long, Future<Path>> builds = new ConcurrentHashMap<>();
    private final Map<Long, Double> progress = new ConcurrentHashMap<>();

    public AnnotatedVideo(Path dataDir, MediaStore media, SessionStore sessions) {
        this.dataDir = dataDir;
        this.media = media;
        this.sessions = sessions;
    }

    public Path file(long sessionId) {
        return dataDir.resolve("annotated").resolve("s" + sessionId + ".mp4");
    }

    /** The built file, starting the build if needed; null while it is being built. */
    public Future<Path> request(long sessionId) {
        if (Files.isRegularFile(file(sessionId))) {
            return java.util.concurrent.CompletableFuture.completedFuture(file(sessionId));
        }
        return builds.computeIfAbsent(sessionId, id -> builder.submit(() -> {
            try {
                return build(id);
            } finally {
                builds.remove(id);
                progress.remove(id);
            }
        }));
    }

    public double progress(long sessionId) {
        return progress.getOrDefault(sessionId, 0.0);
    }

    private Path build(long sessionId) throws IOException {
        List<MediaStore.Segment> segs = media.segments(sessionId);
        if (segs.isEmpty()) {
            throw new IOException("session " + sessionId + " has no recording");
        }
        List<Detection> ds = sessions.detections(sessionId);
        Path out = file(sessionId);
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        Mp4Writer writer = null;
        Mat mat = null;
        byte[] row = null;
        int di = 0;
        int done = 0;
        double originMs = Double.NaN;
        try {
            for (MediaStore.Segment seg : segs) {
                Path f = dataDir.resolve(seg.file());
                if (!Files.isRegularFile(f)) {
                    continue; // deleted by retention
                }
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(f.toFile())) {
                    g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                    g.start();
                    Frame frame;
                    while ((frame = g.grabImage()) != null) {
                        int w = frame.imageWidth;
                        int h = frame.imageHeight;
                        if (writer == null) {
                            writer = new Mp4Writer(tmp, Mp4Writer.Options.clip(w & ~1, h & ~1, gridRate(g)));
                            mat = new Mat(h & ~1, w & ~1, CvType.CV_8UC3);
                            row = new byte[(w & ~1) * 3];
                        }
                        ByteBuffer buf = (ByteBuffer) frame.image[0];
                        for (int y = 0; y < mat.rows(); y++) {
                            buf.position(y * frame.imageStride);
                            buf.get(row, 0, row.length);
                            mat.put(y, 0, row);
                        }
                        double t = seg.startMs() + g.getTimestamp() / 1000.0;
                        while (di + 1 < ds.size() && ds.get(di + 1).timeMs() <= t + 1) {
                            di++;
                        }
                        if (!ds.isEmpty()) {
                            LiveView.annotate(mat, ds.get(di));
                        }
                        if (Double.isNaN(originMs)) {
                            originMs = t;
                        }
                        writer.write(mat, Math.round((t - originMs) * 1000.0)); // gaps between segments stay gaps
                    }
                    g.stop();
                }
                progress.put(sessionId, ++done / (double) segs.size());
            }
            if (writer == null) {
                throw new IOException("session " + sessionId + ": its recordings hold no frames");
            }
            writer.close();
            writer = null;
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("annotated video of session {} built ({} segments)", sessionId, segs.size());
            return out;
        } finally {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // failing already
                }
            }
            if (mat != null) {
                mat.release();
            }
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }

    /**
     * The frame-rate grid the recording was stamped on. A recording with dropped frames has an average rate below
     * it; writing on that coarser grid would push frames later, so take the stream's base rate when FFmpeg knows it.
     */
    private static double gridRate(FFmpegFrameGrabber g) {
        org.bytedeco.ffmpeg.avutil.AVRational r = g.getFormatContext().streams(g.getVideoStream()).r_frame_rate();
        double base = r.den() > 0 ? r.num() / (double) r.den() : 0;
        double avg = g.getFrameRate();
        double rate = Math.max(base > 0 && base <= 120 ? base : 0, avg);
        return rate > 0 ? rate : 30;
    }
}
