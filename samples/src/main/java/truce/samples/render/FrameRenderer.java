package truce.samples.render;

import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.samples.playpen.Playpen;
import truce.samples.script.Pose;
import truce.samples.script.ScriptFrame;

/**
 * Draws one scene frame by frame: the static playpen, shadows, toy, rat, cat, roofs, barrier glare, hand; then
 * the camera (motion blur, light drift and lamp steps, sensor noise). Beside the picture it draws a label mask from
 * the same shapes, and measures each animal's truth (visible share, body centroid) on it.
 * <p>
 * All Mats are allocated once per scene and reused; call {@link #release()} at the end.
 */
public final class FrameRenderer {
    private static final int NOISE_PAD = 16;
    private static final int NOISE_VARIANTS = 8;

    private final Look look;
    private final double s;
    private final double fps;
    private final int w, h;
    private final boolean camera;
    private final SplittableRandom rng;

    private final Mat bg, frame, labels, shadow, scratch, blurBuf;
    private final AnimalPainter catPainter, ratPainter;
    private final PropPainter props;
    private final Mat roof, roofMask;
    private final Mat[] roofSub, roofMaskSub, frameRoofSub, labelRoofSub;
    private final Mat glass, frameGlassSub;
    private final Mat reflection, reflectionSub;
    private final truce.samples.playpen.Box barrier;
    private final double catLength;
    private final boolean leash;
    private final double anchorX, anchorY, sagSign;
    private final double[] ring = new double[2];
    private final org.opencv.core.Point[] leashPts = new org.opencv.core.Point[9];
    private final org.opencv.core.MatOfPoint leashMat = new org.opencv.core.MatOfPoint();
    private final Scalar leashColour;
    private final Mat noisePos, noiseNeg;
    private final Mat[] noisePosSub = new Mat[NOISE_VARIANTS], noiseNegSub = new Mat[NOISE_VARIANTS];
    private final double[] gains = new double[3];
    private final Scalar gainScalar = new Scalar(1, 1, 1);
    private final Scalar shadowScalar;
    private final Scalar zero1 = new Scalar(0), roofLabel = new Scalar(Labels.ROOF);
    private final Scalar catId = new Scalar(Labels.CAT), ratId = new Scalar(Labels.RAT);
    private final byte[] one = new byte[1];
    private byte[] roi = new byte[0];

    /**
     * @param camera whether to add the camera's effects (light drift, noise, motion blur); off gives clean frames
     */
    public FrameRenderer(Playpen pen, Look look, double catLength, double ratLength, int width, int height, double fps,
                         boolean camera) {
        this.look = look;
        this.w = width;
        this.h = height;
        this.fps = fps;
        this.camera = camera;
        this.s = width / pen.viewWidthCm();
        this.rng = new SplittableRandom(look.textureSeed() ^ 0x5DEECE66DL);
        PlaypenPainter pp = new PlaypenPainter(pen, look, width, height);
        bg = pp.background();
        frame = new Mat(h, w, CvType.CV_8UC3);
        labels = new Mat(h, w, CvType.CV_8UC1);
        shadow = new Mat(h, w, CvType.CV_8UC1);
        scratch = new Mat(h, w, CvType.CV_8UC1);
        blurBuf = new Mat(h, w, CvType.CV_8UC3);
        catPainter = new AnimalPainter(Species.CAT, look.cat(), catLength, s);
        ratPainter = new AnimalPainter(Species.RAT, look.rat(), ratLength, s);
        props = new PropPainter(look, s);
        roof = new Mat(h, w, CvType.CV_8UC3);
        roofMask = new Mat(h, w, CvType.CV_8UC1);
        pp.roofs(roof, roofMask);
        Rect[] rr = pp.roofRects();
        roofSub = new Mat[rr.length];
        roofMaskSub = new Mat[rr.length];
        frameRoofSub = new Mat[rr.length];
        labelRoofSub = new Mat[rr.length];
        for (int i = 0; i < rr.length; i++) {
            roofSub[i] = roof.submat(rr[i]);
            roofMaskSub[i] = roofMask.submat(rr[i]);
            frameRoofSub[i] = frame.submat(rr[i]);
            labelRoofSub[i] = labels.submat(rr[i]);
        }
        Rect gr = pp.barrierRect();
        glass = gr == null ? null : pp.glass(gr);
        frameGlassSub = gr == null ? null : frame.submat(gr);
        reflection = gr == null ? null : new Mat(h, w, CvType.CV_8UC3);
        reflectionSub = gr == null ? null : reflection.submat(gr);
        barrier = pen.barrier();
        this.catLength = catLength;
        // Stage 5 (no barrier): the cat wears a harness, its leash held by someone outside the pen.
        leash = barrier == null && rng.nextDouble() < 0.75;
        int edge = rng.nextInt(4);
        double u = 0.2 + 0.6 * rng.nextDouble();
        anchorX = edge == 0 ? -5 : edge == 1 ? w + 5 : u * w;
        anchorY = edge == 2 ? -5 : edge == 3 ? h + 5 : u * h;
        sagSign = rng.nextBoolean() ? 1 : -1;
        for (int i = 0; i < leashPts.length; i++) {
            leashPts[i] = new org.opencv.core.Point();
        }
        leashColour = new Scalar(look.harness().val[0] * 0.7, look.harness().val[1] * 0.7, look.harness().val[2] * 0.7);
        double sh = 40 + 25 * rng.nextDouble();
        shadowScalar = new Scalar(sh, sh, sh);
        noisePos = new Mat(h + NOISE_PAD, w + NOISE_PAD, CvType.CV_8UC3);
        noiseNeg = new Mat(h + NOISE_PAD, w + NOISE_PAD, CvType.CV_8UC3);
        if (camera) {
            fillNoise(noisePos, noiseNeg, look.noiseSigma());
        } else {
            noisePos.setTo(new Scalar(0, 0, 0));
            noiseNeg.setTo(new Scalar(0, 0, 0));
        }
        for (int i = 0; i < NOISE_VARIANTS; i++) {
            int ox = rng.nextInt(NOISE_PAD), oy = rng.nextInt(NOISE_PAD);
            noisePosSub[i] = noisePos.submat(oy, oy + h, ox, ox + w);
            ox = rng.nextInt(NOISE_PAD);
            oy = rng.nextInt(NOISE_PAD);
            noiseNegSub[i] = noiseNeg.submat(oy, oy + h, ox, ox + w);
        }
    }

    /** Sensor noise, split into what it adds and what it takes away (saturating 8-bit arithmetic). */
    private void fillNoise(Mat pos, Mat neg, double sigma) {
        int n = pos.rows() * pos.cols() * 3;
        byte[] p = new byte[n], q = new byte[n];
        for (int i = 0; i < n; i++) {
            // a triangular distribution with the wanted spread is close enough to Gaussian here
            double v = (rng.nextDouble() + rng.nextDouble() - 1) * sigma * 2.45;
            if (v > 0) {
                p[i] = (byte) Math.min(255, (int) Math.round(v));
            } else {
                q[i] = (byte) Math.min(255, (int) Math.round(-v));
            }
        }
        pos.put(0, 0, p);
        neg.put(0, 0, q);
    }

    /** The picture of the last rendered frame (owned by the renderer; valid until the next render). */
    public Mat frame() {
        return frame;
    }

    /** The label mask of the last rendered frame ({@link Labels}); owned by the renderer. */
    public Mat labels() {
        return labels;
    }

    public double pxPerCm() {
        return s;
    }

    /** Renders frame {@code index} of the script and measures the animals' truth on the drawn pixels. */
    public FrameTruth render(ScriptFrame f, int index) {
        double t = index / fps;
        bg.copyTo(frame);
        labels.setTo(zero1);
        shadow.setTo(zero1);
        catPainter.layout(f.cat());
        ratPainter.layout(f.rat());
        Rect cr = catPainter.bounds(w, h, 2);
        Rect rr = ratPainter.bounds(w, h, 2);

        if (f.toy() != null) {
            props.toyShadow(shadow, f.toy());
        }
        if (!f.ratUnderCover()) {
            ratPainter.drawShadow(shadow, look.shadowX() * 4 * s, look.shadowY() * 4 * s);
        }
        double catHeight = 12 * f.cat().lift() * (f.cat().raised() ? 4 : 1);
        catPainter.drawShadow(shadow, look.shadowX() * catHeight * s, look.shadowY() * catHeight * s);
        if (f.hand() != null) {
            props.handShadow(shadow, f.hand());
        }
        Core.subtract(frame, shadowScalar, frame, shadow);

        if (leash) {
            drawLeash();
        }
        if (f.toy() != null) {
            props.toy(frame, f.toy());
            props.toyLabels(labels, f.toy());
        }
        int ratTotal = 0, catTotal = 0;
        if (rr != null) {
            ratPainter.draw(frame);
            ratPainter.drawLabels(labels);
            ratTotal = count(ratId, rr);
        }
        if (cr != null) {
            catPainter.draw(frame);
            if (leash) {
                catPainter.drawHarness(frame, look.harness());
            }
            catPainter.drawLabels(labels);
            catTotal = count(catId, cr);
        }
        for (int i = 0; i < roofSub.length; i++) {
            roofSub[i].copyTo(frameRoofSub[i], roofMaskSub[i]);
            labelRoofSub[i].setTo(roofLabel, roofMaskSub[i]);
        }
        if (glass != null) {
            double g = look.glare() * (0.75 + 0.25 * Math.sin(t * 0.4));
            Core.addWeighted(frameGlassSub, 1.0, glass, g, 0, frameGlassSub);
            reflect(f.cat(), g);
        }
        if (f.hand() != null) {
            props.hand(frame, f.hand());
            props.handLabels(labels, f.hand());
        }
        AnimalTruth cat = measure(catId, cr, catTotal);
        AnimalTruth rat = measure(ratId, rr, ratTotal);

        if (camera) {
            blur(f.cat(), cr, Labels.CAT, Labels.CAT_TAIL);
            blur(f.rat(), rr, Labels.RAT, Labels.RAT_TAIL);
            look.gainAt(t, gains);
            gainScalar.val[0] = gains[0];
            gainScalar.val[1] = gains[1];
            gainScalar.val[2] = gains[2];
            Core.multiply(frame, gainScalar, frame);
            Core.add(frame, noisePosSub[rng.nextInt(NOISE_VARIANTS)], frame);
            Core.subtract(frame, noiseNegSub[rng.nextInt(NOISE_VARIANTS)], frame);
        }
        return new FrameTruth(cat, rat);
    }

    /** The leash, from outside the picture to the harness ring, sagging a little on the floor. */
    private void drawLeash() {
        catPainter.harnessRing(ring);
        double dx = ring[0] - anchorX, dy = ring[1] - anchorY;
        double len = Math.hypot(dx, dy);
        double sag = sagSign * (0.08 * len + 6);
        double nx = -dy / Math.max(1, len), ny = dx / Math.max(1, len);
        for (int i = 0; i < leashPts.length; i++) {
            double q = i / (double) (leashPts.length - 1);
            double bow = 4 * q * (1 - q) * sag;
            leashPts[i].x = anchorX + dx * q + nx * bow;
            leashPts[i].y = anchorY + dy * q + ny * bow;
        }
        leashMat.fromArray(leashPts);
        Imgproc.polylines(frame, java.util.List.of(leashMat), false, leashColour, (int) Math.max(1, Math.round(0.6 * s)), Imgproc.LINE_AA);
    }

    /** The cat's faint mirror image in the clear barrier when it is near it. */
    private void reflect(Pose cat, double glare) {
        boolean vertical = barrier.height() > barrier.width();
        double bx = (barrier.x0() + barrier.x1()) / 2, by = (barrier.y0() + barrier.y1()) / 2;
        double dist = vertical ? Math.abs(cat.x() - bx) : Math.abs(cat.y() - by);
        if (dist > catLength * 1.2) {
            return;
        }
        Pose m = vertical
                ? new Pose(2 * bx - cat.x(), cat.y(), Math.PI - cat.heading(), -cat.vx(), cat.vy(), cat.stretch(), cat.width(),
                -cat.bend(), -cat.headYaw(), -cat.tailAngle(), -cat.tailCurl(), cat.lift())
                : new Pose(cat.x(), 2 * by - cat.y(), -cat.heading(), cat.vx(), -cat.vy(), cat.stretch(), cat.width(),
                -cat.bend(), -cat.headYaw(), -cat.tailAngle(), -cat.tailCurl(), cat.lift());
        reflectionSub.setTo(new Scalar(0, 0, 0));
        catPainter.layout(m);
        catPainter.draw(reflection);
        Core.addWeighted(frameGlassSub, 1.0, reflectionSub, 0.45 * glare * (1 - dist / (catLength * 1.2)), 0, frameGlassSub);
        catPainter.layout(cat);
    }

    private int count(Scalar id, Rect r) {
        Mat lab = labels.submat(r);
        Mat tmp = scratch.submat(r);
        Core.compare(lab, id, tmp, Core.CMP_EQ);
        int n = Core.countNonZero(tmp);
        lab.release();
        tmp.release();
        return n;
    }

    /** Centroid of the visible body pixels; if that falls off the body (a body cut in two), the nearest one. */
    private AnimalTruth measure(Scalar id, Rect r, int total) {
        if (r == null || total == 0) {
            return new AnimalTruth(Double.NaN, Double.NaN, false, total, 0, null);
        }
        Mat lab = labels.submat(r);
        Mat tmp = scratch.submat(r);
        try {
            Core.compare(lab, id, tmp, Core.CMP_EQ);
            var m = Imgproc.moments(tmp, true);
            int n = (int) Math.round(m.m00);
            if (n < 4 || n < AnimalTruth.MIN_VISIBLE_SHARE * total) {
                return new AnimalTruth(Double.NaN, Double.NaN, false, total, n, null);
            }
            double x = round1(m.m10 / m.m00 + r.x), y = round1(m.m01 / m.m00 + r.y);
            int cx = (int) Math.round(x) - r.x, cy = (int) Math.round(y) - r.y;
            boolean on = cx >= 0 && cy >= 0 && cx < r.width && cy < r.height && tmp.get(cy, cx, one) > 0 && one[0] != 0;
            if (!on) {
                int size = r.width * r.height;
                if (roi.length < size) {
                    roi = new byte[size];
                }
                tmp.get(0, 0, roi);
                double best = Double.MAX_VALUE;
                for (int yy = 0; yy < r.height; yy++) {
                    for (int xx = 0; xx < r.width; xx++) {
                        if (roi[yy * r.width + xx] != 0) {
                            double d = (xx - cx) * (double) (xx - cx) + (yy - cy) * (double) (yy - cy);
                            if (d < best) {
                                best = d;
                                x = xx + r.x;
                                y = yy + r.y;
                            }
                        }
                    }
                }
            }
            Rect bb = Imgproc.boundingRect(tmp);
            return new AnimalTruth(x, y, true, total, n, new int[]{bb.x + r.x, bb.y + r.y, bb.width, bb.height});
        } finally {
            lab.release();
            tmp.release();
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * Motion blur along the direction of a fast animal (half a frame's exposure): the blurred picture replaces the
     * original only on the animal's pixels and the streak beside them, so the floor around stays sharp.
     */
    private void blur(Pose p, Rect r, int firstLabel, int lastLabel) {
        double v = p.speed() * s / fps * 0.5;
        if (r == null || v < 2.5) {
            return;
        }
        int k = (int) Math.min(25, Math.round(v));
        double dir = Math.atan2(p.vy(), p.vx());
        int kx = Math.max(1, (int) Math.round(k * Math.abs(Math.cos(dir))));
        int ky = Math.max(1, (int) Math.round(k * Math.abs(Math.sin(dir))));
        Rect g = new Rect(Math.max(0, r.x - k), Math.max(0, r.y - k), 0, 0);
        g.width = Math.min(w, r.x + r.width + k) - g.x;
        g.height = Math.min(h, r.y + r.height + k) - g.y;
        Mat sub = frame.submat(g), lab = labels.submat(g), mask = scratch.submat(g), blurred = blurBuf.submat(g);
        Size ks = new Size(kx, ky);
        Core.inRange(lab, new Scalar(firstLabel), new Scalar(lastLabel), mask);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, ks);
        Imgproc.dilate(mask, mask, kernel);
        Imgproc.blur(sub, blurred, ks);
        blurred.copyTo(sub, mask);
        for (Mat m : new Mat[]{sub, lab, mask, blurred, kernel}) {
            m.release();
        }
    }

    public void release() {
        for (Mat m : new Mat[]{bg, frame, labels, shadow, scratch, blurBuf, roof, roofMask, glass, frameGlassSub, reflection, reflectionSub,
                noisePos, noiseNeg, leashMat}) {
            if (m != null) {
                m.release();
            }
        }
        for (Mat[] arr : new Mat[][]{roofSub, roofMaskSub, frameRoofSub, labelRoofSub, noisePosSub, noiseNegSub}) {
            for (Mat m : arr) {
                if (m != null) {
                    m.release();
                }
            }
        }
        catPainter.release();
        ratPainter.release();
    }
}
