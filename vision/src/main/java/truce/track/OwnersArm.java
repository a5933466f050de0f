package truce.track;

import truce.detect.Blobs;

/**
 * The owner's hand or arm reaching in over the frame's edge, which joins the cat's blob or lies beside it: which
 * blobs over the border the cat must not take (over a resting cat, a leap onto the rat's blob, staying with the arm
 * when the two part), and which joined blob is not the two animals touching. Each refusal rests on the cat's (or
 * the rat's) own blob still showing clear of the border where it was heading.
 */
final class OwnersArm {
    private final Scale scale;
    private final FrameInHand frame;
    private final Track cat;
    private final Track rat;

    OwnersArm(Scale scale, FrameInHand frame, Track cat, Track rat) {
        this.scale = scale;
        this.frame = frame;
        this.cat = cat;
        this.rat = rat;
    }

    /**
     * A cat lying still mid-floor does not reach the border in the next frame: a blob that does is a hand reaching
     * in over the edge, joined to the cat or beside it. Taking it moved the cat onto the arm and out with it when
     * the hand left (the demo at 2316-2390: the cat followed the arm to the edge and the floor then learnt it
     * where it lay; seed 424242 scene-03: the withdrawing arm, no bigger than the cat, while the cat's own blob
     * was missing). Refused, the cat is held where it lies ({@link RestingCat#holdStill}) until its own blob shows
     * again; one that gets up and walks to the edge is moving before it gets there.
     */
    boolean armOverARestingCat(Track t, Blobs b, int i) {
        return t.animal == Animal.CAT && t.visible && !t.lastSeenAtEdge && b.touchesBorder(i)
                && t.lengthsPerSecond() <= RestingCat.HOLD_SPEED;
    }

    /**
     * Whether the cat, last on a blob joined by an arm over the edge, would stay with the arm when the two part: a
     * blob over the border while one of the cat's own size lies clear of it within a length of where the cat was
     * heading. The joined blob's centroid lies between the cat and the arm, so either piece may be the nearer
     * (seed 424242 scene-04 at 1330: the arm's, and the cat went out with it).
     */
    boolean staysOnTheArm(Track t, Blobs b, int i, double dt) {
        return t.animal == Animal.CAT && t.joinedToArm && b.touchesBorder(i)
                && ownBlobNearer(b, i, t.predictX(dt), t.predictY(dt), t.span());
    }

    /**
     * Whether blob {@code i}, reaching the border, is not the two animals touching because the cat's own blob lies
     * clear of the border where it was heading: a blob of at least half the cat's size far nearer the cat's
     * prediction than {@code i}'s centre, which lies over half a cat's length off. The owner's arm, joined to the
     * cat for a while, drew back with the rat's track on it; its box still held both predictions, so the pair
     * stayed "touching" on the arm and the cat went off with it (seed 27182 scene-05 at 1314, and scene-02).
     */
    boolean catBesideTheShared(Blobs b, int i, double dt) {
        double px = cat.predictX(dt);
        double py = cat.predictY(dt);
        double far = Math.hypot(b.cx(i) - px, b.cy(i) - py);
        return b.touchesBorder(i) && far > 0.5 * cat.span() && ownBlobNearer(b, i, px, py, 0.5 * far);
    }

    /**
     * Whether the cat would leap onto a blob reaching the border that the rat's track sits on (the rat in view, or
     * lost for a few frames) while a blob of its own size lies clear of the border where it was heading: over its
     * body's breadth off, with the own blob at less than half that distance. The rat's track on the owner's hand
     * reaching in beside the cat's hind end: the hand and the hind end joined into a blob of about the cat's size,
     * and the cat leapt 190 px onto it (seed 9001 scene-00 at 1398), leaving its own blob at its nose to the rat.
     */
    boolean leapOntoTheRatsBlob(Track t, Blobs b, int i, double dt) {
        if (t.animal != Animal.CAT || !t.visible || !b.touchesBorder(i) || !rat.everSeen
                || !(rat.visible || rat.framesUnseen <= 3) || !b.boxHolds(i, rat.x, rat.y, 0)) {
            return false;
        }
        double px = t.predictX(dt);
        double py = t.predictY(dt);
        double leap = Math.hypot(b.cx(i) - px, b.cy(i) - py);
        return leap > Math.max(t.width, 8) && ownBlobNearer(b, i, px, py, 0.5 * leap);
    }

    /**
     * Whether a candidate other than {@code i}, of the cat's own size and clear of the border, lies within
     * {@code reach} of (px, py). Clear of the border: a cat's track already on an arm at the edge must not keep to
     * it against its real blob (seed 5150 scene-07 at 1329 lost 469 cat frames without this).
     */
    private boolean ownBlobNearer(Blobs b, int i, double px, double py, double reach) {
        return blobOfItsSizeNear(cat, b, i, px, py, reach, true);
    }

    /**
     * Whether a candidate other than {@code i}, of track {@code t}'s usual size (half to twice it), lies within
     * {@code reach} of (px, py); with {@code clearOfBorder}, only one that does not touch the frame's edge.
     */
    private boolean blobOfItsSizeNear(Track t, Blobs b, int i, double px, double py, double reach,
                                      boolean clearOfBorder) {
        double ref = Math.max(t.refArea, 1);
        for (int j = 0; j < b.count() && j < Blobs.MAX; j++) {
            if (j != i && frame.candidate[j] && !(clearOfBorder && b.touchesBorder(j)) && b.area(j) >= 0.5 * ref
                    && b.area(j) <= 2 * ref && Math.hypot(b.cx(j) - px, b.cy(j) - py) < reach) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the rat, seen apart last frame, still shows as a blob of its own size where it was heading while the
     * blob said to hold both is larger than any cat: the cat joined by the owner's arm reaching in, whose box holds
     * the rat beside it (seed 424242 scene-05 at 714: the pair was read as touching and the rat put 80 px off). Only
     * then: in a true contact a piece of the cat near the rat's place is no rat (the drawn scene of
     * DrawnSceneTrackingTest lost its rat so).
     */
    boolean ratApartWhereItWas(Blobs b, int i, double dt) {
        return rat.visible && !rat.inContact && b.area(i) > scale.maxArea
                && blobOfItsSizeNear(rat, b, i, rat.predictX(dt), rat.predictY(dt), 0.5 * rat.span(), false);
    }
}
