package truce.samples.render;

/**
 * What the drawn pixels say about one animal in one frame.
 *
 * @param x,y           centroid of the visible body pixels (head and ears included, tail not), rounded to one
 *                      decimal as in the CSV; NaN when not visible
 * @param visible       whether at least {@link #MIN_VISIBLE_SHARE} of the body is in sight
 * @param bodyPixels    body pixels drawn, before anything covered them
 * @param visiblePixels body pixels left in sight (not under a roof, the hand or the other animal)
 * @param box           bounding box of the visible body pixels {x, y, width, height}, or null when not visible
 */
public record AnimalTruth(double x, double y, boolean visible, int bodyPixels, int visiblePixels, int[] box) {
    /** An animal counts as in view when at least this share of its body is in sight. */
    public static final double MIN_VISIBLE_SHARE = 0.4;

    public double visibleShare() {
        return bodyPixels == 0 ? 0 : visiblePixels / (double) bodyPixels;
    }
}
