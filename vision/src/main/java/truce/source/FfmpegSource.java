package truce.source;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * MP4/H.264 (and any other container FFmpeg reads) from a file, or an RTSP/HTTP stream, through JavaCV.
 * Pixels arrive as BGR24 and are copied into the caller's reused Mat through one reused byte array.
 * As a file source it delivers every frame and reports a file that ends early; as a stream it is wrapped in a
 * {@link LiveSource}, which drops stale frames and reconnects.
 */
public final class FfmpegSource implements FrameSource {
    private final String url;
    private final boolean stream;
    private final String truncation;
    private final FFmpegFrameGrabber grabber;
    private final double fps;
    private final long frameCount;
    private final SourceEvent.Listener events;
    private final long startMs = System.currentTimeMillis();
    private byte[] buffer = new byte[0];
    private long delivered;
    private boolean finished;

    /**
     * @param truncation when not null, the container is known to be cut short (e.g. an AVI smaller than its
     *                   header says): after the last readable frame the source fails with this reason
     */
    public FfmpegSource(String url, boolean stream, String truncation, SourceEvent.Listener events)
            throws SourceException {
        Natives.load();
        this.url = url;
        this.stream = stream;
        this.truncation = truncation;
        this.events = events;
        avutil.av_log_set_level(avutil.AV_LOG_PANIC);
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        if (stream) {
            g.setOption("rtsp_transport", "tcp");
            g.setOption("timeout", "5000000"); // socket I/O timeout, microseconds: a dead camera is noticed
            g.setOption("rw_timeout", "5000000");
        }
        try {
            g.start();
        } catch (Exception e) {
            closeQuietly(g);
            String why = OpenCvFileSource.firstLine(e.getMessage());
            if (why.contains("-1094995529") || why.contains("Could not open input")) {
                why = "cannot open (missing, unreadable, or truncated before its index)";
            }
            throw new SourceException(url + ": " + why, 0, e);
        }
        this.grabber = g;
        double f = g.getFrameRate();
        this.fps = f > 0 && f < 1000 ? f : 30.0;
        this.frameCount = stream ? -1 : g.getLengthInFrames();
        events.on(new SourceEvent.Opened(url, g.getImageWidth(), g.getImageHeight(), fps));
    }

    @Override
    public boolean read(Frame into) throws SourceException {
        if (finished) {
            return false;
        }
        org.bytedeco.javacv.Frame f;
        try {
            f = grabber.grabImage();
        } catch (Exception e) {
            throw fail("decoding failed after frame " + delivered + ": " + OpenCvFileSource.firstLine(e.getMessage()));
        }
        if (f == null || f.image == null) {
            finished = true;
            if (truncation != null) {
                throw fail(truncation);
            }
            if (stream) {
                throw fail("stream ended");
            }
            if (frameCount > 0 && delivered < frameCount - 1) {
                throw fail("stream ended at frame " + delivered + " of " + frameCount + " (truncated or corrupt file)");
            }
            events.on(new SourceEvent.Ended(url, delivered));
            return false;
        }
        copyBgr(f, into.bgr());
        long now = System.currentTimeMillis();
        // Constant-rate files: the index is the most faithful clock; a stream counts from when it opened.
        double t = stream ? now - startMs : delivered * 1000.0 / fps;
        into.stamp(delivered, t, now);
        delivered++;
        return true;
    }

    /** Copies a BGR24 JavaCV frame into a reused 8UC3 Mat, row by row when the stride has padding. */
    private void copyBgr(org.bytedeco.javacv.Frame f, Mat dst) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int row = w * 3;
        if (buffer.length != row * h) {
            buffer = new byte[row * h];
        }
        ByteBuffer src = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        if (stride == row) {
            src.get(0, buffer, 0, row * h);
        } else {
            for (int y = 0; y < h; y++) {
                src.get(y * stride, buffer, y * row, row);
            }
        }
        dst.create(h, w, CvType.CV_8UC3);
        dst.put(0, 0, buffer);
    }

    private SourceException fail(String reason) {
        finished = true;
        events.on(new SourceEvent.Failed(url, delivered, reason));
        return new SourceException(url + ": " + reason + "; " + delivered + " good frames were delivered", delivered);
    }

    @Override
    public String description() {
        return url;
    }

    @Override
    public boolean live() {
        return false; // a stream is made live by LiveSource around it
    }

    @Override
    public double fps() {
        return fps;
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception ignored) {
            // closing a broken grabber: nothing left to save
        }
    }
}
