package truce.track;

import truce.detect.Blobs;

/**
 * A cat lying still stays where it lies: when its blob goes (its coat matches the floor, it keeps so still the
 * background starts to learn it) it is held while its box still differs from the background; and while a rat that
 * came up to it makes one blob with it, the cat keeps its place instead of sliding with the split towards the
 * rat, until it gets up. Without it the resting cat was lost, or followed its share of the contact blob.
 */
final class RestingCat {
    private final FrameInHand frame;
    private final Track cat;

    RestingCat(FrameInHand frame, Track cat) {
        this.frame = frame;
        this.cat = cat;
    }

    void reset() {
        wasShared = false;
        restingCat = false;
    }

    /** Held only when it was slower than this (body lengths per second) before its blob went. */
    static final double HOLD_SPEED = 0.5;
    /** Against the frame's edge, held only when last seen at least this share of its usual size. */
    private static final double HOLD_WHOLE = 0.7;
    /** Held while at least this share of the inner box still differs from the background. */
    private static final double HOLD_SHARE = 0.5;

    /**
     * A cat in view that left no blob this frame but whose box still differs from the background is lying
     * still (or its coat matches the floor): it is held where it was, still visible, so the background keeps
     * not learning it; once its box shows floor again it is lost as usual.
     */
    boolean holdStill(Track t) {
        if (!t.visible || t.inContact || frame.detector == null
                || t.lengthsPerSecond() > HOLD_SPEED) {
            return false; // it was on the move: it went somewhere, it did not lie down
        }
        if (t.lastSeenAtEdge && t.area < HOLD_WHOLE * t.refArea) {
            // Last seen against the frame's edge as a part of itself: it was going out over it (or what it had
            // taken, the owner's arm, was), and nothing lies down there. Held, it stayed "visible" at the edge
            // for the rest of the clip while the real cat lay mid-floor (seed 424242 scene-05).
            return false;
        }
        double mx = 0.15 * (t.maxX - t.minX);
        double my = 0.15 * (t.maxY - t.minY);
        if (frame.detector.differingShare(t.minX + mx, t.minY + my, t.maxX - mx, t.maxY - my) < HOLD_SHARE) {
            return false;
        }
        t.vx = 0;
        t.vy = 0;
        t.framesUnseen = 0;
        t.lastSeenMs = frame.nowMs;
        return true;
    }

    /** A cat slower than this (body lengths per second) as a contact begins is lying or sitting still. */
    private static final double REST_SPEED = 0.3;
    /** The cat's share of a contact blob this many of its resting lengths from where it lay: it has got up. */
    private static final double GOT_UP = 0.5;
    /**
     * The joined blob no longer reaching this far (in resting lengths) into one side of where the cat lay: the cat
     * has left part of its place, it got up (a rat on a cat only adds to the blob; a cat's share slides with the
     * split, its place does not).
     */
    private static final double LEFT_PLACE = 0.2;
    /** Whether the last frame's assignment was one blob shared by the two. */
    private boolean wasShared;
    /** Whether the cat lay still when the present contact began, and where: its blob's and its body's centroid. */
    private boolean restingCat;
    private double restX;
    private double restY;
    private double restBodyX;
    private double restBodyY;
    private double restLength;
    /** The cat's box where it lay (source px). */
    private double restMinX;
    private double restMinY;
    private double restMaxX;
    private double restMaxY;

    /** As a contact begins, notes whether the cat lies still and where (before this frame's measure moves it). */
    void noteRestingCat(boolean shared) {
        if (shared && !wasShared) {
            restingCat = cat.visible && cat.lengthsPerSecond() <= REST_SPEED;
            restX = cat.x;
            restY = cat.y;
            restBodyX = cat.bodyX;
            restBodyY = cat.bodyY;
            restLength = cat.span();
            restMinX = cat.minX;
            restMinY = cat.minY;
            restMaxX = cat.maxX;
            restMaxY = cat.maxY;
        } else if (!shared) {
            restingCat = false;
        }
        wasShared = shared;
    }

    /**
     * A rat that comes up to a cat lying still does not move the cat: while they are one blob, the cat stays
     * where it lay. Its share of the joined blob, split around the two tracks or taken whole, reaches over the
     * rat: seed 27182 scene-00 at 849-896, a rat climbing onto the head of a cat lying on its side, the cat's part
     * slid 30-50 px towards the rat (and the split's cat seed with it) while the cat never moved. The cat that
     * gets up (its share over half its length from where it lay) is followed again, and so is one that has left
     * part of its place (the joined blob {@code joined} no longer covers it): a cat staring still at the rat that
     * pounced into it (seed 424242 scene-02 at 384-400) was held where it lay through the whole pounce, its share
     * 30-130 px off, and the lunge was missed. Its share's pace does not tell: the split's share of a cat that never
     * moved (seed 9001 scene-07 at 508-516) ran off at two lengths a second for five frames, then came back.
     */
    void holdRestingCat(Blobs blobs, int joined) {
        if (!restingCat) {
            return;
        }
        double left = Math.max(Math.max(blobs.minX(joined) - restMinX, restMaxX - blobs.maxX(joined)),
                Math.max(blobs.minY(joined) - restMinY, restMaxY - blobs.maxY(joined)));
        if (Math.hypot(cat.x - restX, cat.y - restY) > GOT_UP * restLength || left > LEFT_PLACE * restLength) {
            restingCat = false;
            return;
        }
        cat.x = restX;
        cat.y = restY;
        cat.bodyX = restBodyX;
        cat.bodyY = restBodyY;
        cat.vx = 0;
        cat.vy = 0;
    }
}
