package truce.detect;

import java.util.Arrays;

/**
 * Stage "detect": connected components of the motion mask (8-connected, one flood fill with a reused stack),
 * measured on the fly: area, centroid, second moments, box, border contact and contrast, then scaled to
 * source pixels. Cheaper than findContours + moments, and it allocates nothing.
 */
public final class BlobFinder {
    private final MotionMask motion;
    private final int w;
    private final int h;
    final int[] labels;
    private final int[] stack;
    /** The refined blob's pixels (its box only) and the components it was merged from. */
    private final byte[] member;
    /** Marks in {@link #member}: in the blob; a smooth shade pixel; the cast shadow found by texture. */
    private static final byte IN = 1;
    private static final byte SMOOTH = 2;
    private static final byte CAST = 4;
    private final int[] parts = new int[8];
    private final int minPixels;
    private final double[] acc = new double[12];
    /** Shadow-like shares between which a blob is read as a light animal plus its shadow. */
    static final double SHADE_MIN = 0.12;
    static final double SHADE_MAX = 0.5;
    /** Smallest box (working pixels) of a blob whose shade is dropped: about a cat's, several rats'. */
    static final int SHADE_MIN_BOX = 400;
    /** Bins of a dark blob's shade-pixel brightness ratio (frame to floor, 0..1) when looking for a cast shadow. */
    private static final int RATIO_BINS = 32;
    /** A cast shadow beside a dark animal is at least this much lighter (ratio) than the animal's own fur. */
    static final double FUR_GAP = 0.12;
    /** Smallest share of a dark blob's pixels that the shadow, and the fur, each make up. */
    static final double CAST_MIN = 0.15;
    /** How far (in square roots of the blob's area) a cast shadow's centre lies to one side of the fur's. */
    static final double CAST_OFFSET = 0.25;
    /**
     * Largest brightness change (sum of three channels) between neighbouring shade pixels that the floor under
     * them does not explain, for them to count as a smooth cast shadow: sensor noise and JPEG blocks stay under
     * it, striped or spotted fur goes well over.
     */
    static final float SMOOTH_STEP = 18f;
    /** Brightness step (sum of three channels) between neighbouring floor pixels that counts as an edge. */
    static final float FLOOR_EDGE = 2 * SMOOTH_STEP;
    /** Floor edges a cast shadow must cover, and the share of them that must show through, to be told from fur. */
    private static final int MIN_FLOOR_EDGES = 6;
    private static final double SHOWN_SHARE = 0.6;
    /** Half-side of the window in which most shade pixels must be smooth for a pixel to be the cast shadow. */
    private static final int SMOOTH_REACH = 2;
    private final long[] binN = new long[RATIO_BINS];
    private final double[] binX = new double[RATIO_BINS];
    private final double[] binY = new double[RATIO_BINS];
    /** Radius of the opening that strips thin parts, as a share of the body's greatest half-thickness. */
    static final float OPEN_SHARE = 0.5f;

    /** The lamp's direction (unit, working pixels) when the zones' covers showed it; (0, 0) until then. */
    private double lampX;
    private double lampY;
    /** How far a cover's shadow reaches past it along the lamp's direction, working pixels (0: unknown). */
    private double coverReach;
    /** The cat's own reach, from light-bodied frames. */
    private final ShadowReach catReach = new ShadowReach();
    /** The two animals' coats, for {@link #split}. */
    private final Looks looks = new Looks();
    /** A blob's box in working pixels ({@link #labelBox}), reused. */
    private final int[] box = new int[4];
    private final double[] topAll = new double[3];
    private final double[] topBody = new double[3];
    /** Longest cover reach taken for the cat's while the cat's own is unknown (a dark coat): 24 px at 640 across. */
    private static final double COVER_REACH_CAP = 6;
    /** Longest reading of the cat's own reach: past it, something else joined the blob. */
    private static final double MAX_REACH = 12;

    public BlobFinder(MotionMask motion, int minPixels) {
        this.motion = motion;
        this.w = motion.w;
        this.h = motion.h;
        this.labels = new int[w * h];
        this.stack = new int[w * h];
        this.member = new byte[w * h];
        this.minPixels = minPixels;
    }

    public void find(Blobs out) {
        out.clear();
        byte[] mask = motion.mask;
        short[] diff = motion.diff;
        Arrays.fill(labels, 0);
        Arrays.fill(motion.ghost, (byte) 0);
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] == 0 || labels[start] != 0) {
                continue;
            }
            int label = ++next;
            int top = 0;
            stack[top++] = start;
            labels[start] = label;
            long n = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            double sd = 0;
            long shaded = 0;
            byte[] shade = motion.shade;
            float maxDist = 0;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                n++;
                sx += x;
                sy += y;
                sxx += (double) x * x;
                syy += (double) y * y;
                sxy += (double) x * y;
                sd += diff[p];
                shaded += shade[p];
                if (motion.dist[p] > maxDist) {
                    maxDist = motion.dist[p];
                }
                if (x < x0) {
                    x0 = x;
                }
                if (x > x1) {
                    x1 = x;
                }
                if (y < y0) {
                    y0 = y;
                }
                if (y > y1) {
                    y1 = y;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (mask[q] != 0 && labels[q] == 0) {
                            labels[q] = label;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (n >= minPixels) {
                int b = addScaled(out, n, sx, sy, sxx, syy, sxy, sd, x0, y0, x1, y1, label);
                if (b >= 0) {
                    out.shade[b] = (double) shaded / n;
                    trimThinParts(out, b, label, maxDist, x0, y0, x1, y1, out.shade[b]);
                    if (isGhost(label, x0, y0, x1, y1)) {
                        out.ghost[b] = true;
                        markGhost(label, x0, y0, x1, y1);
                    }
                }
            }
        }
    }

    /**
     * Re-measures a blob without its thin parts (a tail, a leash, a paw stretched out): only pixels at least
     * r from the edge, r a third of the body's half-thickness, count for centroid and shape. Shaving a rim
     * of r all round leaves the centroid where it was, while a tail thinner than 2r goes entirely. Area and
     * box keep the whole blob; the shaved rim is added back to the length and width. A mostly light blob
     * with a minority of evenly darker pixels is an animal with its shadow attached: those pixels are left
     * out of centroid and shape too (a dark animal, mostly such pixels itself, keeps them all here; only
     * {@link #refine} leaves out its cast shadow, for the reported position, not for matching).
     */
    private void trimThinParts(Blobs out, int b, int label, float maxDist, int x0, int y0, int x1, int y1,
                               double shadeShare) {
        // A small animal stands low: its shadow hugs its body, and its own darker fur (a hooded rat's head)
        // would go instead; only a big blob's shade is taken for a shadow cast beside it.
        boolean dropShade = shadowAttached(shadeShare, x0, y0, x1, y1);
        byte[] shade = motion.shade;
        float r = Math.max(1.0f, 0.35f * maxDist);
        if (maxDist < 2f && !dropShade) {
            return; // too thin to have a body and a tail apart: keep it whole
        }
        long n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        float[] dist = motion.dist;
        for (int y = y0; y <= y1; y++) {
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                int p = row + x;
                if (labels[p] == label && dist[p] >= r && !(dropShade && shade[p] != 0)) {
                    n++;
                    sx += x;
                    sy += y;
                    sxx += (double) x * x;
                    syy += (double) y * y;
                    sxy += (double) x * y;
                }
            }
        }
        if (n < Math.max(4, minPixels / 2)) {
            return;
        }
        double fx = motion.sx;
        double fy = motion.sy;
        double mx = sx / n;
        double my = sy / n;
        out.cx[b] = (mx + 0.5) * fx - 0.5;
        out.cy[b] = (my + 0.5) * fy - 0.5;
        // widen the core's spread by the shaved rim (r on each side) so lengths stay the whole body's
        double a = sxx / n - mx * mx;
        double c = syy / n - my * my;
        double d = sxy / n - mx * my;
        double grow = (r - 0.5) / 2.0; // a rim of r widens 4 sqrt(var) by about 2r
        double l1 = 0.5 * (a + c) + Math.sqrt(Math.max(0, (a - c) * (a - c) / 4 + d * d));
        double l2 = Math.max(0, 0.5 * (a + c) - Math.sqrt(Math.max(0, (a - c) * (a - c) / 4 + d * d)));
        double s1 = Math.sqrt(l1) + grow;
        double s2 = Math.sqrt(l2) + grow;
        double theta = 0.5 * Math.atan2(2 * d, a - c);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double v1 = s1 * s1;
        double v2 = s2 * s2;
        out.vxx[b] = (v1 * cos * cos + v2 * sin * sin) * fx * fx;
        out.vyy[b] = (v1 * sin * sin + v2 * cos * cos) * fy * fy;
        out.vxy[b] = (v1 - v2) * cos * sin * fx * fy;
    }

    /**
     * The centroid of a tracked animal's visible body, finer than the blob's: the blob's opening by a disc
     * of radius r, r half the body's greatest half-thickness. The opening is the core (pixels at least r from
     * the edge) grown back by r: a tail thinner than 2r, a leash or a stretched paw has no core and goes
     * entirely, while the body gets its rim back, so head and rump keep their weight (a bare core leans
     * towards the thickest part, the truth counts the body's pixels). A blob merged from fragments is refined
     * over all of them. The blob's attached shadow stays out as in {@link #find}. Run for a tracked animal's
     * blob only, after identities are decided: matching keeps the blob's own centroid.
     *
     * @param xy receives the centroid, source pixels
     * @return false when the blob cannot be refined (a split part, too thin)
     */
    public boolean refine(Blobs blobs, int b, double[] xy) {
        // the components that make up the blob: itself, and the fragments merged into it
        int nParts = 0;
        for (int k = 0; k < blobs.count() && nParts < parts.length; k++) {
            int root = k;
            for (int hop = 0; blobs.into[root] >= 0 && hop < Blobs.MAX; hop++) {
                root = blobs.into[root];
            }
            if (root == b && blobs.own[k] > 0) {
                parts[nParts++] = blobs.own[k];
            }
        }
        if (nParts == 0) {
            return false;
        }
        double fx = motion.sx;
        double fy = motion.sy;
        int x0 = Math.max(0, (int) Math.round(blobs.minX[b] / fx));
        int y0 = Math.max(0, (int) Math.round(blobs.minY[b] / fy));
        int x1 = Math.min(w - 1, (int) Math.round(blobs.maxX[b] / fx) - 1);
        int y1 = Math.min(h - 1, (int) Math.round(blobs.maxY[b] / fy) - 1);
        float[] dist = motion.dist;
        float maxDist = 0;
        for (int y = y0; y <= y1; y++) {
            for (int p = y * w + x0, e = y * w + x1; p <= e; p++) {
                boolean in = false;
                for (int k = 0; k < nParts && !in; k++) {
                    in = labels[p] == parts[k];
                }
                member[p] = in ? IN : 0;
                if (in && dist[p] > maxDist) {
                    maxDist = dist[p];
                }
            }
        }
        double shadeShare = blobs.shade[b];
        boolean dropShade = shadowAttached(shadeShare, x0, y0, x1, y1);
        // a blob mostly of shade: a dark animal, or a light one with a large shadow; either finder marks CAST
        boolean mostlyShade = shadeShare >= SHADE_MAX && castsShadows(x0, y0, x1, y1);
        boolean dropCast = mostlyShade && (castShadowCut(member, x0, y0, x1, y1)
                || smoothShadowCut(member, x0, y0, x1, y1));
        if (maxDist < 2f && !dropShade && !dropCast) {
            return false;
        }
        byte[] shade = motion.shade;
        boolean lampKnown = lampX != 0 || lampY != 0;
        boolean catSized = castsShadows(x0, y0, x1, y1);
        if (lampKnown && catSized && dropShade && !mostlyShade) {
            learnReach(x0, y0, x1, y1);
        }
        double offset = lampKnown && catSized ? shadowOffset() : 0;
        double ox = offset * lampX;
        double oy = offset * lampY;
        float r = Math.max(1.0f, OPEN_SHARE * maxDist);
        int k = (int) Math.ceil(r);
        float reach = (r + 0.5f) * (r + 0.5f);
        long n = 0;
        double weight = 0;
        double sx = 0;
        double sy = 0;
        for (int y = y0; y <= y1; y++) {
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                int p = row + x;
                if ((member[p] & IN) == 0 || (dropShade && shade[p] != 0)
                        || (dropCast && (member[p] & CAST) != 0)
                        || (dist[p] < r && !nearCore(x, y, k, r, reach, x0, y0, x1, y1))) {
                    continue;
                }
                // the body is where the silhouette also holds the pixel's shadow: the rest is the shadow itself
                double wt = offset > 0 ? silhouette(x + ox, y + oy) : 1;
                n++;
                weight += wt;
                sx += wt * x;
                sy += wt * y;
            }
        }
        if (n < Math.max(4, minPixels / 2) || weight < 2) {
            return false;
        }
        xy[0] = (sx / weight + 0.5) * fx - 0.5;
        xy[1] = (sy / weight + 0.5) * fy - 0.5;
        return true;
    }

    /**
     * The lamp's direction (any length, working pixels) and a cover's shadow reach along it (working pixels, 0 when
     * unknown): from then on a cat's refined centroid leaves out its cast shadow ({@link #refine}).
     */
    void lamp(double ux, double uy, double coverReach) {
        double len = Math.hypot(ux, uy);
        lampX = len > 0 ? ux / len : 0;
        lampY = len > 0 ? uy / len : 0;
        this.coverReach = Math.max(0, coverReach);
    }

    /**
     * The cat's shadow offset along the lamp's direction (working pixels, 0: none known): the cat's own reach, but
     * no longer than a cover's, since a reach overestimated erodes the body itself, while one too short only leaves a
     * little shadow in; with a dark coat (no reach of its own) a cover's, capped.
     */
    private double shadowOffset() {
        if (catReach.known()) {
            return coverReach > 0 ? Math.min(catReach.median(), coverReach) : catReach.median();
        }
        return Math.min(coverReach, COVER_REACH_CAP);
    }

    /**
     * One frame's reading of how far the cat's shadow reaches past its light body along the lamp's direction: how
     * much further the silhouette (the blob, with the shadow test's pixels in its box) reaches that way than its
     * unshaded pixels do. The third-furthest pixel of each stands for its extreme, so a stray pixel cannot set it.
     */
    private void learnReach(int x0, int y0, int x1, int y1) {
        byte[] shade = motion.shade;
        byte[] shadowLike = motion.shadowLike;
        Arrays.fill(topAll, Double.NEGATIVE_INFINITY);
        Arrays.fill(topBody, Double.NEGATIVE_INFINITY);
        int body = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int p = y * w + x;
                boolean in = (member[p] & IN) != 0;
                if (!in && shadowLike[p] == 0) {
                    continue;
                }
                double along = x * lampX + y * lampY;
                keepTop(topAll, along);
                if (in && shade[p] == 0) {
                    keepTop(topBody, along);
                    body++;
                }
            }
        }
        double reach = topAll[2] - topBody[2];
        if (body >= 20 && reach >= 0 && reach <= MAX_REACH) {
            catReach.add(reach);
        }
    }

    /** Keeps the three largest values, largest first. */
    private static void keepTop(double[] top, double v) {
        if (v <= top[2]) {
            return;
        }
        if (v > top[0]) {
            top[2] = top[1];
            top[1] = top[0];
            top[0] = v;
        } else if (v > top[1]) {
            top[2] = top[1];
            top[1] = v;
        } else {
            top[2] = v;
        }
    }

    /** Bilinear share of the silhouette (the mask, and the shadow test's pixels) at a working-pixel position. */
    private double silhouette(double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        double ax = x - ix;
        double ay = y - iy;
        return (1 - ax) * (1 - ay) * onSilhouette(ix, iy) + ax * (1 - ay) * onSilhouette(ix + 1, iy)
                + (1 - ax) * ay * onSilhouette(ix, iy + 1) + ax * ay * onSilhouette(ix + 1, iy + 1);
    }

    /** 1 on the silhouette or off the picture (a shadow past the edge cannot be seen to be missing), else 0. */
    private double onSilhouette(int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return 1;
        }
        int q = y * w + x;
        return motion.mask[q] != 0 || motion.shadowLike[q] != 0 ? 1 : 0;
    }

    /** Whether a blob's box is big enough (about a cat's) for its shade to be read as a shadow it casts. */
    private static boolean castsShadows(int x0, int y0, int x1, int y1) {
        return (x1 - x0 + 1) * (y1 - y0 + 1) >= SHADE_MIN_BOX;
    }

    /** A mostly light blob with a minority of evenly darker pixels: an animal with its shadow attached. */
    private static boolean shadowAttached(double shadeShare, int x0, int y0, int x1, int y1) {
        return shadeShare > SHADE_MIN && shadeShare < SHADE_MAX && castsShadows(x0, y0, x1, y1);
    }

    /**
     * A dark animal is itself mostly shade, so its cast shadow cannot be told by the share. Dark fur is much
     * darker than a shadow on the same floor, and the shadow lies to one side of its caster: when the blob's
     * shade pixels fall into a darker and a lighter group (by brightness ratio to the floor), each a fair share
     * of the blob, at least {@link #FUR_GAP} apart and with the lighter group's centre well off the darker
     * one's, the lighter group is the cast shadow.
     *
     * @param member the blob's pixels ({@link #IN}) in its box; the cast shadow's get {@link #CAST}
     * @return whether a cast shadow was found (and marked)
     */
    private boolean castShadowCut(byte[] member, int x0, int y0, int x1, int y1) {
        Arrays.fill(binN, 0);
        Arrays.fill(binX, 0);
        Arrays.fill(binY, 0);
        byte[] shade = motion.shade;
        long all = 0;
        for (int y = y0; y <= y1; y++) {
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                int p = row + x;
                if ((member[p] & IN) == 0) {
                    continue;
                }
                all++;
                if (shade[p] == 0) {
                    continue;
                }
                int k = Math.min(RATIO_BINS - 1, (int) (ratio(p) * RATIO_BINS));
                binN[k]++;
                binX[k] += x;
                binY[k] += y;
            }
        }
        // Otsu's split of the shade pixels' ratios
        long n = 0;
        double sum = 0;
        for (int k = 0; k < RATIO_BINS; k++) {
            n += binN[k];
            sum += binN[k] * (k + 0.5);
        }
        long nDark = 0;
        double sDark = 0;
        double best = -1;
        int split = -1;
        for (int k = 0; k < RATIO_BINS - 1; k++) {
            nDark += binN[k];
            sDark += binN[k] * (k + 0.5);
            long nLight = n - nDark;
            if (nDark == 0 || nLight == 0) {
                continue;
            }
            double d = sDark / nDark - (sum - sDark) / nLight;
            double between = (double) nDark * nLight * d * d;
            if (between > best) {
                best = between;
                split = k;
            }
        }
        if (split < 0) {
            return false;
        }
        long nd = 0;
        double rd = 0;
        double xd = 0;
        double yd = 0;
        long nl = 0;
        double rl = 0;
        double xl = 0;
        double yl = 0;
        for (int k = 0; k < RATIO_BINS; k++) {
            if (k <= split) {
                nd += binN[k];
                rd += binN[k] * (k + 0.5);
                xd += binX[k];
                yd += binY[k];
            } else {
                nl += binN[k];
                rl += binN[k] * (k + 0.5);
                xl += binX[k];
                yl += binY[k];
            }
        }
        if (nd < CAST_MIN * all || nl < CAST_MIN * all || (rl / nl - rd / nd) / RATIO_BINS < FUR_GAP
                || Math.hypot(xl / nl - xd / nd, yl / nl - yd / nd) < CAST_OFFSET * Math.sqrt(all)) {
            return false;
        }
        // the lighter group: shade pixels from the split's ratio up
        float cut = (float) (split + 1) / RATIO_BINS;
        for (int y = y0; y <= y1; y++) {
            for (int p = y * w + x0, e = y * w + x1; p <= e; p++) {
                if ((member[p] & IN) != 0 && shade[p] != 0 && ratio(p) >= cut) {
                    member[p] |= CAST;
                }
            }
        }
        return true;
    }

    /**
     * A cast shadow that is darker than its caster (a tabby lying on a raised perch, its shadow on the floor
     * below) escapes {@link #castShadowCut}, which takes the lighter group for the shadow. Texture tells them
     * apart whatever their brightness: the shadow darkens the floor evenly, so its brightness ratio to the floor
     * is smooth from pixel to pixel, while fur has its own stripes and spots. A shade pixel is the cast shadow
     * when most shade pixels around it are smooth; the shadow is left out of the reported position when it is a
     * fair share of the blob, the rest is too (not counting the rest's rim: round a solid coat, as smooth as a
     * shadow, only the rim would be left), it lies to one side of the rest, and the floor's edges show through it
     * ({@link #showsTheFloor}).
     *
     * @param member the blob's pixels ({@link #IN}) in its box; receives {@link #SMOOTH} and {@link #CAST} marks
     * @return whether the pixels marked {@link #CAST} are a cast shadow to leave out
     */
    private boolean smoothShadowCut(byte[] member, int x0, int y0, int x1, int y1) {
        byte[] shade = motion.shade;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int p = y * w + x;
                if ((member[p] & IN) != 0 && shade[p] != 0 && smooth(member, p, x, y, x0, y0, x1, y1)) {
                    member[p] |= SMOOTH;
                }
            }
        }
        float[] dist = motion.dist;
        long all = 0;
        long nCast = 0;
        long restCore = 0;
        double xc = 0;
        double yc = 0;
        double xr = 0;
        double yr = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int p = y * w + x;
                if ((member[p] & IN) == 0) {
                    continue;
                }
                all++;
                if (shade[p] != 0 && mostlySmooth(member, shade, x, y, x0, y0, x1, y1)) {
                    member[p] |= CAST;
                    nCast++;
                    xc += x;
                    yc += y;
                } else {
                    xr += x;
                    yr += y;
                    restCore += dist[p] >= 2f ? 1 : 0;
                }
            }
        }
        long nRest = all - nCast;
        // the rest must be a body, not only the rim round a smooth one: a solid coat is as smooth as a shadow
        if (nCast < CAST_MIN * all || restCore < CAST_MIN * all) {
            return false;
        }
        double off = Math.hypot(xc / nCast - xr / nRest, yc / nCast - yr / nRest);
        return off >= CAST_OFFSET * Math.sqrt(all) && showsTheFloor(member, x0, y0, x1, y1);
    }

    /**
     * Whether the floor's own edges (tile grout, a perch's rim, wood grain) show through the pixels marked
     * {@link #CAST}, as through a shadow, rather than being hidden, as under fur: a solid coat is as smooth as a
     * shadow, and only where the floor has an edge can the two be told apart. Without such edges it says no.
     */
    private boolean showsTheFloor(byte[] member, int x0, int y0, int x1, int y1) {
        int edges = 0;
        int shown = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = y * w + x;
                if ((member[p] & CAST) == 0) {
                    continue;
                }
                float r = ratio(p);
                for (int q = p + 1; q <= p + w; q += w - 1) {
                    if ((member[q] & CAST) == 0) {
                        continue;
                    }
                    float db = lum(motion.bg, p) - lum(motion.bg, q);
                    if (Math.abs(db) < FLOOR_EDGE) {
                        continue;
                    }
                    edges++;
                    shown += followsFloor(p, q, r) ? 1 : 0;
                }
            }
        }
        return edges >= MIN_FLOOR_EDGES && shown >= SHOWN_SHARE * edges;
    }

    /**
     * Whether a shade pixel's brightness changes to each neighbour in the blob as the floor's does under a
     * shadow: by the floor's own change, scaled by the pixel's ratio (a shadow dims) or not (a shadow
     * subtracts), give or take {@link #SMOOTH_STEP}. So the tiles' grout and a perch's edge seen through the
     * shadow stay smooth, while fur's stripes, which the floor does not have, do not.
     */
    private boolean smooth(byte[] member, int p, int x, int y, int x0, int y0, int x1, int y1) {
        float r = ratio(p);
        return (x == x0 || (member[p - 1] & IN) == 0 || followsFloor(p, p - 1, r))
                && (x == x1 || (member[p + 1] & IN) == 0 || followsFloor(p, p + 1, r))
                && (y == y0 || (member[p - w] & IN) == 0 || followsFloor(p, p - w, r))
                && (y == y1 || (member[p + w] & IN) == 0 || followsFloor(p, p + w, r));
    }

    private boolean followsFloor(int p, int q, float r) {
        float db = lum(motion.bg, p) - lum(motion.bg, q);
        float df = (float) ((lum(motion.px, p) - lum(motion.px, q)) * motion.gain());
        float lo = Math.min(r * db, db) - SMOOTH_STEP;
        float hi = Math.max(r * db, db) + SMOOTH_STEP;
        return df >= lo && df <= hi;
    }

    /** Whether most of the blob's shade pixels within {@link #SMOOTH_REACH} of (x, y) are smooth. */
    private boolean mostlySmooth(byte[] member, byte[] shade, int x, int y, int x0, int y0, int x1, int y1) {
        int nShade = 0;
        int nSmooth = 0;
        for (int yy = Math.max(y0, y - SMOOTH_REACH); yy <= Math.min(y1, y + SMOOTH_REACH); yy++) {
            for (int xx = Math.max(x0, x - SMOOTH_REACH); xx <= Math.min(x1, x + SMOOTH_REACH); xx++) {
                int q = yy * w + xx;
                if ((member[q] & IN) != 0 && shade[q] != 0) {
                    nShade++;
                    nSmooth += (member[q] & SMOOTH) != 0 ? 1 : 0;
                }
            }
        }
        return 2 * nSmooth > nShade;
    }

    /** Brightness of a working pixel as a share of the floor's under it, the frame levelled by the global gain. */
    private float ratio(int p) {
        int q = 3 * p;
        float[] bg = motion.bg;
        byte[] px = motion.px;
        float lb = bg[q] + bg[q + 1] + bg[q + 2];
        float lf = ((px[q] & 0xff) + (px[q + 1] & 0xff) + (px[q + 2] & 0xff)) * (float) motion.gain();
        return lb > 1 ? lf / lb : 1f;
    }

    /** Whether a core pixel (at least r from the edge) of the refined blob lies within r + 0.5 of (x, y). */
    private boolean nearCore(int x, int y, int k, float r, float reach, int x0, int y0, int x1, int y1) {
        float[] dist = motion.dist;
        for (int yy = Math.max(y0, y - k); yy <= Math.min(y1, y + k); yy++) {
            int dy = yy - y;
            for (int xx = Math.max(x0, x - k); xx <= Math.min(x1, x + k); xx++) {
                int dx = xx - x;
                int q = yy * w + xx;
                if (dx * dx + dy * dy <= reach && dist[q] >= r && (member[q] & IN) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An animal has an outline in the frame; the hole it leaves in a stale background has its outline in the
     * background instead. Compares brightness gradients along the blob's edge in both.
     */
    private boolean isGhost(int label, int x0, int y0, int x1, int y1) {
        byte[] px = motion.px;
        float[] bg = motion.bg;
        float[] dist = motion.dist;
        double g = motion.gain();
        double inFrame = 0;
        double inBackground = 0;
        for (int y = Math.max(1, y0); y <= Math.min(h - 2, y1); y++) {
            for (int x = Math.max(1, x0); x <= Math.min(w - 2, x1); x++) {
                int p = y * w + x;
                if (labels[p] != label || dist[p] > 1.5f) {
                    continue;
                }
                inFrame += Math.abs(lum(px, p + 1) - lum(px, p - 1)) + Math.abs(lum(px, p + w) - lum(px, p - w));
                inBackground += Math.abs(lum(bg, p + 1) - lum(bg, p - 1)) + Math.abs(lum(bg, p + w) - lum(bg, p - w));
            }
        }
        return inFrame * g < 0.6 * inBackground;
    }

    private static int lum(byte[] px, int p) {
        int q = 3 * p;
        return (px[q] & 0xff) + (px[q + 1] & 0xff) + (px[q + 2] & 0xff);
    }

    private static float lum(float[] bg, int p) {
        int q = 3 * p;
        return bg[q] + bg[q + 1] + bg[q + 2];
    }

    private void markGhost(int label, int x0, int y0, int x1, int y1) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (labels[y * w + x] == label) {
                    motion.ghost[y * w + x] = 1;
                }
            }
        }
    }

    /** Converts working-pixel sums to a blob in source pixels; returns its index or -1 when full. */
    int addScaled(Blobs out, long n, double sx, double sy, double sxx, double syy, double sxy, double sd,
                   int x0, int y0, int x1, int y1, int label) {
        double fx = motion.sx;
        double fy = motion.sy;
        double mx = sx / n;
        double my = sy / n;
        // a working pixel covers fx x fy source pixels: add its own spread (1/12 of its size squared)
        double vxx = (sxx / n - mx * mx + 1.0 / 12) * fx * fx;
        double vyy = (syy / n - my * my + 1.0 / 12) * fy * fy;
        double vxy = (sxy / n - mx * my) * fx * fy;
        boolean border = x0 == 0 || y0 == 0 || x1 == w - 1 || y1 == h - 1;
        return out.add(n * fx * fy, (mx + 0.5) * fx - 0.5, (my + 0.5) * fy - 0.5, vxx, vyy, vxy,
                x0 * fx, y0 * fy, (x1 + 1) * fx, (y1 + 1) * fy, border, sd / n, label);
    }

    /**
     * Learns the coat of the animal ({@code animal} 0: the cat, 1: the rat) the tracker gave blob {@code b} while the
     * two were apart: the colours of its pixels that are not evenly darker than the floor (its shadow's).
     */
    public void learnLook(Blobs blobs, int b, int animal) {
        int label = blobs.label[b];
        if (label <= 0) {
            return;
        }
        labelBox(blobs, b);
        byte[] px = motion.px;
        byte[] shade = motion.shade;
        looks.begin();
        for (int y = box[1]; y <= box[3]; y++) {
            for (int x = box[0], p = y * w + x; x <= box[2]; x++, p++) {
                if (labels[p] == label && shade[p] == 0) {
                    looks.add(Looks.bin(px, p));
                }
            }
        }
        looks.end(animal, minPixels);
    }

    /**
     * Blob {@code b}'s box in working pixels, every pixel of its label inside, into {@link #box} (x0, y0, x1, y1,
     * inclusive).
     */
    private void labelBox(Blobs blobs, int b) {
        box[0] = Math.max(0, (int) Math.floor(blobs.minX[b] / motion.sx));
        box[1] = Math.max(0, (int) Math.floor(blobs.minY[b] / motion.sy));
        box[2] = Math.min(w - 1, (int) Math.ceil(blobs.maxX[b] / motion.sx));
        box[3] = Math.min(h - 1, (int) Math.ceil(blobs.maxY[b] / motion.sy));
    }

    /** Forgets the coats (the tracks started afresh). */
    public void forgetLooks() {
        looks.reset();
    }

    /**
     * Splits blob {@code b} into two parts around two seeds: each pixel goes to the part whose Gaussian
     * (isotropic, spread from the expected area) explains it best, so a small rat pressed against a big cat
     * does not take half the cat; once both coats are known ({@link Looks}), also the one whose coat its colour
     * fits better. Three rounds of moving the seeds to their parts' means.
     */
    public boolean split(Blobs blobs, int b, double[] seeds, double[] areas, Blobs out) {
        out.clear();
        int label = blobs.label[b];
        if (label <= 0) {
            return false;
        }
        double fx = motion.sx;
        double fy = motion.sy;
        labelBox(blobs, b);
        int x0 = box[0];
        int y0 = box[1];
        int x1 = box[2];
        int y1 = box[3];
        double ax = (seeds[0] + 0.5) / fx - 0.5;
        double ay = (seeds[1] + 0.5) / fy - 0.5;
        double bx = (seeds[2] + 0.5) / fx - 0.5;
        double by = (seeds[3] + 0.5) / fy - 0.5;
        double va = Math.max(1, areas[0] / (fx * fy) / (4 * Math.PI));
        double vb = Math.max(1, areas[1] / (fx * fy) / (4 * Math.PI));
        double la = Math.log(va);
        double lb = Math.log(vb);
        // the terms below are twice a Gaussian's negative log-likelihood: so is the coats' (first animal: the cat)
        boolean byCoat = looks.known();
        byte[] px = motion.px;
        for (int round = 0; round < 4; round++) {
            Arrays.fill(acc, 0);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    if (labels[y * w + x] != label) {
                        continue;
                    }
                    double da = ((x - ax) * (x - ax) + (y - ay) * (y - ay)) / va + la;
                    double db = ((x - bx) * (x - bx) + (y - by) * (y - by)) / vb + lb;
                    if (byCoat) {
                        db -= 2 * looks.ratOverCat(Looks.bin(px, y * w + x));
                    }
                    int o = da <= db ? 0 : 6;
                    acc[o]++;
                    acc[o + 1] += x;
                    acc[o + 2] += y;
                    acc[o + 3] += (double) x * x;
                    acc[o + 4] += (double) y * y;
                    acc[o + 5] += (double) x * y;
                }
            }
            if (acc[0] < 3 || acc[6] < 3) {
                return false;
            }
            if (round < 3) {
                ax = acc[1] / acc[0];
                ay = acc[2] / acc[0];
                bx = acc[7] / acc[6];
                by = acc[8] / acc[6];
            }
        }
        for (int o = 0; o <= 6; o += 6) {
            double n = acc[o];
            double mx = acc[o + 1] / n;
            double my = acc[o + 2] / n;
            double sdx = Math.sqrt(Math.max(0, acc[o + 3] / n - mx * mx));
            double sdy = Math.sqrt(Math.max(0, acc[o + 4] / n - my * my));
            addScaled(out, (long) n, acc[o + 1], acc[o + 2], acc[o + 3], acc[o + 4], acc[o + 5],
                    blobs.contrast[b] * n, // contrast is not split: keep the whole blob's
                    Math.max(0, (int) (mx - 2 * sdx)), Math.max(0, (int) (my - 2 * sdy)),
                    Math.min(w - 1, (int) (mx + 2 * sdx)), Math.min(h - 1, (int) (my + 2 * sdy)), label);
        }
        return true;
    }
}
