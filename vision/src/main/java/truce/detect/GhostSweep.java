package truce.detect;

import java.util.Arrays;

/**
 * The classic ghost test of background subtraction, run on parts of the mask rather than whole blobs. A
 * ghost (floor showing where the background still holds an animal that has since moved, or a seeded
 * background that kept a resting cat) has its outline in the BACKGROUND; a real animal has its outline in the
 * FRAME. A ghost joined to the live cat is one blob whose outline has both, so the whole-blob test in
 * {@link BlobFinder} cannot see it, and the background never learns inside the tracked cat's box.
 * <p>
 * Every few frames the mask is cut along the frame's own edges: the parts left are connected foreground
 * pixels with no edge in the frame. An animal's outline is such an edge, so a part reaches the mask's border
 * only where the frame shows no outline. A part is a ghost when its border has a clear edge in the background,
 * far stronger than in the frame, it lies mostly free (not held by the rest of an animal), its frame kept still
 * for a second, and it shows the colour of the floor around (see {@link #floorInFrame}): the background takes
 * the frame there at once and the pixels leave this frame's mask. No allocation after construction.
 */
final class GhostSweep {
    /** Frames between sweeps: a ghost keeps still, so a few frames' delay costs little. */
    static final int PERIOD = 4;
    /** Colour gradient (sum over B, G, R of two central differences) that counts as an edge in the frame. */
    private final float edge;
    /** Smallest mean background gradient along a part's border for it to be a ghost's outline. */
    private final float outline;
    /** Smallest number of border pixels to judge a part on. */
    static final int MIN_BORDER = 6;
    /** The background's border gradient must exceed the frame's by this factor. */
    static final float BG_OVER_FRAME = 1.8f;
    private final int w;
    private final int h;
    private final int minPixels;
    private final int[] label;
    private final int[] stack;
    private final int[] size;
    private final int[] border;
    private final int[] gradFrame;
    private final int[] gradBg;
    /** Per part: pixels that did not keep still for {@link #STILL_SWEEPS} sweeps. */
    private final int[] change;
    /**
     * Per part: pixels next to an edge of the frame's own (not the floor's texture) rather than to the floor. A ghost
     * lies mostly free with its own outline and touches the live animal along a short stretch; a piece of an
     * animal cut off by an edge of its own (a white rat's back over a white box's rim) is held mostly by the
     * rest of the animal.
     */
    private final int[] inner;
    private final float[] gradF;
    private final byte[] last;
    /** Per pixel: sweeps in a row it kept still, up to {@link #STILL_SWEEPS}. */
    private final byte[] still;
    /** Sweeps a ghost must have kept still: about a second. */
    static final int STILL_SWEEPS = 8;
    /** Change (sum over B, G, R) between sweeps that still counts as keeping still: noise and JPEG. */
    static final int STILL_DIFF = 12;
    private final int[] step;
    /** Per part: box (x0, y0, x1, y1), sums of the levelled frame's and the background's B, G, R, verdict. */
    private final int[] box;
    private final float[] frameSum;
    private final float[] bgSum;
    private final byte[] verdict;
    private final int[] histogram = new int[3 * 256];
    private boolean haveLast;
    private long frames;
    private long healed;

    GhostSweep(int w, int h, double thresholdAbs, int minPixels) {
        this.w = w;
        this.h = h;
        this.minPixels = minPixels;
        this.edge = (float) (3 * thresholdAbs);
        this.outline = (float) (1.5 * thresholdAbs);
        int n = w * h;
        label = new int[n];
        stack = new int[n];
        size = new int[n + 1];
        border = new int[n + 1];
        gradFrame = new int[n + 1];
        gradBg = new int[n + 1];
        change = new int[n + 1];
        inner = new int[n + 1];
        gradF = new float[n];
        last = new byte[n * 3];
        still = new byte[n];
        step = new int[] {-1, 1, -w, w};
        box = new int[4 * (n + 1)];
        frameSum = new float[3 * (n + 1)];
        bgSum = new float[3 * (n + 1)];
        verdict = new byte[n + 1];
    }

    /** Pixels healed so far (for tests and diagnostics). */
    long healed() {
        return healed;
    }

    /**
     * Once every {@link #PERIOD} frames: finds ghost parts of {@code mask} (0/1), copies the frame (levelled by
     * {@code gain}) into {@code bg} there and clears them from {@code mask}, {@code diff} and {@code shade}.
     * Returns the number of pixels healed this frame.
     */
    int sweep(byte[] px, float[] bg, byte[] mask, short[] diff, byte[] shade, double gain) {
        if (++frames % PERIOD != 0) {
            return 0;
        }
        if (!haveLast) {
            System.arraycopy(px, 0, last, 0, px.length);
            haveLast = true;
            return 0;
        }
        float g = (float) gain;
        countStill(px);
        int parts = cut(px, mask, g);
        int n = 0;
        if (parts > 0) {
            judge(px, bg, mask, g, parts);
            decide(mask, bg, parts);
            n = heal(px, bg, mask, diff, shade, g);
        }
        System.arraycopy(px, 0, last, 0, px.length);
        healed += n;
        return n;
    }

    /**
     * Sweeps each pixel has kept still for (within about 4 levels a channel of the last sweep): a ghost keeps
     * still for good, an animal that merely pauses over an edge of the floor (a white rat at a white box's
     * rim) soon moves again.
     */
    private void countStill(byte[] px) {
        for (int i = 0, q = 0; i < still.length; i++, q += 3) {
            int d = Math.abs((px[q] & 0xff) - (last[q] & 0xff)) + Math.abs((px[q + 1] & 0xff) - (last[q + 1] & 0xff))
                    + Math.abs((px[q + 2] & 0xff) - (last[q + 2] & 0xff));
            still[i] = d < STILL_DIFF ? (byte) Math.min(STILL_SWEEPS, still[i] + 1) : 0;
        }
    }

    /** Labels the connected foreground pixels without an edge in the frame; returns the number of parts. */
    private int cut(byte[] px, byte[] mask, float g) {
        int parts = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                label[i] = 0;
                if (mask[i] == 0 || x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    gradF[i] = Float.MAX_VALUE;
                    continue;
                }
                gradF[i] = g * gradient(px, i);
            }
        }
        for (int start = 0; start < label.length; start++) {
            if (label[start] != 0 || gradF[start] > edge) {
                continue;
            }
            int id = ++parts;
            size[id] = 0;
            border[id] = 0;
            gradFrame[id] = 0;
            gradBg[id] = 0;
            change[id] = 0;
            inner[id] = 0;
            box[4 * id] = w;
            box[4 * id + 1] = h;
            box[4 * id + 2] = -1;
            box[4 * id + 3] = -1;
            for (int c = 0; c < 3; c++) {
                frameSum[3 * id + c] = 0;
                bgSum[3 * id + c] = 0;
            }
            int top = 0;
            stack[top++] = start;
            label[start] = id;
            while (top > 0) {
                int p = stack[--top];
                size[id]++;
                int x = p % w;
                int y = p / w;
                box[4 * id] = Math.min(box[4 * id], x);
                box[4 * id + 1] = Math.min(box[4 * id + 1], y);
                box[4 * id + 2] = Math.max(box[4 * id + 2], x);
                box[4 * id + 3] = Math.max(box[4 * id + 3], y);
                for (int k = 0; k < 4; k++) {
                    int q = p + step[k];
                    if (label[q] == 0 && gradF[q] <= edge) {
                        label[q] = id;
                        stack[top++] = q;
                    }
                }
            }
        }
        return parts;
    }

    /** Sums, per part, the frame's and the background's gradients on its border pixels and its change. */
    private void judge(byte[] px, float[] bg, byte[] mask, float g, int parts) {
        for (int i = 0; i < label.length; i++) {
            int id = label[i];
            if (id == 0) {
                continue;
            }
            int q = 3 * i;
            for (int c = 0; c < 3; c++) {
                frameSum[3 * id + c] += g * (px[q + c] & 0xff);
                bgSum[3 * id + c] += bg[q + c];
            }
            if (still[i] < STILL_SWEEPS) {
                change[id]++;
            }
            if (mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - w] == 0 || mask[i + w] == 0) {
                border[id]++;
                gradFrame[id] += (int) gradF[i];
                gradBg[id] += (int) gradient(bg, i);
            } else if (ownEdge(bg, i - 1) || ownEdge(bg, i + 1) || ownEdge(bg, i - w) || ownEdge(bg, i + w)) {
                inner[id]++;
            }
        }
    }

    /**
     * Whether mask pixel {@code q} is an edge the frame has and the background has not: an animal's outline or
     * its markings, not the floor's texture (a board's seam runs through the ghost in both).
     */
    private boolean ownEdge(float[] bg, int q) {
        if (label[q] != 0 || gradF[q] == Float.MAX_VALUE) {
            return false;
        }
        return gradF[q] > BG_OVER_FRAME * gradient(bg, q);
    }

    /** Decides every part once: 1 for a ghost. */
    private void decide(byte[] mask, float[] bg, int parts) {
        for (int id = 1; id <= parts; id++) {
            verdict[id] = ghostOutline(id) && floorInFrame(id, mask, bg) ? (byte) 1 : 0;
        }
    }

    /**
     * An edge in the background and none in the frame says only that one of them is wrong inside the part: a
     * cat lying on its own faded ghost shows the same where the mask's border runs through its fur. The floor
     * around the part says which: in a ghost the frame shows the floor's colour and the background does not.
     * The part's mean colour in the frame must lie far closer than its mean colour in the background to the
     * floor's median colour in a ring around the part's box (as wide as half the box; the median, since a
     * ring may catch the faded rest of the ghost, a leash or a board of another shade).
     */
    private boolean floorInFrame(int id, byte[] mask, float[] bg) {
        int x0 = box[4 * id];
        int y0 = box[4 * id + 1];
        int x1 = box[4 * id + 2];
        int y1 = box[4 * id + 3];
        int m = Math.max(3, Math.max(x1 - x0, y1 - y0) / 2);
        Arrays.fill(histogram, 0);
        int n = 0;
        for (int y = Math.max(0, y0 - m); y <= Math.min(h - 1, y1 + m); y++) {
            for (int x = Math.max(0, x0 - m); x <= Math.min(w - 1, x1 + m); x++) {
                if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                    x = x1;
                    continue;
                }
                int i = y * w + x;
                if (mask[i] == 0) {
                    int q = 3 * i;
                    for (int c = 0; c < 3; c++) {
                        histogram[256 * c + Math.min(255, (int) bg[q + c])]++;
                    }
                    n++;
                }
            }
        }
        if (n < size[id]) {
            return false;
        }
        double k = size[id];
        double toFrame = 0;
        double toBg = 0;
        for (int c = 0; c < 3; c++) {
            int median = 0;
            for (int acc = 0; median < 255 && (acc += histogram[256 * c + median]) < (n + 1) / 2; median++) {
                // walks up to the middle of the ring's floor
            }
            toFrame += Math.abs(frameSum[3 * id + c] / k - median);
            toBg += Math.abs(bgSum[3 * id + c] / k - median);
        }
        return toFrame < FLOOR_CLOSER * toBg;
    }

    /** The frame's mean must lie this much closer to the floor around than the background's does. */
    static final double FLOOR_CLOSER = 0.5;

    private boolean ghostOutline(int id) {
        int b = border[id];
        // a part that reaches the frame's edge is left alone: an owner's arm reaching in keeps still with a
        // skin as pale as the floor and no edge of its own along the arm
        boolean atEdge = box[4 * id] <= 1 || box[4 * id + 1] <= 1 || box[4 * id + 2] >= w - 2
                || box[4 * id + 3] >= h - 2;
        return !atEdge && size[id] >= 2 * minPixels && b >= MIN_BORDER && b >= 2 * inner[id]
                && gradBg[id] >= outline * b
                && gradBg[id] >= BG_OVER_FRAME * gradFrame[id]
                && change[id] * 10 < size[id]; // nine tenths of it kept still for a second
    }

    private int heal(byte[] px, float[] bg, byte[] mask, short[] diff, byte[] shade, float g) {
        int n = 0;
        for (int i = 0; i < label.length; i++) {
            int id = label[i];
            if (id == 0 || verdict[id] == 0) {
                continue;
            }
            int q = 3 * i;
            bg[q] = Math.min(255, g * (px[q] & 0xff));
            bg[q + 1] = Math.min(255, g * (px[q + 1] & 0xff));
            bg[q + 2] = Math.min(255, g * (px[q + 2] & 0xff));
            mask[i] = 0;
            diff[i] = 0;
            shade[i] = 0;
            n++;
        }
        return n;
    }

    private float gradient(byte[] a, int i) {
        int l = 3 * (i - 1);
        int r = 3 * (i + 1);
        int u = 3 * (i - w);
        int d = 3 * (i + w);
        int s = 0;
        for (int c = 0; c < 3; c++) {
            s += Math.abs((a[r + c] & 0xff) - (a[l + c] & 0xff)) + Math.abs((a[d + c] & 0xff) - (a[u + c] & 0xff));
        }
        return s;
    }

    private float gradient(float[] a, int i) {
        int l = 3 * (i - 1);
        int r = 3 * (i + 1);
        int u = 3 * (i - w);
        int d = 3 * (i + w);
        float s = 0;
        for (int c = 0; c < 3; c++) {
            s += Math.abs(a[r + c] - a[l + c]) + Math.abs(a[d + c] - a[u + c]);
        }
        return s;
    }
}
