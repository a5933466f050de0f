package truce.detect;

import org.opencv.core.Mat;

/**
 * Finds candidate animals in a frame (SpotDetector-like). One instance per stream and thread: it keeps a
 * background model and reuses its buffers, so there is no locking inside.
 */
public interface AnimalDetector extends AutoCloseable {

    /**
     * Detects the foreground blobs of a BGR frame.
     *
     * @param bgr     the source frame
     * @param animals boxes {x0, y0, x1, y1, ...} (source pixels) where the tracked animals are: the background
     *                must not learn them, however long they keep still
     * @param nAnimals how many boxes {@code animals} holds
     * @param out     filled with this frame's blobs
     */
    void detect(Mat bgr, double[] animals, int nAnimals, Blobs out);

    /**
     * As {@link #detect(Mat, double[], int, Blobs)}, knowing which box is the tracked cat's ({@code catBox},
     * negative when the cat is not tracked): a detector may trust darker-than-floor pixels there. When
     * {@code catBox == nAnimals}, the cat was tracked and is lost, and box {@code nAnimals} of {@code animals}
     * (not one the background must keep out) is where it may be: there a detector may trust pixels darker than
     * this scene's shadows.
     */
    default void detect(Mat bgr, double[] animals, int nAnimals, int catBox, Blobs out) {
        detect(bgr, animals, nAnimals, out);
    }

    /**
     * Splits one blob into two parts around two seeds (two animals in contact; the cat's first), writing the parts
     * to {@code out} as blobs 0 and 1. Seeds and sizes in source pixels.
     *
     * @return false when the blob could not be split (too small, a part came out empty)
     */
    boolean split(Blobs blobs, int blob, double[] seeds, double[] expectedAreas, Blobs out);

    /**
     * Learns what the animal the tracker gave blob {@code blob} looks like ({@code animal} 0: the cat, 1: the rat),
     * while the two are apart, so that {@link #split} can tell their pixels apart by colour when they touch.
     */
    default void learnLook(Blobs blobs, int blob, int animal) {
    }

    /** Forgets what the animals looked like (their tracks start afresh). */
    default void forgetLooks() {
    }

    /**
     * A finer centroid of blob {@code blob} (source pixels, into {@code xy}) for the animal it was found to
     * be: its body without tail, leash or attached shadow.
     *
     * @return false when this detector has nothing finer than the blob's own centroid
     */
    default boolean refine(Blobs blobs, int blob, double[] xy) {
        return false;
    }

    /**
     * Tells the detector which way this scene's lamp throws shadows (a unit vector, source pixels) and how far a
     * cover's shadow reaches past it ({@code reachPx}, 0 when unknown), so that a refined centroid can leave out
     * the cat's cast shadow whatever its coat. Detectors that do not refine ignore it.
     */
    default void lamp(double ux, double uy, double reachPx) {
    }

    /**
     * Share (0..1) of the box (source pixels) that differs from the background this frame, whatever the
     * mask made of it: evidence that a still animal is there though it left no blob.
     */
    double differingShare(double x0, double y0, double x1, double y1);

    /** Seeds the background from frames without reliance on any one of them (a per-pixel median). */
    void seed(java.util.List<Mat> frames);

    /**
     * Source pixels one pixel of the image the blobs are found in covers: a blob's area moves in steps of it,
     * so one pixel flickering at a small blob's edge changes its area by that much.
     */
    default double workPixelArea() {
        return 1;
    }

    /**
     * Draws what the detector made of the last frame into {@code out} (resized to the source's size, one grey byte
     * a pixel): light where it saw an animal, for people checking a camera's setup or a lost track.
     *
     * @return false when this detector has no such picture
     */
    default boolean drawMask(Mat out) {
        return false;
    }

    /** Changes whenever the background was replaced wholesale (tracks built on the old one are suspect). */
    int backgroundEpoch();

    @Override
    void close();

    /** Makes one detector per stream. */
    @FunctionalInterface
    interface Factory {
        AnimalDetector create(int width, int height);
    }
}
