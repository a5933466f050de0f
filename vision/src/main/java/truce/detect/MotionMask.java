package truce.detect;

import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Stage "motion": what differs from the empty playpen. Works on a small colour copy of the frame (a whole
 * shrink factor, box-averaged, which also smooths sensor noise and JPEG blocks) against a running-average
 * background:
 * <ul>
 * <li>a global gain, measured on the background pixels, cancels light drift and sudden steps at once;</li>
 * <li>a pixel darker than the background by a uniform factor with the same hue is a shadow, not an animal
 *     (but while the cat is lost, one far darker than the shadows this scene casts is its grey coat);</li>
 * <li>the background never learns under the tracked animals (a cat asleep for minutes stays a cat), learns
 *     slowly under unexplained foreground and quickly for a few frames after an uneven light step.</li>
 * </ul>
 * One fused pass over the pixels in Java, then an OpenCV opening and closing of the mask. No allocation per
 * frame.
 */
public final class MotionMask implements AutoCloseable {
    final int width;
    final int height;
    final int w;
    final int h;
    final double sx;
    final double sy;
    private final DetectorSettings s;
    private final Size smallSize;
    private final Mat small = new Mat();
    /** Halving steps when the shrink factor is a power of two: a 2x2 mean each, 3x cheaper than INTER_AREA. */
    private final Mat[] halves;
    private final Size[] halfSizes;
    private final Mat maskMat;
    private final Mat tmp;
    private final Mat kernel;
    final byte[] px;
    final float[] bg;
    /** Pixels of last frame's ghosts (floor showing where the background still holds an animal): re-learnt fast. */
    final byte[] ghost;
    /** Running mean square of each pixel's difference on floor: flickering edges get a higher threshold. */
    private final float[] noise;
    /**
     * Each pixel's relative threshold (share of the background's brightness), from how much its levelled value
     * varied over the seed samples: at most {@link DetectorSettings#thresholdRel()}, which holds until seeded.
     */
    private final float[] rel;
    /** Foreground mask, 0 or 1 per working pixel, after morphology. */
    final byte[] mask;
    /** Colour difference of each working pixel from the background (0..765). */
    final short[] diff;
    /**
     * 1 where a foreground pixel is evenly darker than the floor in every channel (shadow-like, though
     * past the strict shadow test): a light animal's attached shadow, or simply a dark animal.
     */
    final byte[] shade;
    private final byte[] frozen;
    private final byte[] morph;
    private final Mat distMat;
    /** Distance of each foreground pixel to the nearest background pixel (working px): thin parts are tails. */
    final float[] dist;
    private boolean ready;
    private final GhostSweep ghosts;
    /** 1 where this frame's pixel passed the shadow test (dropped as shadow, or kept as {@link #coat}). */
    final byte[] shadowLike;
    /** Pixels of last frame's shadow-like regions with no caster: a coat the floor's colour, kept as foreground. */
    private final byte[] coat;
    private final CasterCheck casterCheck;
    private int coatPixels;
    /** Smallest caster-less shadow-like region taken for a coat, in minimum blobs. */
    private static final int COAT_MIN_BLOBS = 8;
    /** Largest, as a share of the picture. */
    private static final double COAT_MAX_SHARE = 0.08;
    private final boolean halving;
    /** Without a seed, the background restarts as the median of frames sampled over the first seconds. */
    private static final int BOOT_SAMPLES = 15;
    /**
     * Inside the cat's box only a shallow darkening (over 0.67 of the floor) may be shadow: a grey coat on a
     * light grey floor (0.55..0.65) has the floor's hue and would otherwise dissolve into "shadow".
     */
    private static final float CAT_SHADOW_MIN = 0.67f;
    /** Share of the cat's box on each side that is the tracker's margin, not the cat. */
    private static final double CAT_INSET = 0.115;
    private static final int BOOT_EVERY = 20;
    private byte[][] boot;
    private int booted;
    private int epoch;
    private int relearn;
    private double gain = 1;
    /** The tracked cat is lost this frame, and where it may be (working pixels). */
    private boolean catLost;
    private int lostX0;
    private int lostY0;
    private int lostX1;
    private int lostY1;
    /**
     * Typical brightness ratio (frame to floor) of the shadows cast beside tracked animals in this scene, 0 until
     * seen: a cast shadow takes away a fixed share of the light, a grey coat can take away far more.
     */
    private double shadowDepth;
    /** How much darker than the scene's shadows a pixel must be to count as a lost cat's coat. */
    private static final double SHADOW_MARGIN = 0.12;
    /** Shadow pixels beside the animals needed in a frame to update {@link #shadowDepth}. */
    private static final int MIN_SHADOW_PIXELS = 12;
    private long frames;

    public MotionMask(int width, int height, DetectorSettings settings) {
        this.width = width;
        this.height = height;
        this.s = settings;
        int k = Math.max(1, (int) Math.round((double) width / settings.workWidth()));
        this.w = Math.max(1, width / k);
        this.h = Math.max(1, height / k);
        this.sx = (double) width / w;
        this.sy = (double) height / h;
        smallSize = new Size(w, h);
        int steps = Integer.bitCount(k) == 1 && width == w * k && height == h * k
                ? Integer.numberOfTrailingZeros(k) : 0;
        halves = new Mat[Math.max(0, steps - 1)];
        halfSizes = new Size[Math.max(0, steps - 1)];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = new Mat();
            halfSizes[i] = new Size(width >> (i + 1), height >> (i + 1));
        }
        this.halving = steps > 0;
        maskMat = new Mat(h, w, CvType.CV_8UC1);
        tmp = new Mat(h, w, CvType.CV_8UC1);
        kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3));
        px = new byte[w * h * 3];
        bg = new float[w * h * 3];
        noise = new float[w * h];
        ghost = new byte[w * h];
        Arrays.fill(noise, (float) (settings.thresholdAbs() * settings.thresholdAbs() / 16));
        rel = new float[w * h];
        Arrays.fill(rel, (float) settings.thresholdRel());
        mask = new byte[w * h];
        morph = new byte[w * h];
        diff = new short[w * h];
        shade = new byte[w * h];
        frozen = new byte[w * h];
        distMat = new Mat(h, w, CvType.CV_32FC1);
        dist = new float[w * h];
        ghosts = new GhostSweep(w, h, settings.thresholdAbs(), settings.minBlobPixels());
        shadowLike = new byte[w * h];
        coat = new byte[w * h];
        casterCheck = new CasterCheck(w, h, COAT_MIN_BLOBS * settings.minBlobPixels(), COAT_MAX_SHARE);
    }

    public int workWidth() {
        return w;
    }

    public int workHeight() {
        return h;
    }

    /**
     * What the last frame's mask held, at the working size, one byte a pixel: 255 a foreground pixel, 128 one that
     * is evenly darker than the floor (shadow-like: a dark coat, or a light one's attached shadow), and elsewhere
     * the colour difference from the background, dimmed (at most 100), so what fell under the threshold shows too.
     */
    public void drawMask(byte[] out) {
        if (out.length != w * h) {
            throw new IllegalArgumentException("need " + w * h + " bytes, got " + out.length);
        }
        for (int q = 0; q < out.length; q++) {
            out[q] = (byte) (mask[q] != 0 ? (shade[q] != 0 ? SHADE_SHOWN : 255) : Math.min(DIFF_SHOWN, diff[q]));
        }
    }

    private static final int SHADE_SHOWN = 128;
    private static final int DIFF_SHOWN = 100;

    /** Global gain applied to the last frame (1 = same light as the background). */
    public double gain() {
        return gain;
    }

    /** Computes the foreground mask of a frame, then lets the background learn from it. */
    public void apply(Mat bgr, double[] animals, int nAnimals) {
        apply(bgr, animals, nAnimals, -1);
    }

    /**
     * As {@link #apply(Mat, double[], int)}; box {@code catBox} (or none when negative) is the tracked cat's:
     * inside it an evenly darker pixel is kept as foreground (flagged as shade), since a grey coat on a light
     * floor looks exactly like a shadow there and the cat would dissolve.
     */
    public void apply(Mat bgr, double[] animals, int nAnimals, int catBox) {
        if (bgr.cols() != width || bgr.rows() != height) {
            throw new IllegalArgumentException("frame is " + bgr.cols() + "x" + bgr.rows() + ", detector was made for "
                    + width + "x" + height);
        }
        shrink(bgr, small);
        small.get(0, 0, px);
        frames++;
        if (!ready) {
            for (int i = 0; i < px.length; i++) {
                bg[i] = px[i] & 0xff;
            }
            ready = true;
            boot = new byte[BOOT_SAMPLES][];
            Arrays.fill(mask, (byte) 0);
            Arrays.fill(diff, (short) 0);
            Arrays.fill(dist, 0f);
            return;
        }
        if (boot != null && frames % BOOT_EVERY == 0) {
            // Animals in the first frame would leave ghosts: once the samples span a few seconds, the
            // background becomes their median (only while nobody seeded it from a file).
            boot[booted++] = px.clone();
            if (booted == BOOT_SAMPLES) {
                medianInto(boot, bg);
                boot = null;
                epoch++;
            }
        }
        catLost = catBox == nAnimals;
        if (catLost) {
            lostX0 = (int) Math.floor(animals[4 * catBox] / sx);
            lostY0 = (int) Math.floor(animals[4 * catBox + 1] / sy);
            lostX1 = (int) Math.ceil(animals[4 * catBox + 2] / sx);
            lostY1 = (int) Math.ceil(animals[4 * catBox + 3] / sy);
        }
        markFrozen(animals, nAnimals, catBox);
        gain = measureGain();
        boolean relearning = relearn > 0;
        if (relearning) {
            relearn--;
            floorSums(before);
        }
        int fgCount = classifyAndLearn(relearning);
        if (relearning) {
            carryLightIntoFrozen();
        }
        if (fgCount > w * h * 3 / 10) {
            relearn = 8; // an uneven light step (a lamp on one side): the gain could not explain it
        }
        clean();
        findCoats(!relearning && catBox < 0);
        healGhostParts();
    }

    /**
     * Parts of the mask with their outline in the background and none in the frame are ghosts: the background
     * takes the frame there at once, even inside a tracked animal's box (a cat joined to its own ghost).
     */
    private void healGhostParts() {
        if (ghosts.sweep(px, bg, mask, diff, shade, gain) > 0) {
            maskMat.put(0, 0, mask);
            measureDistances();
        }
    }

    /**
     * Until the cat has first been seen, shadow-like regions larger than anything that could have cast them are
     * kept as foreground from the next frame on: a cat whose coat is an evenly darker shade of the floor would
     * otherwise never be found, and the background would learn it where it lies. Once seen, the lost cat is
     * looked for near where it went ({@link #nearLostCat}); a cat in view has its own box's rule. (Searched for
     * while the cat is lost or in view, a dark cat's real cast shadow, whose caster the mask calls shade too,
     * was taken for a coat: seed 5150 scene-05 and the demo clip lost frames.)
     */
    private void findCoats(boolean search) {
        if (search) {
            coatPixels = casterCheck.find(shadowLike, mask, shade, frozen, coat);
        } else if (coatPixels > 0) {
            Arrays.fill(coat, (byte) 0);
            coatPixels = 0;
        }
    }

    /** Each foreground pixel's distance to the background, from the mask in {@code maskMat}. */
    private void measureDistances() {
        Imgproc.distanceTransform(maskMat, distMat, Imgproc.DIST_L2, 3);
        distMat.get(0, 0, dist);
    }

    private final double[] before = new double[3];
    private final double[] after = new double[3];
    private final float[] carry = new float[3];

    /** Sums of the background's B, G, R over the pixels it may learn (not under a tracked animal). */
    private void floorSums(double[] out) {
        Arrays.fill(out, 0);
        for (int i = 0, p = 0; i < frozen.length; i++, p += 3) {
            if (frozen[i] == 0) {
                out[0] += bg[p];
                out[1] += bg[p + 1];
                out[2] += bg[p + 2];
            }
        }
    }

    /**
     * While relearning after an uneven light step, the floor's background takes on the new light but the
     * background under the tracked animals does not learn: it would keep the old tint, and once an animal
     * walks off, the floor where it lay (or furniture beside it) would stand out as a blob. It takes on the
     * change the rest of the floor just learnt, channel by channel.
     */
    private void carryLightIntoFrozen() {
        floorSums(after);
        float[] k = carry;
        for (int c = 0; c < 3; c++) {
            k[c] = before[c] > 1 ? (float) Math.max(0.5, Math.min(2, after[c] / before[c])) : 1;
        }
        for (int i = 0, p = 0; i < frozen.length; i++, p += 3) {
            if (frozen[i] != 0) {
                bg[p] = Math.min(255, bg[p] * k[0]);
                bg[p + 1] = Math.min(255, bg[p + 1] * k[1]);
                bg[p + 2] = Math.min(255, bg[p + 2] * k[2]);
            }
        }
    }

    /** Box-averages the frame down to the working size. */
    private void shrink(Mat bgr, Mat out) {
        if (!halving) {
            Imgproc.resize(bgr, out, smallSize, 0, 0, Imgproc.INTER_AREA);
            return;
        }
        // INTER_LINEAR at exactly half size samples between pixel pairs: the mean of each 2x2 block
        Mat in = bgr;
        for (int i = 0; i < halves.length; i++) {
            Imgproc.resize(in, halves[i], halfSizes[i], 0, 0, Imgproc.INTER_LINEAR);
            in = halves[i];
        }
        Imgproc.resize(in, out, smallSize, 0, 0, Imgproc.INTER_LINEAR);
    }

    private void markFrozen(double[] animals, int n, int catBox) {
        Arrays.fill(frozen, (byte) 0);
        for (int a = 0; a < n; a++) {
            int x0 = Math.max(0, (int) Math.floor(animals[4 * a] / sx) - 2);
            int y0 = Math.max(0, (int) Math.floor(animals[4 * a + 1] / sy) - 2);
            int x1 = Math.min(w - 1, (int) Math.ceil(animals[4 * a + 2] / sx) + 2);
            int y1 = Math.min(h - 1, (int) Math.ceil(animals[4 * a + 3] / sy) + 2);
            for (int y = y0; y <= y1; y++) {
                Arrays.fill(frozen, y * w + x0, y * w + x1 + 1, (byte) 1);
            }
        }
        if (catBox >= 0 && catBox < n) {
            // the cat's own extent, without the margin the tracker adds: its shadow and the rat stay outside
            double bx = CAT_INSET * (animals[4 * catBox + 2] - animals[4 * catBox]);
            double by = CAT_INSET * (animals[4 * catBox + 3] - animals[4 * catBox + 1]);
            int x0 = Math.max(0, (int) Math.ceil((animals[4 * catBox] + bx) / sx));
            int y0 = Math.max(0, (int) Math.ceil((animals[4 * catBox + 1] + by) / sy));
            int x1 = Math.min(w - 1, (int) Math.floor((animals[4 * catBox + 2] - bx) / sx));
            int y1 = Math.min(h - 1, (int) Math.floor((animals[4 * catBox + 3] - by) / sy));
            for (int y = y0; y <= y1 && x0 <= x1; y++) {
                Arrays.fill(frozen, y * w + x0, y * w + x1 + 1, (byte) 2);
            }
        }
    }

    /** Ratio of background to frame brightness over pixels that show floor in the last frame. */
    private double measureGain() {
        double sumF = 0;
        double sumB = 0;
        for (int y = 0; y < h; y += 2) { // every other row and column: plenty for one global number
            for (int i = y * w, e = i + w; i < e; i += 2) {
                if (mask[i] == 0 && frozen[i] == 0) {
                    int p = 3 * i;
                    sumF += (px[p] & 0xff) + (px[p + 1] & 0xff) + (px[p + 2] & 0xff);
                    sumB += bg[p] + bg[p + 1] + bg[p + 2];
                }
            }
        }
        if (sumF < 1 || sumB < 1) {
            return 1;
        }
        return Math.max(0.25, Math.min(4, sumB / sumF));
    }

    /**
     * One pass per pixel: colour difference, threshold against the pixel's own flicker, shadow test, then the
     * background and flicker level learn from the pixel (never under an animal; fast on ghosts and while
     * relearning after a light step, slowly under unexplained foreground).
     */
    private int classifyAndLearn(boolean relearning) {
        float g = (float) gain;
        float tAbs = (float) s.thresholdAbs();
        float tRel = (float) s.thresholdRel();
        float r = (float) (relearning ? s.relearnRate() : s.learnRate());
        float stray = (float) s.strayRate();
        float fast = (float) s.relearnRate();
        float deepest = shadowDepth > 0 ? (float) (shadowDepth - SHADOW_MARGIN) : 0;
        double shadowSum = 0;
        int shadowCount = 0;
        int count = 0;
        for (int i = 0, p = 0; i < mask.length; i++, p += 3) {
            float bb = bg[p];
            float bgg = bg[p + 1];
            float br = bg[p + 2];
            int rb = px[p] & 0xff;
            int rg = px[p + 1] & 0xff;
            int rr = px[p + 2] & 0xff;
            float fb = rb * g;
            float fg = rg * g;
            float fr = rr * g;
            // what the background learns from: a background at white never learns past it
            float cb = fb;
            float cg = fg;
            float cr = fr;
            if (bb >= WHITE || bgg >= WHITE || br >= WHITE) { // rare: one test keeps the common pixel fast
                cb = belowWhite(fb, bb);
                cg = belowWhite(fg, bgg);
                cr = belowWhite(fr, br);
                // Where the background was cut off at white, the camera could not have shown it brighter under
                // the seed's light: a levelled value above it (a white roof under a dimmer lamp) is no difference.
                // A raw value already above the background shows the camera reaches higher there: it was not
                // cut off, and a brighter coat on it (a cream cat on light tiles) is a real difference.
                fb = rb <= bb ? cb : fb;
                fg = rg <= bgg ? cg : fg;
                fr = rr <= br ? cr : fr;
            }
            float d = Math.abs(fb - bb) + Math.abs(fg - bgg) + Math.abs(fr - br);
            float lb = bb + bgg + br;
            diff[i] = (short) Math.min(765, d);
            float nz = noise[i];
            boolean fore = d > tAbs + rel[i] * lb && d * d > 12 * nz; // ~3.5 sigma of this pixel's flicker
            byte sh = 0;
            byte sl = 0;
            if (fore) {
                float lf = fb + fg + fr;
                // how far the hue moved (not the brightness): once per foreground pixel, for both tests below
                float chroma = lf > 1 && lb > 1 ? Math.abs(fb / lf - bb / lb) + Math.abs(fr / lf - br / lb) : 1;
                if (lf < lb && lb > 30) {
                    float ratio = lf / lb;
                    // Shadow: uniformly darker (0.45..0.97 of the floor) with the floor's hue. Inside the cat's
                    // own box a deeper "shadow" is more likely a grey coat on a light floor.
                    // A pixel that passes only under its seeded threshold may also be a shadow's soft edge.
                    float lightest = d > tAbs + tRel * lb ? 0.92f : SHADOW_MAX;
                    if (ratio > (frozen[i] == 2 ? CAT_SHADOW_MIN : 0.45f) && ratio < lightest && chroma < 0.02f) {
                        if (frozen[i] == 1) {
                            shadowSum += ratio; // beside a tracked animal, outside the cat's own extent
                            shadowCount++;
                        }
                        // While the cat is lost, far darker than this scene's cast shadows, near where it was
                        // lost, is its grey coat: counted as shadow it would never be found again and would
                        // melt where it lies.
                        // Before the cat is first seen, a shadow-like region with no caster is a coat (CasterCheck).
                        fore = ghost[i] == 0 && (catLost && ratio < deepest && nearLostCat(i) || coat[i] != 0);
                        sl = 1;
                    }
                }
                if (fore) {
                    count++;
                    sh = evenlyDarker(fb, fg, fr, bb, bgg, br, lf, lb, chroma) ? (byte) 1 : 0;
                }
            }
            shade[i] = sh;
            shadowLike[i] = sl;
            if (frozen[i] == 0) {
                float a = ghost[i] != 0 ? fast : fore && !relearning ? stray : r;
                if (!fore) {
                    noise[i] = nz + r * (d * d - nz);
                }
                bg[p] = bb + a * (cb - bb);
                bg[p + 1] = bgg + a * (cg - bgg);
                bg[p + 2] = br + a * (cr - br);
                // while the background catches up, only the animals we already follow are trusted
                mask[i] = fore && !relearning ? (byte) 255 : 0;
            } else {
                mask[i] = fore ? (byte) 255 : 0;
            }
        }
        if (shadowCount >= MIN_SHADOW_PIXELS) {
            double m = shadowSum / shadowCount;
            shadowDepth = shadowDepth > 0 ? shadowDepth + 0.02 * (m - shadowDepth) : m;
        }
        return count;
    }

    /**
     * Lightest shadow among the pixels that pass only under their seeded threshold: a uniform darkening of a
     * few percent with the floor's hue is the soft edge of a cast shadow. Under the brightness rule no such
     * pixel passed on a bright floor (and a pixel that does pass it is judged as before: a tabby coat a little
     * darker than linoleum, with its hue, is no shadow).
     */
    private static final float SHADOW_MAX = 0.97f;

    /** A background channel this bright may have been cut off at white. */
    private static final float WHITE = 238;

    private static float belowWhite(float levelled, float background) {
        return background >= WHITE && levelled > background ? background : levelled;
    }

    /** A channel this dark in the frame may have been cut off at black: it can have lost less than the others. */
    private static final float BLACK = 12;

    /**
     * Whether a foreground pixel is evenly darker than the floor, as a shadow is: every channel loses about
     * the same light, and not most of it (black fur is not shade). On a dark floor a shadow's weakest channel
     * hits black and loses less than the others (blue on wood): such a channel only has to be no darker than
     * the others' loss would leave it, and the loss and the share of light left are read from the others.
     */
    private static boolean evenlyDarker(float fb, float fg, float fr, float bb, float bgg, float br, float lf,
                                        float lb, float chroma) {
        float db = bb - fb;
        float dgc = bgg - fg;
        float dr = br - fr;
        if (db <= 0 || dgc <= 0 || dr <= 0) {
            return false;
        }
        float m = (db + dgc + dr) / 3;
        boolean even = Math.abs(db - m) + Math.abs(dgc - m) + Math.abs(dr - m) < 0.3f * m + 6 || chroma < 0.04f;
        if (even) {
            return m < 75 && lf > 0.3f * lb;
        }
        boolean cb = fb < BLACK;
        boolean cg = fg < BLACK;
        boolean cr = fr < BLACK;
        int clipped = (cb ? 1 : 0) + (cg ? 1 : 0) + (cr ? 1 : 0);
        if (clipped != 1) {
            return false; // nothing cut off, or too little left to tell a shadow from dark fur
        }
        // the two channels that kept some light say how much was taken
        float m2 = ((cb ? 0 : db) + (cg ? 0 : dgc) + (cr ? 0 : dr)) / 2;
        float spread = (cb ? 0 : Math.abs(db - m2)) + (cg ? 0 : Math.abs(dgc - m2)) + (cr ? 0 : Math.abs(dr - m2));
        float lost = cb ? db : cg ? dgc : dr;
        return spread < 0.2f * m2 + 4 && lost < m2 + 6 && m2 < 75 && lb - 3 * m2 > 0.15f * lb;
    }

    private boolean nearLostCat(int i) {
        int x = i % w;
        int y = i / w;
        return x >= lostX0 && x <= lostX1 && y >= lostY0 && y <= lostY1;
    }

    /** Opening drops specks (noise, JPEG blocks, glints); closing mends a body split by a stripe or a leash. */
    private void clean() {
        maskMat.put(0, 0, mask);
        Imgproc.morphologyEx(maskMat, tmp, Imgproc.MORPH_OPEN, kernel);
        Imgproc.morphologyEx(tmp, maskMat, Imgproc.MORPH_CLOSE, kernel);
        maskMat.get(0, 0, morph);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = morph[i] != 0 ? (byte) 1 : 0;
        }
        measureDistances();
    }

    /** The background becomes the per-pixel median of these frames: animals that moved leave no trace. */
    public void seed(List<Mat> frames) {
        if (frames.isEmpty()) {
            return;
        }
        int n = frames.size();
        byte[][] all = new byte[n][px.length];
        Mat m = new Mat();
        try {
            for (int f = 0; f < n; f++) {
                shrink(frames.get(f), m);
                m.get(0, 0, all[f]);
            }
        } finally {
            m.release();
        }
        medianInto(all, bg);
        commonestFloor(all);
        float[][] gains = n >= 5 ? sampleGains(all) : null;
        // An animal that lay still in most samples is in the median; the samples where it was elsewhere show
        // the floor there. Such a spot differs from those samples with its outline in the background, not in
        // the sample (a ghost): take the floor from the sample. Two rounds, for two animals or a long rest.
        // In a sample taken in another light than the median's, a pixel cut off at white in either tells
        // nothing: under a brighter lamp pale tiles and their grout are cut off, so a patch differed from the
        // median with the median's outline and none of its own, just as a ghost does. Copied in, it stood out
        // from the floor for the rest of the clip, and the rat track was held on it (seed 577215 scene-01).
        byte[] cut = new byte[w * h];
        for (int round = 0; round < 2; round++) {
            for (int f = 0; f < n; f++) {
                if (gains == null || inTheMediansLight(gains[f])) {
                    healGhosts(all[f], null);
                } else {
                    markCutOff(all[f], cut);
                    healGhosts(all[f], cut);
                }
            }
        }
        learnSpread(all);
        ready = true;
        boot = null;
    }

    /**
     * Where hardly any seed sample (a tenth or fewer, each levelled by its lamp's gain) agrees with their
     * median, the median is no sample's colour: a tabby or a leashed cat that lay over the spot in most samples,
     * each time in another pose, leaves a smear of its stripes, harness and the blur between them (seed 424242
     * scene-02). The empty floor there then reads as foreground and joins the cat's blob wherever it rests beside
     * the spot (20-30 px off), or the smear hides the part of the coat that lies over it. The floor is the one
     * colour that keeps coming back: the largest group of levelled samples that agree within the foreground
     * threshold becomes the background there. Where more samples agree with the median it stays: a cat that lay
     * still (the ghost healing's case), a spot that is floor in some samples and a cast shadow in the others.
     */
    private void commonestFloor(byte[][] all) {
        int n = all.length;
        if (n < 5) {
            return;
        }
        float[] g = lampGains(all);
        float tAbs = (float) s.thresholdAbs();
        float tRel = (float) s.thresholdRel();
        float[] v = new float[3 * n];
        float[] one = new float[n];
        float[] mid = new float[3];
        for (int p = 0; p < bg.length; p += 3) {
            for (int f = 0; f < n; f++) {
                byte[] a = all[f];
                v[3 * f] = (a[p] & 0xff) * g[f];
                v[3 * f + 1] = (a[p + 1] & 0xff) * g[f];
                v[3 * f + 2] = (a[p + 2] & 0xff) * g[f];
            }
            float tol = tAbs + tRel * (bg[p] + bg[p + 1] + bg[p + 2]);
            // the median of the levelled samples: the raw median of a spot that is floor in some samples and a
            // shadow in others is the floor's darkest lamp, which no levelled sample matches
            for (int c = 0; c < 3; c++) {
                for (int f = 0; f < n; f++) {
                    one[f] = v[3 * f + c];
                }
                Arrays.sort(one, 0, n);
                mid[c] = one[n / 2];
            }
            int atMedian = 0;
            for (int f = 0; f < n; f++) {
                if (apart(v, 3 * f, mid, 0) <= tol) {
                    atMedian++;
                }
            }
            if (atMedian > n / 10) {
                continue;
            }
            int best = -1;
            int bestCount = atMedian;
            for (int f = 0; f < n; f++) {
                int c = 0;
                for (int o = 0; o < n; o++) {
                    if (apart(v, 3 * f, v, 3 * o) <= tol) {
                        c++;
                    }
                }
                if (c > bestCount) {
                    bestCount = c;
                    best = f;
                }
            }
            if (best < 0) {
                continue;
            }
            float sb = 0, sg = 0, sr = 0;
            for (int o = 0; o < n; o++) {
                if (apart(v, 3 * best, v, 3 * o) <= tol) {
                    sb += v[3 * o];
                    sg += v[3 * o + 1];
                    sr += v[3 * o + 2];
                }
            }
            bg[p] = sb / bestCount;
            bg[p + 1] = sg / bestCount;
            bg[p + 2] = sr / bestCount;
        }
    }

    /** Colour difference (sum over B, G, R) between the pixel at {@code i} of {@code a} and at {@code j} of {@code b}. */
    private static float apart(float[] a, int i, float[] b, int j) {
        return Math.abs(a[i] - b[j]) + Math.abs(a[i + 1] - b[j + 1]) + Math.abs(a[i + 2] - b[j + 2]);
    }

    /** Each seed sample's gain to the background's light: the median of its pixels' ratios, which an animal cannot tilt. */
    private float[] lampGains(byte[][] all) {
        int n = all.length;
        float[] g = new float[n];
        int step = 7;
        float[] ratios = new float[(rel.length + step - 1) / step];
        for (int f = 0; f < n; f++) {
            byte[] a = all[f];
            int m = 0;
            for (int i = 0; i < rel.length; i += step) {
                int p = 3 * i;
                float lf = (a[p] & 0xff) + (a[p + 1] & 0xff) + (a[p + 2] & 0xff);
                float lb = bg[p] + bg[p + 1] + bg[p + 2];
                if (lf > 10 && lb > 10) {
                    ratios[m++] = lb / lf;
                }
            }
            Arrays.sort(ratios, 0, m);
            g[f] = m == 0 ? 1 : Math.max(0.25f, Math.min(4, ratios[m / 2]));
        }
        return g;
    }

    /** A seeded pixel's threshold over the absolute one: this many times its spread over the samples... */
    private static final double SPREAD_K = 3;
    /** ...its spread being this quantile of its levelled differences from the background over the samples. */
    private static final double SPREAD_Q = 0.9;

    /**
     * Each pixel's relative threshold from the seed samples: levelled by each sample's global gain (the lamp
     * the sample was taken under), how far the pixel strays from the background in nearly all samples (the
     * {@link #SPREAD_Q} quantile: an animal passing over it in a few does not count). Sensor noise, JPEG
     * blocks, a lamp that lights one side more than the other: whatever made this pixel vary sets how small a
     * difference counts there, not the floor's brightness alone (an albino rat on steady white tiles differs by
     * 25-40, under the brightness rule's ~48). Never above the brightness rule, which holds until seeded.
     */
    private void learnSpread(byte[][] all) {
        int n = all.length;
        if (n < 5) {
            return;
        }
        float[] g = lampGains(all);
        float[] dev = new float[n];
        int q = (int) Math.min(n - 1, Math.round(SPREAD_Q * (n - 1)));
        float tRel = (float) s.thresholdRel();
        for (int i = 0, p = 0; i < rel.length; i++, p += 3) {
            for (int f = 0; f < n; f++) {
                byte[] a = all[f];
                dev[f] = Math.abs((a[p] & 0xff) * g[f] - bg[p]) + Math.abs((a[p + 1] & 0xff) * g[f] - bg[p + 1])
                        + Math.abs((a[p + 2] & 0xff) * g[f] - bg[p + 2]);
            }
            Arrays.sort(dev);
            float lb = bg[p] + bg[p + 1] + bg[p + 2];
            rel[i] = lb > 1 ? Math.min(tRel, (float) (SPREAD_K * dev[q] / lb)) : tRel;
        }
    }

    /**
     * Each seed sample's gain per channel (B, G, R) to the median's light: the median of its pixels' ratios to the
     * background in that channel, over pixels neither cut off at white nor near black in the sample or the
     * background (an animal in the sample must not tilt it, and a floor cut off at white says nothing of the
     * light). A channel cut off nearly everywhere takes the others' gain.
     */
    private float[][] sampleGains(byte[][] all) {
        int n = all.length;
        float[][] g = new float[n][3];
        int step = 7;
        float[] ratios = new float[(rel.length + step - 1) / step];
        for (int f = 0; f < n; f++) {
            byte[] a = all[f];
            for (int c = 0; c < 3; c++) {
                int m = 0;
                for (int i = 0; i < rel.length; i += step) {
                    int p = 3 * i + c;
                    float vf = a[p] & 0xff;
                    if (vf > 10 && vf < WHITE && bg[p] > 10 && bg[p] < WHITE) {
                        ratios[m++] = bg[p] / vf;
                    }
                }
                Arrays.sort(ratios, 0, m);
                g[f][c] = m < 50 ? Float.NaN : Math.max(0.25f, Math.min(4, ratios[m / 2]));
            }
            float known = 0;
            int k = 0;
            for (int c = 0; c < 3; c++) {
                if (!Float.isNaN(g[f][c])) {
                    known += g[f][c];
                    k++;
                }
            }
            for (int c = 0; c < 3; c++) { // a channel clipped nearly everywhere: the others' light
                if (Float.isNaN(g[f][c])) {
                    g[f][c] = k == 0 ? 1 : known / k;
                }
            }
        }
        return g;
    }

    /** Marks in {@code cut} the pixels where the sample or the median was cut off at white in some channel. */
    private void markCutOff(byte[] a, byte[] cut) {
        for (int i = 0, p = 0; i < cut.length; i++, p += 3) {
            boolean white = false;
            for (int c = 0; c < 3; c++) {
                white |= (a[p + c] & 0xff) >= WHITE || bg[p + c] >= WHITE;
            }
            cut[i] = white ? (byte) 1 : 0;
        }
    }

    /**
     * Replaces the background inside every ghost-like difference region of {@code sample} by the sample; pixels
     * marked in {@code cut} (if given) belong to no region and are no edge of one.
     */
    private void healGhosts(byte[] sample, byte[] cut) {
        float tAbs = (float) s.thresholdAbs();
        float tRel = (float) s.thresholdRel();
        byte[] m = morph;
        for (int i = 0, p = 0; i < m.length; i++, p += 3) {
            float fb = sample[p] & 0xff;
            float fg = sample[p + 1] & 0xff;
            float fr = sample[p + 2] & 0xff;
            float d = Math.abs(fb - bg[p]) + Math.abs(fg - bg[p + 1]) + Math.abs(fr - bg[p + 2]);
            m[i] = cut != null && cut[i] != 0 ? 3 : d > tAbs + tRel * (bg[p] + bg[p + 1] + bg[p + 2]) ? (byte) 1 : 0;
        }
        int[] stack = new int[m.length];
        int[] region = new int[m.length];
        for (int start = 0; start < m.length; start++) {
            if (m[start] != 1) {
                continue;
            }
            int top = 0;
            int n = 0;
            stack[top++] = start;
            m[start] = 2;
            double inSample = 0;
            double inBackground = 0;
            while (top > 0) {
                int q = stack[--top];
                region[n++] = q;
                int x = q % w;
                int y = q / w;
                boolean edge = false;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                            continue;
                        }
                        int r = yy * w + xx;
                        if (m[r] == 1) {
                            m[r] = 2;
                            stack[top++] = r;
                        } else if (m[r] == 0) {
                            edge = true;
                        }
                    }
                }
                if (edge && x > 0 && y > 0 && x < w - 1 && y < h - 1) {
                    inSample += Math.abs(lum(sample, q + 1) - lum(sample, q - 1))
                            + Math.abs(lum(sample, q + w) - lum(sample, q - w));
                    inBackground += Math.abs(lum(bg, q + 1) - lum(bg, q - 1))
                            + Math.abs(lum(bg, q + w) - lum(bg, q - w));
                }
            }
            if (n >= s.minBlobPixels() * 2 && inSample < 0.6 * inBackground) {
                for (int k = 0; k < n; k++) {
                    int q = 3 * region[k];
                    bg[q] = sample[q] & 0xff;
                    bg[q + 1] = sample[q + 1] & 0xff;
                    bg[q + 2] = sample[q + 2] & 0xff;
                }
            }
        }
    }

    /**
     * Largest gain in any channel between a sample and the median that is still the same light: the lamp's slow
     * drift (a few percent), not a lamp switched on or off (15 % or more, with its tint).
     */
    private static final float SAME_LIGHT = 0.1f;

    private static boolean inTheMediansLight(float[] gain) {
        for (float g : gain) {
            if (Math.abs(g - 1) >= SAME_LIGHT) {
                return false;
            }
        }
        return true;
    }

    private static int lum(byte[] a, int i) {
        int q = 3 * i;
        return (a[q] & 0xff) + (a[q + 1] & 0xff) + (a[q + 2] & 0xff);
    }

    private static float lum(float[] a, int i) {
        int q = 3 * i;
        return a[q] + a[q + 1] + a[q + 2];
    }

    private static void medianInto(byte[][] samples, float[] out) {
        int n = samples.length;
        int[] v = new int[n];
        for (int i = 0; i < out.length; i++) {
            for (int f = 0; f < n; f++) {
                v[f] = samples[f][i] & 0xff;
            }
            Arrays.sort(v);
            out[i] = v[n / 2];
        }
    }

    /** Copies the foreground mask (0/255, working size) into {@code dst}, for debugging views. */
    public void copyMask(Mat dst) {
        dst.create(h, w, CvType.CV_8UC1);
        byte[] out = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] != 0 ? (byte) 255 : 0;
        }
        dst.put(0, 0, out);
    }

    /**
     * Share of working pixels inside a box (source pixels) that differ from the background by more than the
     * absolute threshold, before the mask's flicker test and morphology: evidence that something is still
     * there when the mask no longer shows it.
     */
    public double differingShare(double x0, double y0, double x1, double y1) {
        int a0 = Math.max(0, (int) Math.floor(x0 / sx));
        int b0 = Math.max(0, (int) Math.floor(y0 / sy));
        int a1 = Math.min(w - 1, (int) Math.ceil(x1 / sx) - 1);
        int b1 = Math.min(h - 1, (int) Math.ceil(y1 / sy) - 1);
        int n = 0;
        int on = 0;
        float t = (float) s.thresholdAbs();
        for (int y = b0; y <= b1; y++) {
            for (int x = a0; x <= a1; x++) {
                n++;
                if (diff[y * w + x] > t) {
                    on++;
                }
            }
        }
        return n == 0 ? 0 : (double) on / n;
    }

    /** Working pixels the ghost sweep has given back to the background so far. */
    public long ghostPixelsHealed() {
        return ghosts.healed();
    }

    /** Counts wholesale replacements of the background (the start-up median). */
    public int epoch() {
        return epoch;
    }

    /** Mean brightness of the background (0..255), for tests and diagnostics. */
    public double backgroundBrightness() {
        double sum = 0;
        for (float v : bg) {
            sum += v;
        }
        return sum / bg.length;
    }

    @Override
    public void close() {
        small.release();
        for (Mat m : halves) {
            m.release();
        }
        maskMat.release();
        distMat.release();
        tmp.release();
        kernel.release();
    }
}
