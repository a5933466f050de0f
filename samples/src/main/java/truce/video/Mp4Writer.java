package truce.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Writes BGR frames as H.264 MP4 that browsers play (FFmpeg's openh264 encoder, yuv420p, Constrained Baseline).
 * <p>
 * Two layouts: {@link Layout#FASTSTART} (index at the front: clips and downloads that start playing at once) and
 * {@link Layout#FRAGMENTED} (a fragment every keyframe: a recording cut by a crash or power loss stays playable up
 * to its last complete fragment). One instance per stream; not thread-safe. The frame buffer is reused, so writing
 * allocates nothing per frame on the Java side.
 */
public final class Mp4Writer implements AutoCloseable {

    /** Where the MP4 index lives. */
    public enum Layout { FASTSTART, FRAGMENTED }

    /**
     * @param width        frame width in pixels (even)
     * @param height       frame height in pixels (even)
     * @param fps          frames per second
     * @param bitsPerPixel target bit rate as bits per pixel per frame (0.1 is good for synthetic scenes)
     * @param keyframeSeconds distance between keyframes (fragment length when fragmented)
     * @param layout       faststart or fragmented
     */
    public record Options(int width, int height, double fps, double bitsPerPixel, double keyframeSeconds, Layout layout) {
        public Options {
            if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("H.264 needs a positive even width and height, got " + width + "x" + height);
            }
            if (!(fps > 0) || !(bitsPerPixel > 0) || !(keyframeSeconds > 0)) {
                throw new IllegalArgumentException("fps, bitsPerPixel and keyframeSeconds must be positive");
            }
        }

        public static Options clip(int width, int height, double fps) {
            return new Options(width, height, fps, 0.1, 1.0, Layout.FASTSTART);
        }

        public static Options recording(int width, int height, double fps) {
            return new Options(width, height, fps, 0.1, 1.0, Layout.FRAGMENTED);
        }
    }

    private final Options options;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final byte[] row;
    private long written;
    private long nextPts;

    public Mp4Writer(Path file, Options options) throws IOException {
        this.options = options;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), options.width(), options.height(), 0);
        r.setFormat("mp4");
        r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(options.fps());
        r.setGopSize(Math.max(1, (int) Math.round(options.fps() * options.keyframeSeconds())));
        r.setVideoBitrate((int) Math.round(options.width() * options.height() * options.fps() * options.bitsPerPixel()));
        if (options.layout() == Layout.FRAGMENTED) {
            r.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
            // Hand every fragment to the OS at once, so a crash loses at most the fragment being written.
            r.setOption("flush_packets", "1");
        } else {
            r.setOption("movflags", "+faststart");
        }
        try {
            r.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            closeQuietly(r);
            throw new IOException("cannot start H.264 MP4 writer for " + file + ": " + e.getMessage(), e);
        }
        this.recorder = r;
        this.frame = new Frame(options.width(), options.height(), Frame.DEPTH_UBYTE, 3);
        this.row = new byte[options.width() * 3];
    }

    public Options options() {
        return options;
    }

    /** Frames written so far. */
    public long written() {
        return written;
    }

    /** Appends one 8-bit BGR frame of exactly the configured size, one frame interval after the previous one. */
    public void write(Mat bgr) throws IOException {
        writeAt(bgr, nextPts);
    }

    /**
     * Appends a frame at its own time from the start of the file, on the grid of the configured frame rate. A live
     * source drops frames now and then; stamping each frame with its time keeps the gap a gap in playback, where
     * consecutive numbering would play the rest early. Two frames in one slot keep their order (the later one
     * moves to the next slot).
     */
    public void write(Mat bgr, long timeMicros) throws IOException {
        writeAt(bgr, Math.max(nextPts, Math.round(timeMicros * options.fps() / 1e6)));
    }

    private void writeAt(Mat bgr, long pts) throws IOException {
        if (bgr.type() != CvType.CV_8UC3 || bgr.cols() != options.width() || bgr.rows() != options.height()) {
            throw new IllegalArgumentException("expected " + options.width() + "x" + options.height()
                    + " BGR (CV_8UC3), got " + bgr.cols() + "x" + bgr.rows() + " type " + CvType.typeToString(bgr.type()));
        }
        ByteBuffer dst = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int y = 0; y < options.height(); y++) {
            bgr.get(y, 0, row);
            dst.position(y * stride);
            dst.put(row);
        }
        dst.rewind();
        try {
            recorder.setFrameNumber((int) pts);
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("H.264 encoding failed at frame " + written + ": " + e.getMessage(), e);
        }
        written++;
        nextPts = pts + 1;
    }

    /** Finishes the file (writes the index or the last fragment). */
    @Override
    public void close() throws IOException {
        try {
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("could not finish MP4: " + e.getMessage(), e);
        } finally {
            closeQuietly(recorder);
            frame.close();
        }
    }

    private static void closeQuietly(FFmpegFrameRecorder r) {
        try {
            r.release();
        } catch (FFmpegFrameRecorder.Exception ignored) {
            // already failing; the first error is the one reported
        }
    }
}
