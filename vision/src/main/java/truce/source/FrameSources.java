package truce.source;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the source for a spec: a camera index or /dev/videoN, a stream URL, an image folder or a video file. */
public final class FrameSources {

    /**
     * How to open a source.
     *
     * @param width     camera width to ask for (0 = driver default)
     * @param height    camera height to ask for
     * @param fps       camera frame rate to ask for; also the rate of an image folder (0 = 30)
     * @param liveFolder treat an image folder as a live camera (tests, demos)
     */
    public record Options(int width, int height, double fps, boolean liveFolder) {
        public static final Options DEFAULT = new Options(0, 0, 0, false);
    }

    private FrameSources() {
    }

    public static FrameSource open(String spec, Options o, SourceEvent.Listener events) throws SourceException {
        if (spec.matches("\\d+") || spec.startsWith("/dev/video")) {
            return new LiveSource(spec, () -> new CameraSource(spec, o.width(), o.height(), o.fps(), events), events);
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("rtmp://") || lower.startsWith("http://")
                || lower.startsWith("https://") || lower.startsWith("udp://") || lower.startsWith("srt://")) {
            return new LiveSource(spec, () -> new FfmpegSource(spec, true, null, events), events);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            if (o.liveFolder()) {
                return new LiveSource(spec, () -> new ImageFolderSource(path, o.fps(), events), events);
            }
            return new ImageFolderSource(path, o.fps(), events);
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException(spec + ": no such file, folder, camera or stream", 0);
        }
        if (lower.endsWith(".avi")) {
            String truncation = aviTruncation(path);
            if (truncation == null) {
                try {
                    return new OpenCvFileSource(path, events);
                } catch (SourceException e) {
                    // not MJPG, or an index OpenCV cannot parse: FFmpeg reads nearly anything
                }
            }
            return new FfmpegSource(spec, false, truncation, events);
        }
        return new FfmpegSource(spec, false, null, events);
    }

    /**
     * An AVI cut short (a copy interrupted, a recording stopped by a power cut) is smaller than its RIFF
     * header says; OpenCV refuses it, FFmpeg reads what is there. Returns the reason, or null if whole.
     */
    static String aviTruncation(Path avi) throws SourceException {
        try (RandomAccessFile f = new RandomAccessFile(avi.toFile(), "r")) {
            byte[] h = new byte[12];
            if (f.length() < 12 || f.read(h) != 12 || h[0] != 'R' || h[1] != 'I' || h[2] != 'F' || h[3] != 'F') {
                return null; // not RIFF: let the readers say what is wrong
            }
            long riff = (h[4] & 0xffL) | (h[5] & 0xffL) << 8 | (h[6] & 0xffL) << 16 | (h[7] & 0xffL) << 24;
            if (f.length() < riff + 8) {
                return "file is truncated: " + f.length() + " bytes, its header says " + (riff + 8);
            }
            return null;
        } catch (IOException e) {
            throw new SourceException(avi + ": cannot read: " + e.getMessage(), 0, e);
        }
    }
}
