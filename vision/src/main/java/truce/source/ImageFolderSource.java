package truce.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** A folder of images (png, jpg, bmp, tif) read in name order at a given frame rate. */
public final class ImageFolderSource implements FrameSource {
    private final Path dir;
    private final List<Path> files;
    private final double fps;
    private final SourceEvent.Listener events;
    private int next;

    public ImageFolderSource(Path dir, double fps, SourceEvent.Listener events) throws SourceException {
        Natives.load();
        this.dir = dir;
        this.fps = fps > 0 ? fps : 30.0;
        this.events = events;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(ImageFolderSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new SourceException(dir + ": cannot list images: " + e.getMessage(), 0, e);
        }
        if (files.isEmpty()) {
            throw new SourceException(dir + ": no images (png, jpg, bmp, tif) in this folder", 0);
        }
        events.on(new SourceEvent.Opened(dir.toString(), -1, -1, this.fps));
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".tif") || n.endsWith(".tiff");
    }

    @Override
    public boolean read(Frame into) throws SourceException {
        if (next >= files.size()) {
            if (next == files.size()) {
                next++;
                events.on(new SourceEvent.Ended(dir.toString(), files.size()));
            }
            return false;
        }
        Path f = files.get(next);
        Mat m = Imgcodecs.imread(f.toString(), Imgcodecs.IMREAD_COLOR);
        try {
            if (m.empty()) {
                String reason = "unreadable image " + f.getFileName();
                next = files.size() + 1;
                events.on(new SourceEvent.Failed(dir.toString(), next, reason));
                throw new SourceException(dir + ": " + reason, next);
            }
            m.copyTo(into.bgr());
        } finally {
            m.release();
        }
        into.stamp(next, next * 1000.0 / fps, System.currentTimeMillis());
        next++;
        return true;
    }

    @Override
    public String description() {
        return dir.toString();
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
        return files.size();
    }

    @Override
    public void close() {
        // nothing native is held between frames
    }
}
