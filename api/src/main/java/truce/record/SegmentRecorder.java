package truce.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.live.FrameSink;
import truce.live.LiveFrame;
import truce.metrics.CalmMetrics;
import truce.session.Detection;
import truce.session.SessionInfo;
import truce.store.MediaStore;
import truce.video.Mp4Writer;

/**
 * Unattended recording: every frame of a live session goes to fragmented H.264 MP4 segments of
 * {@code segmentSeconds}, which stay playable up to the last fragment if the process dies. Encoding runs on the
 * recorder's own thread; the camera thread only copies the frame into one of a fixed pool of buffers (if the
 * encoder falls behind, frames are skipped and counted, never queued without bound). A full disk stops
 * recording with a DISK_FULL alert; detection goes on.
 */
public final class SegmentRecorder implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecorder.class);
    private static final int POOL = 16;

    private final String camera;
    private final Path dataDir;
    private final MediaStore media;
    private final DiskGuard disk;
    private final double segmentSeconds;
    private final double fps;
    private final Consumer<Detection> diskFullAlert;
    private final BlockingQueue<Mat> free = new ArrayBlockingQueue<>(POOL);
    private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(POOL + 4);
    private final AtomicBoolean writeFailed = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    // camera-thread state
    private boolean stoppedForDisk;
    private Long currentSession;
    private double segmentStartMs = Double.NaN;
    private int segmentNo;
    private double lastTimeMs;
    private double lastAnyMs = Double.NaN;
    private double frameMsAvg;

    /** Work for the encoder thread: a frame, or a segment boundary. */
    private sealed interface Job permits Write, Open, Close {
    }

    /** A frame and its time from the start of its segment, so frames the camera dropped stay gaps in playback. */
    private record Write(Mat mat, long segmentMicros) implements Job {
    }

    private record Open(long segmentId, Path file, int width, int height, double fps) implements Job {
    }

    private record Close(double endMs) implements Job {
    }

    public SegmentRecorder(String camera, Path dataDir, MediaStore media, DiskGuard disk, double segmentSeconds, double fps,
                           Consumer<Detection> diskFullAlert) {
        this.camera = camera;
        this.dataDir = dataDir;
        this.media = media;
        this.disk = disk;
        this.segmentSeconds = segmentSeconds;
        this.fps = fps;
        this.diskFullAlert = diskFullAlert;
        for (int i = 0; i < POOL; i++) {
            free.add(new Mat());
        }
        thread = new Thread(this::encodeLoop, "record-" + camera);
        thread.setDaemon(true);
        thread.start();
    }

    /** Frames handed over and not yet encoded (tests wait on it to run without skipping). */
    public int backlog() {
        return POOL - free.size();
    }

    public long skippedFrames() {
        return skipped.get();
    }

    @Override
    public void sessionStarted(SessionInfo session) {
        stoppedForDisk = false;
        writeFailed.set(false);
        currentSession = session.id();
        segmentStartMs = Double.NaN;
        segmentNo = 0;
    }

    @Override
    public void frame(LiveFrame f, Detection d, Long sessionId) {
        Mat img = f.image();
        double media = f.features().timeMs();
        if (!Double.isNaN(lastAnyMs) && media > lastAnyMs && media - lastAnyMs < 1000) {
            double dt = media - lastAnyMs;
            frameMsAvg = frameMsAvg == 0 ? dt : 0.95 * frameMsAvg + 0.05 * dt;
        }
        lastAnyMs = media;
        if (sessionId == null || !sessionId.equals(currentSession) || stoppedForDisk || img == null || img.empty()) {
            return;
        }
        lastTimeMs = d.timeMs();
        if (writeFailed.get() || disk.full()) {
            stoppedForDisk = true;
            closeSegment(d.timeMs());
            LOG.error("camera {}: disk full (under {} MB free) or unwritable: recording stopped, detection goes on",
                    camera, disk.minFreeBytes() >> 20);
            diskFullAlert.accept(d);
            return;
        }
        if (Double.isNaN(segmentStartMs) || d.timeMs() - segmentStartMs >= segmentSeconds * 1000.0) {
            closeSegment(d.timeMs());
            openSegment(sessionId, d.timeMs(), img.cols() & ~1, img.rows() & ~1);
        }
        Mat buf;
        try {
            // A moment's grace for the encoder; beyond it the frame is skipped (and counted), never queued.
            buf = free.poll(5, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (buf == null) {
            skipped.incrementAndGet();
            return;
        }
        if ((img.cols() & 1) == 0 && (img.rows() & 1) == 0) {
            img.copyTo(buf);
        } else {
            Mat even = img.submat(0, img.rows() & ~1, 0, img.cols() & ~1);
            even.copyTo(buf);
            even.release();
        }
        if (!jobs.offer(new Write(buf, Math.round((d.timeMs() - segmentStartMs) * 1000.0)))) {
            free.add(buf);
            skipped.incrementAndGet();
        }
    }

    private void openSegment(long sessionId, double startMs, int w, int h) {
        String rel = "recordings/" + camera + "/s" + sessionId + "-" + (segmentNo++) + ".mp4";
        long id = media.addSegment(sessionId, camera, rel, startMs);
        segmentStartMs = startMs;
        // Frames are stamped with their own times on a grid of this rate: the finer of the source's measured rate and
        // the configured one, so frames arriving at the camera's full rate between drops never share a slot.
        double measured = frameMsAvg > 0 ? Math.round(100_000.0 / frameMsAvg) / 100.0 : 0;
        double rate = Math.max(measured, fps);
        putBlocking(new Open(id, dataDir.resolve(rel), w, h, rate));
    }

    private void closeSegment(double endMs) {
        if (!Double.isNaN(segmentStartMs)) {
            putBlocking(new Close(endMs));
            segmentStartMs = Double.NaN;
        }
    }

    /** Segment boundaries must not be lost; the queue is short and drains at encoding speed. */
    private void putBlocking(Job j) {
        try {
            jobs.put(j);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void sessionEnded(SessionInfo session, CalmMetrics metrics) {
        if (session.id() == (currentSession == null ? -1 : currentSession)) {
            closeSegment(lastTimeMs);
            currentSession = null;
        }
    }

    private void encodeLoop() {
        Mp4Writer writer = null;
        long segmentId = -1;
        Path file = null;
        while (running || !jobs.isEmpty()) {
            Job j;
            try {
                j = jobs.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (j == null) {
                continue;
            }
            try {
                if (j instanceof Open o) {
                    writer = closeWriter(writer, segmentId, file, Double.NaN);
                    Files.createDirectories(o.file().getParent());
                    writer = new Mp4Writer(o.file(), Mp4Writer.Options.recording(o.width(), o.height(), o.fps()));
                    segmentId = o.segmentId();
                    file = o.file();
                } else if (j instanceof Close c) {
                    writer = closeWriter(writer, segmentId, file, c.endMs());
                    segmentId = -1;
                } else if (j instanceof Write w) {
                    try {
                        if (writer != null) {
                            writer.write(w.mat(), w.segmentMicros());
                        }
                    } finally {
                        free.add(w.mat());
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("camera {}: recording failed: {}", camera, e.getMessage());
                writeFailed.set(true);
                writer = closeWriter(writer, segmentId, file, Double.NaN);
                segmentId = -1;
            }
        }
        closeWriter(writer, segmentId, file, Double.NaN);
    }

    private Mp4Writer closeWriter(Mp4Writer writer, long segmentId, Path file, double endMs) {
        if (writer == null) {
            return null;
        }
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("camera {}: closing segment {}: {}", camera, file, e.getMessage());
        }
        try {
            long bytes = Files.exists(file) ? Files.size(file) : 0;
            media.endSegment(segmentId, Double.isNaN(endMs) ? null : endMs, bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("camera {}: could not record the end of segment {}: {}", camera, segmentId, e.getMessage());
        }
        return null;
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        if (currentSession != null) {
            closeSegment(lastTimeMs);
        }
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Mat m;
        while ((m = free.poll()) != null) {
            m.release();
        }
    }
}
