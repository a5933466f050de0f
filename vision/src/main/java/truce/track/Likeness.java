package truce.track;

import truce.detect.Blobs;

/**
 * What a blob's size and shape say it is: the cat or the rat ({@link #catLikeness}, by centimetres when the view
 * width is known, by the two animals' sizes once they were seen apart, else by an assumed view width), and whether
 * it has a rat's size and shape. Keeps the sizes learnt from the two seen apart.
 */
final class Likeness {
    /** A rat of 15-28 cm seen from above covers ~60-200 cm^2, a mouse ~25 cm^2. */
    static final double SMALLEST_RAT_CM2 = 20;
    /** Below this a first rat is a little less likely than a blob of a rat's usual size. */
    static final double USUAL_RAT_CM2 = 60;

    private final TrackerSettings s;
    private final Scale scale;
    private final Track cat;
    private final Track rat;
    private final Strays strays;
    private double catRef = Double.NaN;
    private double ratRef = Double.NaN;
    private int apartFrames;

    Likeness(TrackerSettings settings, Scale scale, Track cat, Track rat, Strays strays) {
        this.s = settings;
        this.scale = scale;
        this.cat = cat;
        this.rat = rat;
        this.strays = strays;
    }

    void reset() {
        catRef = Double.NaN;
        ratRef = Double.NaN;
        apartFrames = 0;
    }

    /** The cat's size learnt apart from the rat, or its present size before one was learnt. */
    double catSize() {
        return Double.isNaN(catRef) ? cat.area : catRef;
    }

    /** The rat's size learnt apart from the cat, or its present size before one was learnt. */
    double ratSize() {
        return Double.isNaN(ratRef) ? rat.area : ratRef;
    }

    /** The rat's size learnt apart from the cat, or its usual size before one was learnt. */
    double ratUsualSize() {
        return Double.isNaN(ratRef) ? rat.refArea : ratRef;
    }

    /** The rat's track was taken anew by a blob of this size: its learnt size starts again from it. */
    void ratTakenAnew(double area) {
        ratRef = area;
    }

    void learnSizes() {
        if (cat.inContact || rat.inContact) {
            return;
        }
        apartFrames++;
        double a = 0.05;
        catRef = Double.isNaN(catRef) ? cat.area : catRef + a * (cat.area - catRef);
        ratRef = Double.isNaN(ratRef) ? rat.area : ratRef + a * (rat.area - ratRef);
    }

    /** Probability-like score that a blob of this area is the cat rather than the rat. */
    double catLikeness(double area) {
        double byScale = s.catMinAreaCm2() * scale.pxPerCm * scale.pxPerCm;
        double boundary = byScale;
        if (apartFrames >= 15 && catRef > ratRef * 1.3) {
            double learnt = Math.sqrt(catRef * ratRef);
            // a known floor scale overrules sizes learnt from a wrong first sighting (a leash end as the rat)
            if (!scale.scaleKnown || (learnt > 0.5 * byScale && learnt < 2 * byScale)) {
                boundary = learnt;
            }
        }
        double z = 4 * Math.log(area / boundary);
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Whether blob {@code i} fails the shape tests of a new rat seen on its own: too faint to be an animal, round
     * (a ball, a bowl), or cut by the picture's edge (a hand reaching in).
     */
    boolean failsRatShape(Blobs b, int i) {
        return b.contrast(i) < s.minNewContrast() || elongation(b, i) < s.minRatElongation() || b.touchesBorder(i);
    }

    /**
     * Whether blob {@code i} has a rat's size (half to twice {@code ref}, and nothing like a cat's) and shape
     * ({@link #failsRatShape}), and is not lying there unclaimed (stale).
     */
    boolean ratSizedAndShaped(Blobs b, int i, double ref) {
        double area = b.area(i);
        return !(area < 0.5 * ref || area > 2 * ref || catLikeness(area) > 0.2 || failsRatShape(b, i)
                || strays.stale(i));
    }

    /** How many of the visible cat's lengths blob {@code i} lies from it; infinitely far with no cat in view. */
    double catLengthsAway(Blobs b, int i) {
        return cat.visible ? Math.hypot(b.cx(i) - cat.x, b.cy(i) - cat.y) / cat.span()
                : Double.POSITIVE_INFINITY;
    }

    static double elongation(Blobs b, int i) {
        return b.length(i) / Math.max(b.width(i), 1e-6);
    }
}
