package truce.samples.render;

import java.util.SplittableRandom;
import org.opencv.core.Scalar;

/**
 * Everything about how a scene looks that the seed decides: coats, floor, walls, cover colours, light and camera.
 * Drawn once per scene so that a model cannot learn one drawing.
 *
 * @param lightBase    overall exposure gain
 * @param driftAmp     slow lighting drift amplitude (fraction)
 * @param driftPeriod  seconds
 * @param lampTimes    times of sudden light steps (a lamp switched on or off), seconds
 * @param lampGains    the exposure factor after each step (cumulative)
 * @param noiseSigma   sensor noise, grey levels
 * @param jpegQuality  MJPG quality of the written AVI (JPEG artefacts)
 * @param shadowX,shadowY shadow offset per cm of height above the floor (light direction)
 * @param vignette     darkening towards the corners (0..0.4)
 */
public record Look(CatCoat catCoat, Colouring cat, RatCoat ratCoat, Colouring rat, FloorKind floor, Scalar floorColour,
                   Scalar roomColour, Scalar wallColour, boolean meshWall, Scalar[] coverColours, Scalar perchColour,
                   Scalar skin, Scalar sleeve, Scalar toyColour, Scalar toyStripe, Scalar harness,
                   double lightBase, double driftAmp, double driftPeriod, double driftPhase, double[] lampTimes,
                   double[] lampGains, Scalar[] lampTints, double noiseSigma, int jpegQuality, double shadowX,
                   double shadowY, double vignette, double glare, long textureSeed) {

    public static Look random(SplittableRandom rng, double seconds) {
        CatCoat cc = CatCoat.values()[rng.nextInt(CatCoat.values().length)];
        RatCoat rc = RatCoat.values()[rng.nextInt(RatCoat.values().length)];
        FloorKind floor = FloorKind.values()[rng.nextInt(FloorKind.values().length)];
        return random(rng, seconds, cc, rc, floor);
    }

    /** A random look with the given coats and floor (a set of scenes cycles through them so that all appear). */
    public static Look random(SplittableRandom rng, double seconds, CatCoat cc, RatCoat rc, FloorKind floor) {
        Colouring cat = Colouring.cat(cc, rng);
        Colouring rat = Colouring.rat(rc, rng);
        Scalar floorColour = switch (floor) {
            case WOOD -> pick(rng, c(60, 105, 150), c(90, 140, 185), c(45, 75, 110), c(120, 160, 195));
            case CARPET -> pick(rng, c(120, 125, 130), c(90, 120, 150), c(130, 110, 90), c(70, 80, 120), c(160, 170, 175));
            case TILES -> pick(rng, c(200, 205, 210), c(170, 185, 200), c(140, 150, 155), c(185, 195, 205));
            case LINOLEUM -> pick(rng, c(150, 170, 180), c(120, 150, 160), c(175, 175, 165), c(110, 130, 150));
            case FLEECE -> pick(rng, c(170, 120, 90), c(90, 160, 110), c(150, 110, 170), c(200, 180, 120), c(110, 110, 200));
        };
        Scalar room = pick(rng, c(70, 90, 110), c(110, 110, 110), c(50, 65, 80), c(140, 150, 160));
        Scalar wall = pick(rng, c(235, 235, 235), c(200, 210, 220), c(60, 60, 65), c(80, 130, 170), c(180, 160, 140));
        Scalar[] covers = new Scalar[4];
        for (int i = 0; i < covers.length; i++) {
            covers[i] = pick(rng, c(170, 80, 150), c(200, 140, 60), c(80, 170, 90), c(60, 110, 200), c(110, 160, 195),
                    c(90, 90, 200), c(150, 150, 150), c(40, 160, 220));
        }
        Scalar perch = pick(rng, c(170, 185, 195), c(120, 130, 135), c(90, 120, 150), c(200, 200, 200));
        Scalar skin = pick(rng, c(150, 175, 225), c(120, 150, 205), c(80, 110, 160), c(55, 75, 110), c(165, 190, 235));
        Scalar sleeve = pick(rng, c(120, 60, 30), c(40, 40, 40), c(60, 60, 170), c(200, 200, 200), c(60, 130, 60), c(150, 110, 90));
        Scalar toy = pick(rng, c(40, 40, 220), c(220, 90, 30), c(30, 200, 230), c(200, 60, 200), c(60, 200, 60));
        Scalar toyStripe = pick(rng, c(245, 245, 245), c(20, 20, 20), c(30, 200, 230));
        Scalar harness = pick(rng, c(40, 40, 200), c(200, 90, 30), c(40, 160, 40), c(30, 30, 30), c(200, 60, 200));
        int steps = rng.nextInt(3);
        double[] times = new double[steps];
        double[] gains = new double[steps];
        Scalar[] tints = new Scalar[steps];
        double g = 1;
        for (int i = 0; i < steps; i++) {
            times[i] = seconds * (i + rng.nextDouble()) / steps;
            g *= rng.nextBoolean() ? 1.15 + 0.25 * rng.nextDouble() : 1 / (1.15 + 0.25 * rng.nextDouble());
            gains[i] = g;
            // a warm lamp adds red, a cool one blue
            double w = (rng.nextDouble() - 0.5) * 0.16;
            tints[i] = new Scalar(1 - w, 1, 1 + w);
        }
        double ang = rng.nextDouble() * 2 * Math.PI;
        double slope = 0.15 + 0.35 * rng.nextDouble();
        return new Look(cc, cat, rc, rat, floor, floorColour, room, wall, rng.nextDouble() < 0.35, covers, perch,
                skin, sleeve, toy, toyStripe, harness,
                0.8 + 0.35 * rng.nextDouble(), 0.02 + 0.07 * rng.nextDouble(), 15 + 45 * rng.nextDouble(),
                rng.nextDouble() * 2 * Math.PI, times, gains, tints, 0.8 + 2.4 * rng.nextDouble(),
                35 + rng.nextInt(46), Math.cos(ang) * slope, Math.sin(ang) * slope, 0.1 + 0.3 * rng.nextDouble(),
                0.25 + 0.5 * rng.nextDouble(), rng.nextLong());
    }

    /** Exposure gain per channel (B, G, R) at time t, into {@code out}. */
    public void gainAt(double t, double[] out) {
        double g = lightBase * (1 + driftAmp * Math.sin(2 * Math.PI * t / driftPeriod + driftPhase));
        double b = 1, r = 1;
        for (int i = 0; i < lampTimes.length; i++) {
            if (t >= lampTimes[i]) {
                g = lightBase * lampGains[i] * (1 + driftAmp * Math.sin(2 * Math.PI * t / driftPeriod + driftPhase));
                b = lampTints[i].val[0];
                r = lampTints[i].val[2];
            }
        }
        out[0] = g * b;
        out[1] = g;
        out[2] = g * r;
    }

    private static Scalar c(double b, double g, double r) {
        return new Scalar(b, g, r);
    }

    private static Scalar pick(SplittableRandom rng, Scalar... s) {
        Scalar p = s[rng.nextInt(s.length)];
        double j = (rng.nextDouble() - 0.5) * 24;
        return new Scalar(clamp(p.val[0] + j + (rng.nextDouble() - 0.5) * 10), clamp(p.val[1] + j + (rng.nextDouble() - 0.5) * 10),
                clamp(p.val[2] + j + (rng.nextDouble() - 0.5) * 10));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
