package truce.track;

import truce.floor.FloorMap;

/**
 * The view's size and the floor's scale, fixed for a stream: pixels per centimetre (from the floor's view width,
 * or an assumed one), and the blob sizes an animal may have by them.
 */
final class Scale {
    final int width;
    final int height;
    final double pxPerCm;
    /** Whether the floor's view width was given (else {@link #pxPerCm} rests on an assumed one). */
    final boolean scaleKnown;
    final double minArea;
    final double maxArea;
    /**
     * A blob over the border may be this large: the owner's arm reaching in over the edge joins the cat's blob
     * and doubles it (seed 8086 scene-04 at 439, seed 27182 scene-02 at 1279: the cat, refused as too large, was
     * lost for the whole of a lunge). An arm alone is smaller than a cat, and one over a cat lying still is
     * refused by {@link OwnersArm#armOverARestingCat}.
     */
    final double maxJoinedArea;

    Scale(int width, int height, FloorMap zones, TrackerSettings settings) {
        this.width = width;
        this.height = height;
        this.scaleKnown = zones.hasScale();
        this.pxPerCm = width / (scaleKnown ? zones.viewWidthCm() : settings.defaultViewWidthCm());
        double cm2 = pxPerCm * pxPerCm;
        if (scaleKnown) {
            minArea = 8 * cm2;           // a mouse from above is ~25 cm^2
            maxArea = 1600 * cm2;        // a big cat stretched out is ~800 cm^2
        } else {
            minArea = 0.0005 * width * height;
            maxArea = 0.2 * width * height;
        }
        maxJoinedArea = Math.max(maxArea, Math.min(2 * maxArea, 0.2 * width * height));
    }

    /** A blob's area in square centimetres of floor. */
    double cm2(double area) {
        return area / (pxPerCm * pxPerCm);
    }
}
