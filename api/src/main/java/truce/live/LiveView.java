package truce.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import truce.session.Detection;

/**
 * The camera's picture for people: an annotated MJPEG stream (encoded only while someone watches, at most
 * ~10 a second) and raw snapshots on request. Costs nothing when nobody looks.
 */
public final class LiveView implements FrameSink {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private final AtomicInteger viewers = new AtomicInteger();
    private final Object frameLock = new Object();
    private final Mat work = new Mat();
    private final MatOfByte buf = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 80);
    private volatile CompletableFuture<byte[]> snapshotRequest;
    private byte[] latest;
    private long latestSeq;
    private long lastEncodeNanos;

    @Override
    public void frame(LiveFrame f, Detection d, Long sessionId) {
        Mat img = f.image();
        if (img == null || img.empty()) {
            return;
        }
        CompletableFuture<byte[]> snap = snapshotRequest;
        if (snap != null) {
            snapshotRequest = null;
            snap.complete(encode(img));
        }
        long now = System.nanoTime();
        if (viewers.get() == 0 || now - lastEncodeNanos < INTERVAL_NANOS) {
            return;
        }
        lastEncodeNanos = now;
        img.copyTo(work);
        annotate(work, d);
        byte[] jpeg = encode(work);
        synchronized (frameLock) {
            latest = jpeg;
            latestSeq++;
            frameLock.notifyAll();
        }
    }

    private static final Scalar CAT = new Scalar(0, 140, 255);
    private static final Scalar RAT = new Scalar(255, 200, 0);

    /** Draws each animal's place and state (the annotated live view and annotated recordings). */
    public static void annotate(Mat m, Detection d) {
        if (d.catVisible()) {
            org.opencv.core.Point p = new org.opencv.core.Point(d.catX(), d.catY());
            Imgproc.circle(m, p, 18, CAT, 2);
            Imgproc.putText(m, "cat " + (d.cat() == null ? "" : d.cat().label()), new org.opencv.core.Point(d.catX() + 20, d.catY()),
                    Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, CAT, 1);
        }
        if (d.ratVisible()) {
            org.opencv.core.Point p = new org.opencv.core.Point(d.ratX(), d.ratY());
            Imgproc.circle(m, p, 12, RAT, 2);
            Imgproc.putText(m, "rat " + (d.rat() == null ? "" : d.rat().label()), new org.opencv.core.Point(d.ratX() + 14, d.ratY()),
                    Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, RAT, 1);
        }
    }

    private byte[] encode(Mat m) {
        Imgcodecs.imencode(".jpg", m, buf, quality);
        return buf.toArray();
    }

    /** Asks for the next raw frame as JPEG. */
    public CompletableFuture<byte[]> snapshot() {
        CompletableFuture<byte[]> f = snapshotRequest;
        if (f == null) {
            f = new CompletableFuture<>();
            snapshotRequest = f;
        }
        return f;
    }

    /** Someone is looking (a live viewer or a snapshot waiting): a remote camera node should send its pictures. */
    public boolean wanted() {
        return viewers.get() > 0 || snapshotRequest != null;
    }

    /** A viewer joins the MJPEG stream; pair with {@link #leave()}. */
    public void join() {
        viewers.incrementAndGet();
    }

    public void leave() {
        viewers.decrementAndGet();
    }

    /** Waits for a frame newer than {@code afterSeq}; returns null on timeout. */
    public Frame next(long afterSeq, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (frameLock) {
            while (latestSeq <= afterSeq || latest == null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                frameLock.wait(left);
            }
            return new Frame(latestSeq, latest);
        }
    }

    public record Frame(long seq, byte[] jpeg) {
    }
}
