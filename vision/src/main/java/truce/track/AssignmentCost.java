package truce.track;

import truce.detect.Blobs;
import truce.floor.FloorMap;
import truce.zones.ZoneKind;

/**
 * What giving a blob to an animal costs: for one never seen, the tests of a first sighting (it stands out from
 * the floor, a new rat is never round, the larger of a first pair is the cat); for one in view, how far the blob is
 * from where the animal was heading and how well its size matches, save blobs it must not take (the owner's arm,
 * a thing lying there unclaimed); for one lost for a while, only a blob where it could reappear: beside the cover
 * it went into, at the edge it left by, near where it was, or plainly itself after a long absence.
 */
final class AssignmentCost {
    private final TrackerSettings s;
    private final Scale scale;
    private final FloorMap zones;
    private final FrameInHand frame;
    private final Track cat;
    private final Likeness likeness;
    private final Strays strays;
    private final OwnersArm arm;
    private final GiveWay giveWay;

    AssignmentCost(TrackerSettings settings, Scale scale, FloorMap zones, FrameInHand frame, Track cat, Likeness likeness,
                   Strays strays, OwnersArm arm, GiveWay giveWay) {
        this.s = settings;
        this.scale = scale;
        this.zones = zones;
        this.frame = frame;
        this.cat = cat;
        this.likeness = likeness;
        this.strays = strays;
        this.arm = arm;
        this.giveWay = giveWay;
    }

    /**
     * What giving blob {@code i} to track {@code t} costs ({@link IdentityTracker#NONE}: none); 1e9 when it may not
     * have it. {@code firstPair}: neither animal was seen yet and two plausible blobs show; {@code other} is the
     * blob the other animal is given in the same assignment.
     */
    double cost(Track t, Blobs b, int i, double dt, boolean firstPair, int other) {
        if (i == IdentityTracker.NONE) {
            if (!t.everSeen) {
                return 1.0;
            }
            return t.visible ? 2.5 : 1.5;
        }
        double area = b.area(i);
        double likeCat = likeness.catLikeness(area);
        // the larger of a first pair is the cat, unless the known floor scale already says plainly what it is;
        // with a known scale the ratio only leans on the size's own verdict, so a doubtful pair (a shelter and a
        // bowl) never beats a pair whose sizes plainly say cat and rat. A blob of a rat's size is not made the cat
        // by a speck beside it: a grey coat shows only its harness in the first frame, and the rat taken for the
        // cat then was never given up (seed 4690416 scene-03)
        if (firstPair && other >= 0 && !(scale.scaleKnown && (likeCat < RAT_SIZED || likeCat > 0.9))) {
            double ratio = area / b.area(other);
            if (ratio > 1.6 || ratio < 1 / 1.6) {
                double larger = ratio > 1 ? 1 : 0;
                likeCat = scale.scaleKnown ? 0.5 * (likeCat + larger) : larger;
            }
        }
        double classCost = 1.5 * (t.animal == Animal.CAT ? 1 - likeCat : likeCat);
        boolean stale = strays.stale(i);
        if (!t.everSeen) {
            // a cat lying still since the first frame is not a thing parked unclaimed while it was elsewhere
            boolean sinceStart = t.animal == Animal.CAT && strays.runMs(i) <= frame.firstMs;
            if ((stale && !sinceStart) || !clearEnough(t, b, i, area)) {
                return 1e9;
            }
            if (t.animal == Animal.RAT && Likeness.elongation(b, i) < s.minRatElongation()) {
                return 1e9; // a new rat is never round: that is a ball
            }
            if (b.touchesBorder(i) && area < MIN_NEW_AT_EDGE * scale.width * scale.height) {
                return 1e9; // a speck on the edge is glare or the pen's rim; an animal coming in soon shows more
            }
            double ratSize = 0;
            if (t.animal == Animal.RAT && scale.scaleKnown) {
                // with the floor's scale, a first rat is no smaller than a mouse (a leash end, a toy piece is)
                double cm2 = scale.cm2(area);
                ratSize = cm2 < Likeness.SMALLEST_RAT_CM2
                        ? Math.min(2, 1.5 * Math.log(Likeness.SMALLEST_RAT_CM2 / cm2)) : 0;
                // and, of two that may be, the one of a rat's usual size rather than a toy's (a ball on fleece
                // once won the first sighting by a hair)
                ratSize += cm2 < Likeness.USUAL_RAT_CM2
                        ? Math.min(0.3, 0.25 * Math.log(Likeness.USUAL_RAT_CM2 / cm2)) : 0;
            }
            return classCost + 0.2 + ratSize
                    + (b.touchesBorder(i) && area > 0.05 * scale.width * scale.height ? 1.0 : 0);
        }
        if ((t.rigid.left && giveWay.onRigidBlob(t, b, i)) || (t.place.left && !t.visible && giveWay.atPlace(t, b, i))) {
            return 1e9; // the still thing it was given up from
        }
        if (t.ballLeft && !t.visible && (Likeness.elongation(b, i) < s.minRatElongation()
                || (Math.hypot(b.cx(i) - t.x, b.cy(i) - t.y) > 2 * t.span() && !giveWay.walksLikeARat(t, b, i)))) {
            // given up from a ball: not taken by that ball, or another, while lost; and back only where it went
            // out of sight or as a blob that walks like a rat (not a still thing by the edge: seed 4358898 scene-05)
            return 1e9;
        }
        double d = Math.hypot(b.cx(i) - t.predictX(dt), b.cy(i) - t.predictY(dt));
        double len = t.span();
        double ref = Math.max(t.refArea, 1);
        double sizeCost = Math.min(3, 1.2 * Math.abs(Math.log(area / ref)));
        if (area < 0.3 * ref) {
            return 1e9; // a speck where the animal was is not the animal: better lost than wrong
        }
        if (t.visible || t.framesUnseen <= 3) {
            if (arm.armOverARestingCat(t, b, i) || arm.leapOntoTheRatsBlob(t, b, i, dt)
                    || arm.staysOnTheArm(t, b, i, dt)) {
                return 1e9;
            }
            if (stale && d > 0.5 * len) {
                // it lay there unclaimed while the animal was elsewhere (a toy, a ghost): the animal does not
                // jump to it when its own blob goes missing for a moment (under a lunging cat)
                return 1e9;
            }
            double gate = len * 0.6 + s.maxSpeedLengths() * len * dt * (1 + t.framesUnseen);
            if (d > 2.5 * gate) {
                return 1e9;
            }
            return (d / gate) * (d / gate) + sizeCost + classCost;
        }
        // Lost for a while: it can only come back where it could have been all along, and as something that
        // was not already lying there unclaimed (but see staleYetItself).
        double unseenS = Math.max(0, (frame.nowMs - t.lastSeenMs) / 1000.0);
        if (stale && !staleYetItself(t, b, i, area, unseenS)) {
            return 1e9;
        }
        boolean near = d < len * (1 + 3 * Math.min(unseenS, 0.5));
        if (t.animal == Animal.RAT && cat.visible) {
            double toCat = Math.hypot(b.cx(i) - cat.x, b.cy(i) - cat.y);
            double lastToCat = Math.hypot(t.x - cat.x, t.y - cat.y);
            if (toCat < 0.8 * cat.length && (lastToCat > cat.length
                    || (area < SMALLEST_RETURN_BY_CAT * ref && !coverWithin(b, i, 0.5 * len)))) {
                // a piece of the cat (its tail, a paw), not the rat coming back; nor, where the rat went out of
                // sight by the cat, a blob far smaller than the rat at its side (its head or an ear showing apart
                // as it turns: seed 5150 scene-00 at 828, a third of the rat's size, taken while the rat hid):
                // a rat coming out from under the cat shows whole within a few frames. One at a cover's door
                // shows a part at a time for as long as it peeks out (seed 2236067 scene-07 at 1183: the rat half
                // out of its shelter, 80 px from the cat, refused for 90 frames and never found again)
                return 1e9;
            }
        }
        boolean atCover = t.lastSeenNearCover && coverWithin(b, i, len * 1.2);
        boolean atEdge = t.lastSeenAtEdge && b.touchesBorder(i);
        if (b.touchesBorder(i) && !t.lastSeenAtEdge && d > 0.5 * len) {
            // lost away from the edge, and not back where it was: what reaches in over the border is a hand or
            // an arm (one that walked off while unseen comes back whole, or by the edge path once it left)
            return 1e9;
        }
        boolean plainly = unseenS > REACQUIRE_S && reappears(t, b, i, area);
        if (t.animal == Animal.RAT && !plainly && ((area > LARGEST_RETURN * ref && likeness.catLengthsAway(b, i) < 1.5)
                || (d > 0.5 * len && Likeness.elongation(b, i) < s.minRatElongation()))) {
            // Near where it went, not the rat coming back: a ball rolling by (a rat is never round, as at its first
            // sighting) or a piece split off the cat beside it, far larger than the rat (a rat grows into its size
            // as it leaves cover; far from the cat, a larger blob may be the rat whose first sighting was a part)
            return 1e9;
        }
        if (!near && !atCover && !atEdge && !plainly) {
            return 1e9;
        }
        return 0.3 + Math.min(1, returnDistance(t, b, i, d, atCover) / (4 * len)) + 0.5 * sizeCost + classCost;
    }

    /** A faint cat-sized blob that kept on for this long may be the cat (ms). */
    private static final double FAINT_CAT_MS = 500;
    /** Cat likeness under which the known scale says rat-sized (about 160 cm^2 and under; a 22 cm rat shows ~140). */
    private static final double RAT_SIZED = 0.2;
    /** Share of the contrast bar a faint cat needs: a brown coat on brown linoleum measures 70-90. */
    private static final double FAINT_SHARE = 0.6;

    /**
     * Whether blob {@code i} stands out enough from the floor to become an animal it was not a moment ago:
     * plainly (the contrast bar, which flicker and reflections fail), or, for the cat, as a faint blob that is
     * plainly cat-sized, lies clear of the border (an arm reaches in over it) and has stayed in view, of about
     * the same size, for half a second (flicker comes and goes; a thing that lies still is refused as stale by
     * the caller unless it has lain there since the first frame). Without this, a cat whose coat is close to
     * the floor's was only taken when a ghost of it in the seeded background added contrast.
     */
    private boolean clearEnough(Track t, Blobs b, int i, double area) {
        double c = b.contrast(i);
        if (c >= s.minNewContrast()) {
            return true;
        }
        return t.animal == Animal.CAT && c >= FAINT_SHARE * s.minNewContrast() && likeness.catLikeness(area) > 0.8
                && !b.touchesBorder(i) && frame.nowMs - strays.runMs(i) >= FAINT_CAT_MS;
    }

    /** Whether blob {@code i}'s centre lies within {@code reach} of a cover zone (false without cover zones). */
    private boolean coverWithin(Blobs b, int i, double reach) {
        return zones.has(ZoneKind.COVER) && zones.distance(ZoneKind.COVER, b.cx(i), b.cy(i)) < reach;
    }

    /**
     * Within the cat's reach, a lost rat comes back no smaller than this share of its usual size, but at a cover's
     * door (within half its length of a cover zone), where it peeks out a part at a time.
     */
    private static final double SMALLEST_RETURN_BY_CAT = 0.5;

    /** A lost rat comes back no larger than this share of its usual size (it leaves cover a part at a time). */
    private static final double LARGEST_RETURN = 1.6;

    /** Smallest share of the frame a blob touching the border needs to become a new animal. */
    private static final double MIN_NEW_AT_EDGE = 0.002;

    /** After this long out of sight an animal may come back anywhere, as a blob that is plainly it. */
    private static final double REACQUIRE_S = 1.5;

    /**
     * Whether a blob far from where a long-lost animal was is plainly that animal: held to the tests of a
     * first sighting, and its size must say which one without doubt (a lost cat missed for seconds must not
     * stay lost because it walked off while unseen).
     */
    private boolean reappears(Track t, Blobs b, int i, double area) {
        if (!clearEnough(t, b, i, area)) {
            return false;
        }
        boolean sizeLikeBefore = area >= 0.5 * t.refArea && area <= 2 * t.refArea;
        double p = likeness.catLikeness(area);
        if (t.animal == Animal.CAT) {
            return sizeLikeBefore && p > 0.8; // never an arm over the border: cost refuses those first
        }
        // the size it had may have been a wrong first sighting's: a known floor scale can vouch instead
        double cm2 = scale.cm2(area);
        if (!sizeLikeBefore && !(scale.scaleKnown && cm2 >= 40)) {
            return false;
        }
        // A rat-sized blob is often a toy, a hand or a piece of the cat: only one shaped like a new rat (its
        // contrast passed clearEnough above) that is on the move (not lying there unclaimed) and well away from
        // the cat.
        if (p > 0.2 || likeness.failsRatShape(b, i) || (strays.age(i) > 2 && !movedInSinceLost(t, i))
                || strays.coversAFixture(b, i)) {
            return false;
        }
        return likeness.catLengthsAway(b, i) > 1.2;
    }

    /**
     * Whether a blob that lay still unclaimed is nevertheless the lost track's animal. A cat long lost that lies
     * there plainly as itself (its size, plainly cat-sized, clear of the border, and the full contrast of a new
     * animal: a faint one is as likely the ghost the cat left, seed 9001 scene-07): the track went off with the
     * owner's arm while the cat walked out of their joined blob and lay down (seed 9001 scene-06). A rat that came
     * in moving after it was lost and then sat down ({@link #movedInSinceLost}).
     */
    private boolean staleYetItself(Track t, Blobs b, int i, double area, double unseenS) {
        if (t.animal == Animal.CAT) {
            return unseenS > REACQUIRE_S && !b.touchesBorder(i) && b.contrast(i) >= s.minNewContrast()
                    && reappears(t, b, i, area);
        }
        return movedInSinceLost(t, i);
    }

    /** A blob moving this long before it stopped came in moving: it was not lying there all along (ms). */
    private static final double MOVED_IN_MS = 300;

    /**
     * Whether blob {@code i} came into view only after the track was lost and moved about before it stopped: a
     * rat that came out of cover while lost and then sat still (seed 9001 scene-00 with the lunge coast: in cover
     * at (168,125), out at (495,125) at 807, sitting at (520,125) from 815; it was refused as "stale" for ever).
     * A toy, a bowl or a ghost is born where it lies and keeps still from its first frame, so it stays refused;
     * one on view before the rat went was seen to be something else.
     */
    private boolean movedInSinceLost(Track t, int i) {
        return strays.runMs(i) > t.lastSeenMs && strays.stillMs(i) - strays.runMs(i) >= MOVED_IN_MS;
    }


    /**
     * How far a lost animal went to show at blob {@code i}: straight from where it was last seen, but for one that
     * went out of sight by a cover zone and shows by a cover zone, only the way it had to go in the open (into the
     * cover and out of it): a rat through a tunnel comes out of the far end without a step in the open. Measured
     * straight, a rat that went into a tunnel as a sliver and came out 300 px away stayed lost (seed 9001 scene-00
     * with the lunge coast). A blob away from cover is still measured straight: a rat hidden in a shelter is not
     * nearer a toy across the floor for it.
     */
    private double returnDistance(Track t, Blobs b, int i, double d, boolean atCover) {
        return atCover ? Math.min(d, zones.openDistance(ZoneKind.COVER, t.x, t.y, b.cx(i), b.cy(i))) : d;
    }
}
