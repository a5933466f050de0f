package truce.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Writes BGR frames as MJPG in AVI through OpenCV (the only format the openpnp OpenCV build writes and reads).
 * The JPEG quality is settable, so footage can carry the compression artefacts real webcams give.
 */
public final class AviWriter implements AutoCloseable {
    private final VideoWriter writer;
    private final Path file;
    private final int width, height;
    private long written;

    public AviWriter(Path file, int width, int height, double fps, int jpegQuality) throws IOException {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, was " + jpegQuality);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = file;
        this.width = width;
        this.height = height;
        writer = new VideoWriter(file.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), fps, new Size(width, height), true);
        if (!writer.isOpened()) {
            writer.release();
            throw new IOException("cannot open " + file + " for writing MJPG AVI");
        }
        writer.set(Videoio.VIDEOWRITER_PROP_QUALITY, jpegQuality);
    }

    /** Appends one 8-bit BGR frame of exactly the configured size. */
    public void write(Mat bgr) {
        if (bgr.type() != CvType.CV_8UC3 || bgr.cols() != width || bgr.rows() != height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " BGR (CV_8UC3), got " + bgr.cols() + "x"
                    + bgr.rows() + " type " + CvType.typeToString(bgr.type()));
        }
        writer.write(bgr);
        written++;
    }

    public long written() {
        return written;
    }

    /** Finishes the file; throws if nothing reached the disk (a full disk, a vanished directory). */
    @Override
    public void close() throws IOException {
        writer.release();
        if (written > 0 && (!Files.exists(file) || Files.size(file) == 0)) {
            throw new IOException("writing " + file + " failed: the file is empty (is the disk full?)");
        }
    }
}
