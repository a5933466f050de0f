package truce.source;

import org.opencv.core.Mat;

/**
 * One frame in flight: a reused BGR image plus where it sits in its stream. Sources fill a frame the caller
 * owns, so the pixels are never reallocated while the size stays the same; {@link #close()} frees the native
 * memory.
 */
public final class Frame implements AutoCloseable {
    private Mat bgr = new Mat();
    private long index;
    private double mediaTimeMs;
    private long captureTimeMs;

    /** The BGR pixels (8-bit, 3 channels), owned by this frame. */
    public Mat bgr() {
        return bgr;
    }

    /** Frame index in source order, from 0 (live sources leave gaps where they dropped stale frames). */
    public long index() {
        return index;
    }

    /** Media time in ms: the file's timestamp, or ms since a live stream started. */
    public double mediaTimeMs() {
        return mediaTimeMs;
    }

    /** Wall-clock time (epoch ms) at which the frame was captured or decoded. */
    public long captureTimeMs() {
        return captureTimeMs;
    }

    public void stamp(long index, double mediaTimeMs, long captureTimeMs) {
        this.index = index;
        this.mediaTimeMs = mediaTimeMs;
        this.captureTimeMs = captureTimeMs;
    }

    /** Exchanges pixels and stamps with another frame: how a live source hands over without copying. */
    public void swap(Frame other) {
        Mat m = bgr;
        bgr = other.bgr;
        other.bgr = m;
        long i = index;
        index = other.index;
        other.index = i;
        double t = mediaTimeMs;
        mediaTimeMs = other.mediaTimeMs;
        other.mediaTimeMs = t;
        long c = captureTimeMs;
        captureTimeMs = other.captureTimeMs;
        other.captureTimeMs = c;
    }

    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }

    @Override
    public void close() {
        bgr.release();
    }
}
