package truce.classify;

import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/**
 * Turns one frame's features into the model's input vector: scale-free (speeds and distances in body lengths),
 * clipped to a few units so that one bad detection cannot blow up the net. Writes into a caller's array, so the
 * hot path allocates nothing. Changing what is encoded changes {@link #VERSION}: weights trained on another
 * version refuse to load.
 */
public final class FeatureEncoder {
    /** Bumped whenever the meaning of a channel changes. */
    public static final int VERSION = 1;
    /** Channels per frame. */
    public static final int CHANNELS = 19;

    private FeatureEncoder() {
    }

    /** Writes the {@link #CHANNELS} values of {@code f} to {@code out[offset..]}. */
    public static void encode(FrameFeatures f, float[] out, int offset) {
        AnimalFeatures cat = f.cat();
        AnimalFeatures rat = f.rat();
        double catLen = cat.bodyLength() > 1 ? cat.bodyLength() : 1;
        double ratLen = rat.bodyLength() > 1 ? rat.bodyLength() : 1;
        // Direction from cat to rat (last known places), for radial speeds.
        double dx = rat.x() - cat.x();
        double dy = rat.y() - cat.y();
        double d = Math.hypot(dx, dy);
        boolean geometry = !Double.isNaN(d) && d > 1e-6;
        double ux = geometry ? dx / d : 0;
        double uy = geometry ? dy / d : 0;

        int i = offset;
        out[i++] = cat.visible() ? 1f : 0f;
        out[i++] = clip(cat.speedBodyLengths() / 4, 0, 3);
        out[i++] = clip(cat.acceleration() / catLen / 30, -3, 3);
        out[i++] = cat.visible() ? clip((cat.elongation() - 2) / 2, -3, 3) : 0f;
        double facing = f.catFacingAngle();
        boolean facingKnown = cat.visible() && geometry && !Double.isNaN(facing);
        out[i++] = facingKnown ? (float) Math.cos(facing) : 0f;
        out[i++] = facingKnown ? (float) (facing / Math.PI) : 0.5f;
        double dcl = f.distanceCatLengths();
        boolean distanceKnown = !Double.isNaN(dcl);
        out[i++] = distanceKnown ? clip(dcl / 5, 0, 2) : 2f;
        out[i++] = distanceKnown ? 1f : 0f;
        out[i++] = distanceKnown ? clip(f.approachSpeed() / catLen / 4, -3, 3) : 0f;
        out[i++] = geometry ? clip((cat.vx() * ux + cat.vy() * uy) / catLen / 4, -3, 3) : 0f;
        out[i++] = unseen(cat.framesUnseen());
        out[i++] = rat.visible() ? 1f : 0f;
        out[i++] = clip(rat.speedBodyLengths() / 4, 0, 3);
        out[i++] = clip(rat.acceleration() / ratLen / 30, -3, 3);
        out[i++] = rat.visible() ? clip((rat.elongation() - 2) / 2, -3, 3) : 0f;
        out[i++] = f.ratInCover() ? 1f : 0f;
        out[i++] = unseen(rat.framesUnseen());
        out[i++] = geometry ? clip((rat.vx() * ux + rat.vy() * uy) / ratLen / 4, -3, 3) : 0f;
        // Moving the way the head points: a lunge goes straight ahead, a walk mostly does too, a turn does not.
        double along = 0;
        if (cat.visible() && cat.speed() > 1e-6) {
            along = (Math.cos(cat.heading()) * cat.vx() + Math.sin(cat.heading()) * cat.vy()) / cat.speed()
                    * Math.min(1, cat.speedBodyLengths());
        }
        out[i] = (float) along;
    }

    private static float unseen(int frames) {
        return Math.min(frames, 90) / 90f;
    }

    private static float clip(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return 0f;
        }
        return (float) Math.max(lo, Math.min(hi, v));
    }
}
