package truce.samples.render;

import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.samples.playpen.Bowl;
import truce.samples.playpen.Box;
import truce.samples.playpen.Cover;
import truce.samples.playpen.CoverKind;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.Vec;

/**
 * Paints what does not move, once per scene: the room floor, the playpen's floor texture and walls, bowls, the
 * perch, the static shadows and the uneven light; and the roofs of the shelters and tunnels, which are laid over
 * the animals every frame (an opaque roof hides the rat inside).
 */
final class PlaypenPainter {
    private final Playpen pen;
    private final Look look;
    private final double s;
    private final int w, h;
    private final SplittableRandom rng;

    PlaypenPainter(Playpen pen, Look look, int width, int height) {
        this.pen = pen;
        this.look = look;
        this.w = width;
        this.h = height;
        this.s = width / pen.viewWidthCm();
        this.rng = new SplittableRandom(look.textureSeed());
    }

    private Point px(Vec v) {
        return new Point(v.x() * s, v.y() * s);
    }

    private Rect px(Box b) {
        int x0 = (int) Math.round(b.x0() * s), y0 = (int) Math.round(b.y0() * s);
        int x1 = (int) Math.round(b.x1() * s), y1 = (int) Math.round(b.y1() * s);
        return new Rect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** The static picture. */
    Mat background() {
        Mat bg = new Mat(h, w, CvType.CV_8UC3);
        texture(bg, look.roomColour(), FloorKind.CARPET, 0.6);
        Rect penRect = px(pen.pen().inflate(pen.wallCm()));
        Mat floor = new Mat(penRect.height, penRect.width, CvType.CV_8UC3);
        texture(floor, look.floorColour(), look.floor(), 1.0);
        clip(penRect);
        Mat dst = bg.submat(penRect);
        floor.submat(0, penRect.height, 0, penRect.width).copyTo(dst);
        dst.release();
        floor.release();

        // static shadows: walls, covers and perch stand above the floor
        Mat shade = Mat.zeros(h, w, CvType.CV_8UC1);
        double sx = look.shadowX() * s, sy = look.shadowY() * s;
        for (Cover c : pen.covers()) {
            // a tunnel lying on the floor stands as high as it is wide, whichever way it runs
            double height = c.kind() == CoverKind.TUNNEL ? Math.min(c.box().width(), c.box().height()) : 12;
            castShadow(shade, px(c.box()), 0, height, sx, sy);
        }
        if (pen.perch() != null) {
            castShadow(shade, px(pen.perch()), 30, 40, sx, sy);
        }
        Imgproc.GaussianBlur(shade, shade, new Size(0, 0), Math.max(1, s * 1.5));
        darken(bg, shade, 0.35);
        shade.release();

        walls(bg);
        for (Bowl b : pen.bowls()) {
            bowl(bg, b);
        }
        if (pen.perch() != null) {
            perch(bg, pen.perch());
        }
        light(bg);
        return bg;
    }

    /**
     * The shadow on the floor of a box whose footprint is r and which fills the heights from low to high (cm): every
     * height between throws the footprint the same way, so the shadow is the hull of the footprint thrown by the
     * lowest and by the highest height. It reaches equally far whichever way the lamp stands.
     */
    static void castShadow(Mat shade, Rect r, double low, double high, double sx, double sy) {
        Point[] corners = new Point[8];
        for (int k = 0; k < 2; k++) {
            double hgt = k == 0 ? low : high;
            double dx = sx * hgt, dy = sy * hgt;
            corners[4 * k] = new Point(r.x + dx, r.y + dy);
            corners[4 * k + 1] = new Point(r.x + r.width + dx, r.y + dy);
            corners[4 * k + 2] = new Point(r.x + r.width + dx, r.y + r.height + dy);
            corners[4 * k + 3] = new Point(r.x + dx, r.y + r.height + dy);
        }
        MatOfPoint all = new MatOfPoint();
        all.fromArray(corners); // rounded to whole pixels: the shadow is blurred afterwards
        MatOfInt hull = new MatOfInt();
        Imgproc.convexHull(all, hull);
        Point[] around = new Point[hull.rows()];
        int[] index = hull.toArray();
        for (int i = 0; i < index.length; i++) {
            around[i] = corners[index[i]];
        }
        MatOfPoint poly = new MatOfPoint(around);
        Imgproc.fillConvexPoly(shade, poly, new Scalar(255));
        all.release();
        hull.release();
        poly.release();
    }

    private void clip(Rect r) {
        int x1 = Math.min(w, r.x + r.width), y1 = Math.min(h, r.y + r.height);
        r.x = Math.max(0, r.x);
        r.y = Math.max(0, r.y);
        r.width = x1 - r.x;
        r.height = y1 - r.y;
    }

    private void texture(Mat m, Scalar base, FloorKind kind, double contrast) {
        int mw = m.cols(), mh = m.rows();
        byte[] px = new byte[mw * mh * 3];
        double b0 = base.val[0], g0 = base.val[1], r0 = base.val[2];
        switch (kind) {
            case WOOD -> {
                boolean alongX = rng.nextBoolean();
                double plank = (8 + 8 * rng.nextDouble()) * s;
                int planks = (int) ((alongX ? mh : mw) / plank) + 2;
                double[] shadeOf = new double[planks], phase = new double[planks], offset = new double[planks];
                for (int i = 0; i < planks; i++) {
                    shadeOf[i] = 0.85 + 0.3 * rng.nextDouble();
                    phase[i] = rng.nextDouble() * 100;
                    offset[i] = rng.nextDouble() * 120 * s;
                }
                double freq = 0.9 / Math.max(1, s);
                for (int y = 0; y < mh; y++) {
                    for (int x = 0; x < mw; x++) {
                        double across = alongX ? y : x, along = alongX ? x : y;
                        int p = (int) (across / plank);
                        double inPlank = across - p * plank;
                        double k = shadeOf[p] * (1 + 0.07 * contrast * Math.sin(inPlank * freq + phase[p] + 0.8 * Math.sin(along * 0.01 + phase[p])));
                        if (inPlank < 1.2 || ((along + offset[p]) % (120 * s)) < 1.2) {
                            k *= 0.55;
                        }
                        k += (rng.nextDouble() - 0.5) * 0.02 * contrast;
                        put(px, (y * mw + x) * 3, b0 * k, g0 * k, r0 * k);
                    }
                }
            }
            case TILES -> {
                double tile = (18 + 14 * rng.nextDouble()) * s;
                int n = (int) (mw / tile) + 2, nn = (int) (mh / tile) + 2;
                double[] shadeOf = new double[n * nn];
                for (int i = 0; i < shadeOf.length; i++) {
                    shadeOf[i] = 0.93 + 0.1 * rng.nextDouble();
                }
                double grout = Math.max(1, 0.6 * s);
                for (int y = 0; y < mh; y++) {
                    for (int x = 0; x < mw; x++) {
                        int tx = (int) (x / tile), ty = (int) (y / tile);
                        double k = shadeOf[ty * n + tx] + (rng.nextDouble() - 0.5) * 0.025;
                        if (x - tx * tile < grout || y - ty * tile < grout) {
                            k = 0.72;
                        }
                        put(px, (y * mw + x) * 3, b0 * k, g0 * k, r0 * k);
                    }
                }
            }
            default -> {
                double grain = kind == FloorKind.CARPET ? 0.12 : kind == FloorKind.FLEECE ? 0.06 : 0.035;
                double foldF = (0.02 + 0.03 * rng.nextDouble()) / Math.max(0.5, s) , foldA = kind == FloorKind.FLEECE ? 0.12 : 0.0;
                double ph = rng.nextDouble() * 10;
                for (int y = 0; y < mh; y++) {
                    for (int x = 0; x < mw; x++) {
                        double k = 1 + (rng.nextDouble() - 0.5) * grain * contrast
                                + foldA * Math.sin(x * foldF + 2 * Math.sin(y * foldF * 0.7 + ph));
                        if (kind == FloorKind.LINOLEUM && rng.nextDouble() < 0.01) {
                            k *= 0.7;
                        }
                        put(px, (y * mw + x) * 3, b0 * k, g0 * k, r0 * k);
                    }
                }
            }
        }
        m.put(0, 0, px);
        if (kind == FloorKind.CARPET || kind == FloorKind.LINOLEUM) {
            Imgproc.GaussianBlur(m, m, new Size(3, 3), 0);
        }
        if (kind == FloorKind.FLEECE && rng.nextBoolean()) {
            // a printed fleece: scattered paw prints or dots
            Scalar dot = Colouring.shade(base, rng.nextBoolean() ? 0.6 : 1.35);
            int n = (int) (mw * mh / (400 * s * s) * 0.6);
            for (int i = 0; i < n; i++) {
                Imgproc.circle(m, new Point(rng.nextDouble() * mw, rng.nextDouble() * mh), (int) Math.max(1, 1.5 * s), dot, -1, Imgproc.LINE_AA);
            }
        }
        if (kind == FloorKind.LINOLEUM || kind == FloorKind.CARPET) {
            // low-frequency blotches: stains, wear
            Mat blot = new Mat(Math.max(2, mh / 40), Math.max(2, mw / 40), CvType.CV_8UC1);
            byte[] bb = new byte[blot.rows() * blot.cols()];
            for (int i = 0; i < bb.length; i++) {
                bb[i] = (byte) (rng.nextInt(40));
            }
            blot.put(0, 0, bb);
            Mat big = new Mat();
            Imgproc.resize(blot, big, new Size(mw, mh), 0, 0, Imgproc.INTER_CUBIC);
            darken(m, big, 0.25);
            blot.release();
            big.release();
        }
    }

    private static void put(byte[] px, int i, double b, double g, double r) {
        px[i] = (byte) Math.max(0, Math.min(255, (int) b));
        px[i + 1] = (byte) Math.max(0, Math.min(255, (int) g));
        px[i + 2] = (byte) Math.max(0, Math.min(255, (int) r));
    }

    /** Multiplies img by (1 - k * mask/255). */
    private static void darken(Mat img, Mat mask, double k) {
        Mat f = new Mat();
        mask.convertTo(f, CvType.CV_32F, -k / 255.0, 1.0);
        Mat f3 = new Mat();
        Imgproc.cvtColor(f, f3, Imgproc.COLOR_GRAY2BGR);
        Mat imgF = new Mat();
        img.convertTo(imgF, CvType.CV_32FC3);
        Core.multiply(imgF, f3, imgF);
        imgF.convertTo(img, CvType.CV_8UC3);
        f.release();
        f3.release();
        imgF.release();
    }

    private void walls(Mat bg) {
        Rect in = px(pen.pen());
        Rect out = px(pen.pen().inflate(pen.wallCm()));
        Scalar wall = look.wallColour();
        int th = Math.max(2, (int) Math.round(pen.wallCm() * s));
        Imgproc.rectangle(bg, new Point(out.x + th / 2.0, out.y + th / 2.0),
                new Point(out.x + out.width - th / 2.0, out.y + out.height - th / 2.0), wall, th);
        if (look.meshWall()) {
            // a wire-mesh pen: posts along the top edge
            Scalar post = Colouring.shade(wall, 0.6);
            double step = 25 * s;
            for (double x = out.x; x < out.x + out.width; x += step) {
                Imgproc.circle(bg, new Point(x, out.y + th / 2.0), Math.max(1, th / 2), post, -1);
                Imgproc.circle(bg, new Point(x, out.y + out.height - th / 2.0), Math.max(1, th / 2), post, -1);
            }
        }
        Imgproc.rectangle(bg, new Point(out.x, out.y), new Point(out.x + out.width, out.y + out.height), Colouring.shade(wall, 1.15), 1);
        Imgproc.rectangle(bg, new Point(in.x, in.y), new Point(in.x + in.width, in.y + in.height), Colouring.shade(wall, 0.55), 1);
    }

    private void bowl(Mat bg, Bowl b) {
        Point c = px(b.center());
        int r = (int) Math.round(b.radius() * s);
        Imgproc.circle(bg, new Point(c.x + look.shadowX() * 5 * s, c.y + look.shadowY() * 5 * s), r, new Scalar(40, 40, 40), -1, Imgproc.LINE_AA);
        Imgproc.circle(bg, c, r, new Scalar(200, 200, 205), -1, Imgproc.LINE_AA);
        Imgproc.circle(bg, c, (int) Math.round(r * 0.72), b.water() ? new Scalar(150, 130, 110) : new Scalar(150, 150, 155), -1, Imgproc.LINE_AA);
        if (!b.water()) {
            for (int i = 0; i < 14; i++) {
                double a = rng.nextDouble() * 2 * Math.PI, d = rng.nextDouble() * r * 0.55;
                Imgproc.circle(bg, new Point(c.x + Math.cos(a) * d, c.y + Math.sin(a) * d), Math.max(1, (int) (0.8 * s)),
                        new Scalar(30, 70, 110), -1, Imgproc.LINE_AA);
            }
        } else {
            Imgproc.ellipse(bg, new Point(c.x - r * 0.2, c.y - r * 0.2), new Size(r * 0.3, r * 0.12), 35, 0, 360,
                    new Scalar(230, 225, 220), -1, Imgproc.LINE_AA);
        }
        Imgproc.circle(bg, c, r, new Scalar(235, 235, 240), Math.max(1, (int) (0.6 * s)), Imgproc.LINE_AA);
    }

    private void perch(Mat bg, Box b) {
        Rect r = px(b);
        boolean round = rng.nextBoolean();
        Scalar top = look.perchColour();
        if (round) {
            Imgproc.ellipse(bg, new Point(r.x + r.width / 2.0, r.y + r.height / 2.0), new Size(r.width / 2.0, r.height / 2.0), 0, 0, 360,
                    top, -1, Imgproc.LINE_AA);
            Imgproc.ellipse(bg, new Point(r.x + r.width / 2.0, r.y + r.height / 2.0), new Size(r.width / 2.0, r.height / 2.0), 0, 0, 360,
                    Colouring.shade(top, 0.7), Math.max(1, (int) s), Imgproc.LINE_AA);
        } else {
            Imgproc.rectangle(bg, r.tl(), r.br(), top, -1);
            Imgproc.rectangle(bg, r.tl(), r.br(), Colouring.shade(top, 0.7), Math.max(1, (int) s));
        }
        // carpet texture on top
        for (int i = 0; i < r.width * r.height / 12; i++) {
            Point p = new Point(r.x + rng.nextDouble() * r.width, r.y + rng.nextDouble() * r.height);
            if (!round || Math.pow((p.x - r.x - r.width / 2.0) / (r.width / 2.0), 2) + Math.pow((p.y - r.y - r.height / 2.0) / (r.height / 2.0), 2) < 0.9) {
                Imgproc.circle(bg, p, 0, Colouring.shade(top, 0.85 + 0.3 * rng.nextDouble()), -1);
            }
        }
    }

    /** Uneven light: brighter where the lamp is, darker in the corners. */
    private void light(Mat bg) {
        Mat gain = new Mat(h, w, CvType.CV_32F);
        float[] g = new float[w * h];
        double lx = rng.nextDouble() * w, ly = rng.nextDouble() * h;
        double diag = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double rc = Math.hypot(x - w / 2.0, y - h / 2.0) / (diag / 2);
                double rl = Math.hypot(x - lx, y - ly) / diag;
                g[y * w + x] = (float) ((1 - look.vignette() * rc * rc) * (1.08 - 0.16 * rl));
            }
        }
        gain.put(0, 0, g);
        Mat g3 = new Mat();
        Imgproc.cvtColor(gain, g3, Imgproc.COLOR_GRAY2BGR);
        Mat f = new Mat();
        bg.convertTo(f, CvType.CV_32FC3);
        Core.multiply(f, g3, f);
        f.convertTo(bg, CvType.CV_8UC3);
        gain.release();
        g3.release();
        f.release();
    }

    /** The roofs of all covers, and where they are (mask 255). */
    void roofs(Mat roof, Mat mask) {
        roof.setTo(new Scalar(0, 0, 0));
        mask.setTo(new Scalar(0));
        int i = 0;
        for (Cover c : pen.covers()) {
            Scalar col = look.coverColours()[i++ % look.coverColours().length];
            Rect r = px(c.box());
            Point tl = r.tl(), br = new Point(r.x + r.width - 1, r.y + r.height - 1);
            if (c.kind() == CoverKind.TUNNEL) {
                double rad = Math.min(r.width, r.height) / 2.0;
                Imgproc.rectangle(roof, tl, br, col, -1);
                Imgproc.rectangle(mask, tl, br, new Scalar(255), -1);
                // ribs of a crinkle tunnel, and a highlight along its top
                Scalar rib = Colouring.shade(col, 0.7);
                double step = Math.max(3, 3 * s);
                if (c.horizontal()) {
                    for (double x = r.x + step / 2; x < r.x + r.width; x += step) {
                        Imgproc.line(roof, new Point(x, r.y), new Point(x, br.y), rib, 1, Imgproc.LINE_AA);
                    }
                    Imgproc.line(roof, new Point(r.x, r.y + rad * 0.7), new Point(br.x, r.y + rad * 0.7), Colouring.shade(col, 1.3),
                            Math.max(1, (int) (rad * 0.3)), Imgproc.LINE_AA);
                } else {
                    for (double y = r.y + step / 2; y < r.y + r.height; y += step) {
                        Imgproc.line(roof, new Point(r.x, y), new Point(br.x, y), rib, 1, Imgproc.LINE_AA);
                    }
                    Imgproc.line(roof, new Point(r.x + rad * 0.7, r.y), new Point(r.x + rad * 0.7, br.y), Colouring.shade(col, 1.3),
                            Math.max(1, (int) (rad * 0.3)), Imgproc.LINE_AA);
                }
                for (Vec m : c.mouths()) {
                    Point mp = px(m);
                    Size ax = c.horizontal() ? new Size(Math.max(1, rad * 0.35), rad * 0.85) : new Size(rad * 0.85, Math.max(1, rad * 0.35));
                    Imgproc.ellipse(roof, mp, ax, 0, 0, 360, new Scalar(25, 25, 25), -1, Imgproc.LINE_AA);
                    Imgproc.ellipse(mask, mp, ax, 0, 0, 360, new Scalar(255), -1);
                }
            } else {
                Imgproc.rectangle(roof, tl, br, col, -1);
                Imgproc.rectangle(mask, tl, br, new Scalar(255), -1);
                Imgproc.rectangle(roof, new Point(r.x + r.width * 0.15, r.y + r.height * 0.15),
                        new Point(r.x + r.width * 0.85, r.y + r.height * 0.85), Colouring.shade(col, 1.12), -1);
                Imgproc.rectangle(roof, tl, br, Colouring.shade(col, 0.65), Math.max(1, (int) (0.8 * s)));
                // a little window or handle on the roof, and the door's dark notch
                Imgproc.circle(roof, new Point(r.x + r.width / 2.0, r.y + r.height / 2.0), (int) Math.max(1, 1.5 * s),
                        Colouring.shade(col, 0.6), -1, Imgproc.LINE_AA);
                Vec m = c.mouths().get(0);
                Point mp = px(m);
                double door = Math.min(r.width, r.height) * 0.25;
                Imgproc.ellipse(roof, mp, new Size(door, door), 0, 0, 360, new Scalar(20, 20, 25), -1, Imgproc.LINE_AA);
                Imgproc.ellipse(mask, mp, new Size(door, door), 0, 0, 360, new Scalar(255), -1);
            }
        }
        // the door's and the tunnel mouths' halves outside the footprint are floor again
        Mat inside = Mat.zeros(mask.size(), CvType.CV_8UC1);
        for (Cover c : pen.covers()) {
            Rect r = px(c.box());
            Imgproc.rectangle(inside, r.tl(), new Point(r.x + r.width - 1, r.y + r.height - 1), new Scalar(255), -1);
        }
        Core.bitwise_and(mask, inside, mask);
        inside.release();
    }

    /** Pixel rectangles of the covers' roofs, for per-frame compositing. */
    Rect[] roofRects() {
        Rect[] r = new Rect[pen.covers().size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = px(pen.covers().get(i).box().inflate(1));
            clip(r[i]);
        }
        return r;
    }

    /** The clear barrier's look: its bright top edge, a tint and glare streaks, to be added over the floor. */
    Rect barrierRect() {
        if (pen.barrier() == null) {
            return null;
        }
        Rect r = px(pen.barrier().inflate(2.5));
        clip(r);
        return r;
    }

    Mat glass(Rect r) {
        Mat m = new Mat(r.height, r.width, CvType.CV_8UC3, new Scalar(10, 10, 10));
        boolean vertical = r.height > r.width;
        Point a = vertical ? new Point(r.width / 2.0, 0) : new Point(0, r.height / 2.0);
        Point b = vertical ? new Point(r.width / 2.0, r.height) : new Point(r.width, r.height / 2.0);
        Imgproc.line(m, a, b, new Scalar(150, 150, 150), Math.max(1, (int) Math.round(0.8 * s)), Imgproc.LINE_AA);
        int streaks = 3 + rng.nextInt(4);
        double len = vertical ? r.height : r.width;
        for (int i = 0; i < streaks; i++) {
            double c0 = rng.nextDouble() * len, l = (8 + 25 * rng.nextDouble()) * s;
            int th = Math.max(1, (int) Math.round((0.5 + rng.nextDouble()) * s));
            Scalar glare = new Scalar(90 + 100 * rng.nextDouble(), 90 + 100 * rng.nextDouble(), 90 + 100 * rng.nextDouble());
            double off = (rng.nextDouble() - 0.5) * (vertical ? r.width : r.height) * 0.8;
            Point p = vertical ? new Point(r.width / 2.0 + off, c0) : new Point(c0, r.height / 2.0 + off);
            Point q = vertical ? new Point(r.width / 2.0 + off, c0 + l) : new Point(c0 + l, r.height / 2.0 + off);
            Imgproc.line(m, p, q, glare, th, Imgproc.LINE_AA);
        }
        Imgproc.GaussianBlur(m, m, new Size(3, 3), 0);
        // supports at both ends of the panel
        Imgproc.rectangle(m, new Point(0, 0), vertical ? new Point(r.width, 3 * s) : new Point(3 * s, r.height), new Scalar(60, 60, 60), -1);
        Imgproc.rectangle(m, vertical ? new Point(0, r.height - 3 * s) : new Point(r.width - 3 * s, 0), new Point(r.width, r.height),
                new Scalar(60, 60, 60), -1);
        return m;
    }
}
