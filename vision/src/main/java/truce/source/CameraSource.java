package truce.source;

import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A V4L2 webcam through OpenCV, by index ("0") or device path ("/dev/video0"), asking for a resolution and a
 * frame rate (the driver may pick the nearest it has). Blocking reads; {@link LiveSource} puts it on its own
 * thread. A read that fails means the camera stopped (unplugged, driver error).
 */
public final class CameraSource implements FrameSource {
    private final String device;
    private final VideoCapture capture;
    private final double fps;
    private final long startMs = System.currentTimeMillis();
    private long delivered;

    public CameraSource(String device, int width, int height, double fps, SourceEvent.Listener events)
            throws SourceException {
        Natives.load();
        this.device = device;
        VideoCapture c = device.matches("\\d+")
                ? new VideoCapture(Integer.parseInt(device), Videoio.CAP_V4L2)
                : new VideoCapture(device, Videoio.CAP_V4L2);
        if (!c.isOpened()) {
            c.release();
            throw new SourceException(device + ": camera not found or busy", 0);
        }
        // MJPG lets USB webcams deliver full frame rates at higher resolutions.
        c.set(Videoio.CAP_PROP_FOURCC, org.opencv.videoio.VideoWriter.fourcc('M', 'J', 'P', 'G'));
        if (width > 0 && height > 0) {
            c.set(Videoio.CAP_PROP_FRAME_WIDTH, width);
            c.set(Videoio.CAP_PROP_FRAME_HEIGHT, height);
        }
        if (fps > 0) {
            c.set(Videoio.CAP_PROP_FPS, fps);
        }
        c.set(Videoio.CAP_PROP_BUFFERSIZE, 1); // the driver queue adds latency; we keep only the newest anyway
        this.capture = c;
        double f = c.get(Videoio.CAP_PROP_FPS);
        this.fps = f > 0 ? f : (fps > 0 ? fps : 30);
        events.on(new SourceEvent.Opened(device, (int) c.get(Videoio.CAP_PROP_FRAME_WIDTH),
                (int) c.get(Videoio.CAP_PROP_FRAME_HEIGHT), this.fps));
    }

    @Override
    public boolean read(Frame into) throws SourceException {
        boolean ok;
        try {
            ok = capture.read(into.bgr()) && !into.bgr().empty();
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new SourceException(device + ": camera stopped delivering frames", delivered);
        }
        long now = System.currentTimeMillis();
        into.stamp(delivered, now - startMs, now);
        delivered++;
        return true;
    }

    @Override
    public String description() {
        return device;
    }

    @Override
    public boolean live() {
        return false; // wrapped by LiveSource
    }

    @Override
    public double fps() {
        return fps;
    }

    @Override
    public void close() {
        capture.release();
    }
}
