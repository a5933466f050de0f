package truce.source;

import java.nio.file.Path;
import org.opencv.core.CvException;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * An MJPG AVI file through OpenCV's own reader (the openpnp build has no FFmpeg). Delivers every frame; a
 * chunk it cannot read (a corrupt file) ends the stream with a {@link SourceException} after the good frames.
 */
public final class OpenCvFileSource implements FrameSource {
    private final Path file;
    private final VideoCapture capture;
    private final double fps;
    private final long frameCount;
    private final SourceEvent.Listener events;
    private long delivered;
    private boolean finished;

    public OpenCvFileSource(Path file, SourceEvent.Listener events) throws SourceException {
        Natives.load();
        this.file = file;
        this.events = events;
        this.capture = new VideoCapture(file.toString(), Videoio.CAP_OPENCV_MJPEG);
        if (!capture.isOpened()) {
            capture.release();
            throw new SourceException(file + ": not an MJPG AVI that OpenCV can open", 0);
        }
        double f = capture.get(Videoio.CAP_PROP_FPS);
        this.fps = f > 0 && f < 1000 ? f : 30.0;
        this.frameCount = (long) capture.get(Videoio.CAP_PROP_FRAME_COUNT);
        events.on(new SourceEvent.Opened(description(), (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH),
                (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT), fps));
    }

    @Override
    public boolean read(Frame into) throws SourceException {
        if (finished) {
            return false;
        }
        boolean ok;
        try {
            ok = capture.read(into.bgr()) && !into.bgr().empty();
        } catch (CvException e) {
            throw fail("corrupt data after frame " + delivered + ": " + firstLine(e.getMessage()));
        }
        if (!ok) {
            finished = true;
            if (frameCount > 0 && delivered < frameCount) {
                throw fail("stream ended at frame " + delivered + " of " + frameCount + " (truncated or corrupt file)");
            }
            events.on(new SourceEvent.Ended(description(), delivered));
            return false;
        }
        into.stamp(delivered, delivered * 1000.0 / fps, System.currentTimeMillis());
        delivered++;
        return true;
    }

    private SourceException fail(String reason) {
        finished = true;
        events.on(new SourceEvent.Failed(description(), delivered, reason));
        return new SourceException(file + ": " + reason + "; " + delivered + " good frames were delivered", delivered);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public boolean live() {
        return false;
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
        capture.release();
    }
}
