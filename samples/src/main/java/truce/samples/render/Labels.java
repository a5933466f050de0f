package truce.samples.render;

/**
 * Values of the per-pixel label mask rendered beside every frame (CV_8UC1): which thing is visible at that pixel.
 * The truth centroid of an animal is the centroid of its visible BODY pixels (head and ears included, tail not).
 */
public final class Labels {
    public static final int FLOOR = 0;
    public static final int CAT = 1;
    public static final int CAT_TAIL = 2;
    public static final int RAT = 3;
    public static final int RAT_TAIL = 4;
    public static final int TOY = 5;
    public static final int HAND = 6;
    /** The opaque roof of a shelter or tunnel. */
    public static final int ROOF = 7;

    private Labels() {
    }
}
