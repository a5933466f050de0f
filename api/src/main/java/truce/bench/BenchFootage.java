package truce.bench;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import truce.floor.FloorMap;
import truce.samples.scene.Scene;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;
import truce.source.Natives;

/**
 * Frames to benchmark on: a few seconds of a generated playpen scene (both animals, hand, toy, camera
 * effects) at the size asked, decoded once into Mats, plus the same frames as JPEG (MJPG) bytes for the
 * runs that include decoding.
 */
public final class BenchFootage implements AutoCloseable {
    private final List<Mat> frames = new ArrayList<>();
    private final List<MatOfByte> jpegs = new ArrayList<>();
    private final FloorMap floor;

    public BenchFootage(int width, int height, int count) {
        Natives.load();
        SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withScenes(1)
                .withSeconds(Math.max(1, count / 30.0 + 0.5)).withSize(width, height).withSeed(5));
        floor = FloorMap.of(g.plan(0).zones());
        MatOfInt q = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85);
        try (Scene s = g.open(0)) {
            while (frames.size() < count && s.next()) {
                frames.add(s.frame().clone());
                MatOfByte jpg = new MatOfByte();
                Imgcodecs.imencode(".jpg", s.frame(), jpg, q);
                jpegs.add(jpg);
            }
        }
        q.release();
    }

    /** Parses "640x480". */
    public static int[] size(String s) {
        String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x");
        return new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
    }

    public int count() {
        return frames.size();
    }

    public Mat frame(int i) {
        return frames.get(i % frames.size());
    }

    public MatOfByte jpeg(int i) {
        return jpegs.get(i % jpegs.size());
    }

    /** Writes the frames as an MJPG AVI (what a file source or an MJPG camera delivers), for decode-included runs. */
    public void writeAvi(java.nio.file.Path file, double fps) {
        // OpenCV's own MJPG writer by name: left to choose, OpenCV first tries its image-sequence backend, which
        // reads the digits of a temp file's name as a pattern and logs an exception before moving on
        org.opencv.videoio.VideoWriter w = new org.opencv.videoio.VideoWriter(file.toString(),
                org.opencv.videoio.Videoio.CAP_OPENCV_MJPEG, org.opencv.videoio.VideoWriter.fourcc('M', 'J', 'P', 'G'),
                fps, frames.get(0).size(), true);
        try {
            if (!w.isOpened()) {
                throw new IllegalStateException("cannot write " + file);
            }
            frames.forEach(w::write);
        } finally {
            w.release();
        }
    }

    public FloorMap floor() {
        return floor;
    }

    @Override
    public void close() {
        frames.forEach(Mat::release);
        jpegs.forEach(Mat::release);
    }
}
