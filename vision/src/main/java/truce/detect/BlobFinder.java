package truce.detect;

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
    private final int minPixels;

    public BlobFinder(MotionMask motion, int minPixels) {
        this.motion = motion;
        this.w = motion.w;
        this.h = motion.h;
        this.labels = new int[w * h];
        this.stack = new int[w * h];
        this.minPixels = minPixels;
    }

    public void find(Blobs out) {
        out.clear();
        byte[] mask = motion.mask;
        short[] diff = motion.diff;
        java.util.Arrays.fill(labels, 0);
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
                addScaled(out, n, sx, sy, sxx, syy, sxy, sd, x0, y0, x1, y1, label);
            }
        }
    }

    /** Converts working-pixel sums to a blob in source pixels. */
    void addScaled(Blobs out, long n, double sx, double sy, double sxx, double syy, double sxy, double sd,
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
        out.add(n * fx * fy, (mx + 0.5) * fx - 0.5, (my + 0.5) * fy - 0.5, vxx, vyy, vxy,
                x0 * fx, y0 * fy, (x1 + 1) * fx, (y1 + 1) * fy, border, sd / n, label);
    }

    /**
     * Splits blob {@code b} into two parts around two seeds: each pixel goes to the part whose Gaussian
     * (isotropic, spread from the expected area) explains it best, so a small rat pressed against a big cat
     * does not take half the cat. Three rounds of moving the seeds to their parts' means.
     */
    public boolean split(Blobs blobs, int b, double[] seeds, double[] areas, Blobs out) {
        out.clear();
        int label = blobs.label[b];
        if (label <= 0) {
            return false;
        }
        double fx = motion.sx;
        double fy = motion.sy;
        int x0 = (int) Math.floor(blobs.minX[b] / fx);
        int y0 = (int) Math.floor(blobs.minY[b] / fy);
        int x1 = Math.min(w - 1, (int) Math.ceil(blobs.maxX[b] / fx));
        int y1 = Math.min(h - 1, (int) Math.ceil(blobs.maxY[b] / fy));
        double ax = (seeds[0] + 0.5) / fx - 0.5;
        double ay = (seeds[1] + 0.5) / fy - 0.5;
        double bx = (seeds[2] + 0.5) / fx - 0.5;
        double by = (seeds[3] + 0.5) / fy - 0.5;
        double va = Math.max(1, areas[0] / (fx * fy) / (4 * Math.PI));
        double vb = Math.max(1, areas[1] / (fx * fy) / (4 * Math.PI));
        double la = Math.log(va);
        double lb = Math.log(vb);
        double[] acc = new double[12];
        for (int round = 0; round < 4; round++) {
            java.util.Arrays.fill(acc, 0);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    if (labels[y * w + x] != label) {
                        continue;
                    }
                    double da = ((x - ax) * (x - ax) + (y - ay) * (y - ay)) / va + la;
                    double db = ((x - bx) * (x - bx) + (y - by) * (y - by)) / vb + lb;
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
