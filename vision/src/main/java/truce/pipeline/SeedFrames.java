package truce.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;

/**
 * Frames sampled from the start of a file to seed the background (offline analysis may look ahead at the
 * empty floor; live streams bootstrap themselves instead). Reading stops quietly at a damaged spot: the main
 * pass reports it.
 */
public final class SeedFrames {
    private SeedFrames() {
    }

    /** Frames spread over a whole file, as offline analysis seeds it. */
    private static final int SPREAD = 41;
    /** A file's length when its source cannot tell: a minute at 30 fps. */
    private static final int UNKNOWN_LENGTH = 1800;

    /**
     * The empty floor's seed as offline analysis takes it: about {@value #SPREAD} frames spread over the whole file of
     * {@code frames} frames ({@value #UNKNOWN_LENGTH} when 0 or less, unknown), so an animal that keeps still for a
     * while is elsewhere in most of them. Cloned; release them when done.
     */
    public static List<Mat> spread(String spec, long frames) {
        long n = frames > 0 ? frames : UNKNOWN_LENGTH;
        return sample(spec, (int) Math.min(n, Integer.MAX_VALUE), (int) Math.max(1, n / SPREAD));
    }

    /** Every {@code every}-th frame of the first {@code span} frames, cloned; release them when done. */
    public static List<Mat> sample(String spec, int span, int every) {
        List<Mat> out = new ArrayList<>();
        try (FrameSource s = FrameSources.open(spec, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame f = new Frame()) {
            for (int i = 0; i < span && s.read(f); i++) {
                if (i % every == 0) {
                    out.add(f.bgr().clone());
                }
            }
        } catch (Exception e) {
            // a damaged file: seed from what was read; the analysis itself reports the damage
        }
        return out;
    }

    public static void release(List<Mat> frames) {
        for (Mat m : frames) {
            m.release();
        }
    }
}
