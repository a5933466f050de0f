package truce.classify;

import java.util.List;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/**
 * Turns one frame's features into the model's input vector, for one stream (one instance per stream, frames
 * in order; {@link #reset} between streams). Every number is scale- and scene-free: sizes are ratios to the
 * animal's running median size in this stream (a stalking cat is long and narrow, a sitting one short and
 * wide, whatever the camera's height or the cat's breed), speeds and distances are in those median lengths.
 * Speeds come both from vision's smoothed velocity and from the raw centroid step since the last frame, which
 * shows a pounce's burst a few frames before any smoothed figure does. A step longer than {@link #JUMP_LENGTHS}
 * body lengths in one frame is no motion but a jump of the track (an identity correction, a merge or a split): it is
 * kept out of the step channels and marked in a fading jump memory (v3), so that the net can tell a one-frame leap
 * from a pounce, which moves for several frames. Values are clipped to a few units so
 * that one bad detection cannot blow up the net. Writes into a caller's array: no allocation per frame.
 * Changing what is encoded changes {@link #VERSION}: weights trained on another version refuse to load.
 */
public final class FeatureEncoder {
    /** Bumped whenever the meaning of a channel changes. */
    public static final int VERSION = 5;
    /** Channels per frame. */
    public static final int CHANNELS = 40;
    /** Channels of version 4, the first 35 of version 5 unchanged (v4 weights read only those). */
    static final int CHANNELS_V4 = 35;
    /**
     * Channels of version 3, the first 29 of version 4 unchanged: weights trained on v3 read only those, so they
     * still load (a v4 encoder feeds them the first {@code channels(3)} values of each frame).
     */
    static final int CHANNELS_V3 = 29;
    /** Feature versions whose weights this encoder can feed ({@link #channels(int)} knows each). */
    static final List<Integer> READABLE_VERSIONS = List.of(3, 4, VERSION);
    /** Channel indices the tests (and readers of the weights) rely on. */
    static final int CAT_VISIBLE = 0;
    static final int CAT_STEP = 1;
    static final int CAT_SPEED = 2;
    static final int CAT_LENGTH = 4;
    static final int CAT_WIDTH = 5;
    static final int RAT_VISIBLE = 17;
    /** Frames of the size references (a minute at 30 fps). */
    static final int REFERENCE_FRAMES = 1800;
    /** Visible frames after which the size references count as settled. */
    static final int SETTLED_FRAMES = 150;
    /** Per-frame decay of the recent-burst memories (about a second at 30 fps). */
    private static final float BURST_DECAY = 0.967f;
    /**
     * A centroid step longer than this many median body lengths in one frame is a jump of the track (an identity
     * correction, a merge or a split), not motion: the fastest scripted pounce covers about 0.27 lengths a frame.
     */
    static final double JUMP_LENGTHS = 0.6;
    /** Per-frame decay of the jump memory (a third of a second to fade to a tenth). */
    private static final float JUMP_DECAY = 0.8f;
    static final int CAT_JUMP = 27;
    static final int RAT_JUMP = 28;
    /**
     * v4: the cat's posture over longer than the net's 0.8 s window. A stalk lasts 3-12 s, long, low and narrow,
     * pointed at the rat, creeping at most a quarter of a length a second or holding still; a calm cat sits, lies,
     * grooms or walks at half a length a second and more. The v3 shape channels are ratios to the stream's own
     * median shape, so what they say of one frame depends on how the cat spent the last minute (a walking cat
     * reads as stretched in a stream where it mostly sat). The shape's own elongation (length over width) is
     * scale- and scene-free as it is, and the memories carry the stalk's signs over seconds.
     */
    static final int CAT_ELONGATION = 29;
    static final int CAT_ELONGATION_1S = 30;
    static final int CAT_ELONGATION_3S = 31;
    static final int CAT_POINTED_3S = 32;
    static final int CAT_SINCE_FAST = 33;
    static final int CAT_SPEED_1S = 34;
    /**
     * v5: the cat's shape as the {@link ShapeNet} reads it from the pixels of its crop: seen, stretch and width
     * (standardised: 0 for a walking body), and the stalking and lunging probabilities of that one frame. Vision's
     * blob measures the body with its shadow and rim; the crop shows the body itself.
     */
    static final int CAT_SHAPE = 35;
    /** A cat's elongation at which the absolute channel reads 0 (a walking cat's blob is about this). */
    private static final double USUAL_ELONGATION = 2.5;
    /** Per-frame decays of the one- and three-second memories. */
    private static final float DECAY_1S = 0.967f;
    private static final float DECAY_3S = 0.989f;
    /** The cat points at the rat when its heading is within this of the line to the rat (cosine of 25 degrees). */
    private static final double POINTED_COS = 0.9;
    /** Smoothed speed, in median lengths per second, above which the cat is walking or running, never creeping. */
    static final double FAST_LENGTHS_S = 0.45;
    /** Frames since the last fast move at which {@link #CAT_SINCE_FAST} reads 1 (10 s). */
    private static final int SINCE_FAST_FULL = 300;

    private final Animal cat = new Animal();
    private final Animal rat = new Animal();
    private float catBurst;
    private float ratBurst;
    /** v4 memories (see {@link #CAT_ELONGATION}); NaN until the cat is first seen. */
    private float elong1s = Float.NaN;
    private float elong3s = Float.NaN;
    private float pointed3s;
    private int sinceFast = SINCE_FAST_FULL;
    private float speed1s;

    private double lastMs = Double.NaN;

    /** One animal's running references and last position. */
    private static final class Animal {
        final RunningMedian length = new RunningMedian(REFERENCE_FRAMES);
        final RunningMedian width = new RunningMedian(REFERENCE_FRAMES);
        final RunningMedian area = new RunningMedian(REFERENCE_FRAMES);
        final RunningMedian elongation = new RunningMedian(REFERENCE_FRAMES);
        boolean hadLast;
        double lastX;
        double lastY;
        /** Raw centroid step since the last frame, in px per frame (0 unless seen in both, or a jump). */
        double stepX;
        double stepY;
        /** Memory of a recent jump of the track: 1 on the frame of the jump, decaying. */
        float jump;

        void observe(AnimalFeatures a) {
            jump *= JUMP_DECAY;
            if (a.visible()) {
                length.push(a.bodyLength());
                width.push(a.bodyWidth());
                area.push(a.area());
                elongation.push(a.elongation());
                if (hadLast) {
                    stepX = a.x() - lastX;
                    stepY = a.y() - lastY;
                    if (Math.hypot(stepX, stepY) > JUMP_LENGTHS * scale(a)) {
                        // the track jumped: mark it, and keep the jump out of every step-based channel
                        jump = 1f;
                        stepX = 0;
                        stepY = 0;
                    }
                } else {
                    stepX = 0;
                    stepY = 0;
                }
                lastX = a.x();
                lastY = a.y();
                hadLast = true;
            } else {
                stepX = 0;
                stepY = 0;
                hadLast = false;
            }
        }

        /** The median body length, or the current one (or 1 px) before there is any. */
        double scale(AnimalFeatures a) {
            double m = length.median();
            if (m > 1) {
                return m;
            }
            return a.bodyLength() > 1 ? a.bodyLength() : 1;
        }

        void clear() {
            length.clear();
            width.clear();
            area.clear();
            elongation.clear();
            hadLast = false;
            stepX = 0;
            stepY = 0;
            jump = 0;
        }
    }

    /**
     * Writes the {@link #CHANNELS} values of {@code f} to {@code out[offset..]}, the shape channels all zero (no
     * crop read); call once per frame, in order.
     */
    public void encode(FrameFeatures f, float[] out, int offset) {
        encode(f, null, 0, out, offset);
    }

    /**
     * The same with the {@link ShapeNet#READINGS} readings of the cat's crop at {@code shape[shapeOffset..]} (null:
     * none read, the shape channels zero).
     */
    public void encode(FrameFeatures f, float[] shape, int shapeOffset, float[] out, int offset) {
        AnimalFeatures c = f.cat();
        AnimalFeatures r = f.rat();
        cat.observe(c);
        rat.observe(r);
        double catLen = cat.scale(c);
        double ratLen = rat.scale(r);
        double fps = fps(f);
        // Direction from cat to rat (last known places), for radial speeds.
        double dx = r.x() - c.x();
        double dy = r.y() - c.y();
        double d = Math.hypot(dx, dy);
        boolean geometry = !Double.isNaN(d) && d > 1e-6;
        double ux = geometry ? dx / d : 0;
        double uy = geometry ? dy / d : 0;
        double catStep = Math.hypot(cat.stepX, cat.stepY) * fps / catLen; // median lengths per second
        double ratStep = Math.hypot(rat.stepX, rat.stepY) * fps / ratLen;
        catBurst = Math.max(catBurst * BURST_DECAY, clip(catStep / 3, 0, 3));
        ratBurst = Math.max(ratBurst * BURST_DECAY, clip(ratStep / 3, 0, 3));

        int i = offset;
        // the cat
        out[i++] = c.visible() ? 1f : 0f;
        out[i++] = clip(catStep / 4, 0, 3);
        out[i++] = clip(c.speed() / catLen / 4, 0, 3);
        double ch = Math.cos(c.heading());
        double sh = Math.sin(c.heading());
        out[i++] = c.visible() ? clip((cat.stepX * ch + cat.stepY * sh) * fps / catLen / 4, -3, 3) : 0f;
        out[i++] = c.visible() ? logRatio(c.bodyLength(), cat.length) : 0f;
        out[i++] = c.visible() ? logRatio(c.bodyWidth(), cat.width) : 0f;
        out[i++] = c.visible() ? logRatio(c.area(), cat.area) : 0f;
        out[i++] = c.visible() ? logRatio(c.elongation(), cat.elongation) : 0f;
        out[i++] = Math.min(cat.length.size(), SETTLED_FRAMES) / (float) SETTLED_FRAMES;
        out[i++] = unseen(c.framesUnseen());
        out[i++] = clip(c.acceleration() / catLen / 30, -3, 3);
        out[i++] = catBurst;
        // cat and rat
        double facing = f.catFacingAngle();
        boolean facingKnown = c.visible() && geometry && !Double.isNaN(facing);
        out[i++] = facingKnown ? (float) Math.cos(facing) : 0f;
        boolean distanceKnown = geometry;
        out[i++] = distanceKnown ? clip(d / catLen / 5, 0, 2) : 2f;
        out[i++] = distanceKnown ? 1f : 0f;
        out[i++] = distanceKnown ? clip(f.approachSpeed() / catLen / 4, -3, 3) : 0f;
        out[i++] = geometry ? clip((cat.stepX * ux + cat.stepY * uy) * fps / catLen / 4, -3, 3) : 0f;
        // the rat
        out[i++] = r.visible() ? 1f : 0f;
        out[i++] = clip(ratStep / 8, 0, 3);
        out[i++] = clip(r.speed() / ratLen / 8, 0, 3);
        out[i++] = r.visible() ? logRatio(r.area(), rat.area) : 0f;
        out[i++] = r.visible() ? logRatio(r.elongation(), rat.elongation) : 0f;
        out[i++] = f.ratInCover() ? 1f : 0f;
        out[i++] = unseen(r.framesUnseen());
        out[i++] = geometry ? clip((r.vx() * ux + r.vy() * uy) / ratLen / 8, -3, 3) : 0f;
        out[i++] = ratBurst;
        out[i++] = Math.min(rat.length.size(), SETTLED_FRAMES) / (float) SETTLED_FRAMES;
        // jumps of the tracks (v3): a one-frame leap of a centroid that vision's own smoothed speed still shows
        out[i++] = cat.jump;
        out[i++] = rat.jump;
        // the cat's posture over seconds (v4)
        boolean shaped = c.visible() && c.elongation() > 0;
        float elong = shaped ? clip(3 * Math.log(c.elongation() / USUAL_ELONGATION), -3, 3) : 0f;
        if (shaped) {
            elong1s = Float.isNaN(elong1s) ? elong : DECAY_1S * elong1s + (1 - DECAY_1S) * elong;
            elong3s = Float.isNaN(elong3s) ? elong : DECAY_3S * elong3s + (1 - DECAY_3S) * elong;
        }
        boolean pointed = facingKnown && Math.cos(facing) > POINTED_COS;
        pointed3s = DECAY_3S * pointed3s + (pointed ? 1 - DECAY_3S : 0);
        double speed = c.visible() ? c.speed() / catLen : 0;
        sinceFast = speed > FAST_LENGTHS_S ? 0 : Math.min(sinceFast + 1, SINCE_FAST_FULL);
        if (c.visible()) {
            speed1s = DECAY_1S * speed1s + (1 - DECAY_1S) * (float) Math.min(speed, 10);
        }
        out[i++] = elong;
        out[i++] = Float.isNaN(elong1s) ? 0f : elong1s;
        out[i++] = Float.isNaN(elong3s) ? 0f : elong3s;
        out[i++] = pointed3s;
        out[i++] = (float) (Math.log1p(sinceFast) / Math.log1p(SINCE_FAST_FULL));
        out[i++] = clip(speed1s, 0, 3);
        // the cat's shape read from its pixels (v5)
        boolean read = shape != null && c.visible() && shape[shapeOffset] > 0;
        out[i++] = read ? 1f : 0f;
        out[i++] = read ? clip((shape[shapeOffset + 1] - ShapeNet.STRETCH_MEAN) / ShapeNet.STRETCH_SCALE, -3, 3) : 0f;
        out[i++] = read ? clip((shape[shapeOffset + 2] - ShapeNet.WIDTH_MEAN) / ShapeNet.WIDTH_SCALE, -3, 3) : 0f;
        out[i++] = read ? clip(shape[shapeOffset + 3], 0, 1) : 0f;
        out[i] = read ? clip(shape[shapeOffset + 4], 0, 1) : 0f;
    }

    /** Channels a net trained on feature version {@code version} reads: the first this many of each frame. */
    public static int channels(int version) {
        return switch (version) {
            case 3 -> CHANNELS_V3;
            case 4 -> CHANNELS_V4;
            case VERSION -> CHANNELS;
            default -> throw new IllegalArgumentException("no feature version " + version + " (known: 3, 4, " + VERSION + ")");
        };
    }

    /** Forgets the stream: references, last positions, memories. */
    public void reset() {
        cat.clear();
        rat.clear();
        catBurst = 0;
        ratBurst = 0;
        elong1s = Float.NaN;
        elong3s = Float.NaN;
        pointed3s = 0;
        sinceFast = SINCE_FAST_FULL;
        speed1s = 0;
        lastMs = Double.NaN;
    }

    /** Frames per second from the frame times (30 when unknown or odd). */
    private double fps(FrameFeatures f) {
        double dt = f.timeMs() - lastMs;
        lastMs = f.timeMs();
        return dt > 5 && dt < 200 ? 1000 / dt : 30;
    }

    /** 3 x log(value / the stream's median): 0 for a usual body, about +-1 for a third longer or shorter. */
    private static float logRatio(double v, RunningMedian ref) {
        double m = ref.median();
        if (!(v > 0) || !(m > 0)) {
            return 0f;
        }
        return clip(3 * Math.log(v / m), -3, 3);
    }

    /** Time unseen on a log scale: 0 when in view, 0.5 after about a second, 1 after 30 s. */
    private static float unseen(int frames) {
        if (frames <= 0) {
            return 0f;
        }
        return (float) Math.min(1, Math.log1p(frames) / Math.log1p(900));
    }

    private static float clip(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return 0f;
        }
        return (float) Math.max(lo, Math.min(hi, v));
    }
}
