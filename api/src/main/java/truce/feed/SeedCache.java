package truce.feed;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import truce.pipeline.SeedFrames;

/**
 * The background seed of a file played as a camera (the demo), sampled once over the whole file as {@code analyze}
 * samples it, and kept as high-quality JPEG: a looping file reopens its feed every pass, and decoding the whole clip
 * again (1.3-1.6 s for the two-minute demo) would stall the camera at each loop for about as long as it takes to be
 * called lost (2 s). Seeded from its first 20 s only, the demo's cat, lying still there, was in the background: it
 * was not found for 15 s, then a hand at the edge was taken for it and read as a lunge. The demo's 42 frames take
 * 2.6 MB this way against 38.7 MB as pixels, and decode in about 0.1 s.
 */
final class SeedCache {
    private static final int QUALITY = 95;
    private final String source;
    private List<MatOfByte> encoded;
    private int samplings;

    SeedCache(String source) {
        this.source = source;
    }

    /**
     * The seed frames, decoded afresh (the caller releases them); the file ({@code frameCount} frames, 0 when
     * unknown) is read only the first time.
     */
    synchronized List<Mat> frames(long frameCount) {
        if (encoded == null) {
            List<Mat> frames = SeedFrames.spread(source, frameCount);
            samplings++;
            encoded = new ArrayList<>(frames.size());
            MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, QUALITY);
            try {
                for (Mat f : frames) {
                    MatOfByte jpeg = new MatOfByte();
                    Imgcodecs.imencode(".jpg", f, jpeg, params);
                    encoded.add(jpeg);
                }
            } finally {
                params.release();
                SeedFrames.release(frames);
            }
        }
        List<Mat> out = new ArrayList<>(encoded.size());
        for (MatOfByte jpeg : encoded) {
            out.add(Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR));
        }
        return out;
    }

    /** How many times the file itself was sampled (once, however often the feed reopens). */
    synchronized int samplings() {
        return samplings;
    }
}
