package truce.samples.render;

import java.util.SplittableRandom;
import org.opencv.core.Scalar;

/**
 * The colours of one animal's coat (BGR) and where the markings go.
 *
 * @param base     main body colour
 * @param mark     markings: tabby stripes, bicolour patches, the hooded rat's hood and stripe
 * @param ear      inside of the ears
 * @param tail     tail colour (a rat's pink tail, a cat's coat-coloured one)
 * @param pattern  which markings to draw
 * @param maskedFace for a bicolour cat: a white face under a coloured cap (else a coloured head)
 */
public record Colouring(Scalar base, Scalar mark, Scalar ear, Scalar tail, Pattern pattern, boolean maskedFace) {

    /** Markings drawn over the base colour. */
    public enum Pattern { NONE, STRIPES, SADDLE, HOOD }

    public static Colouring cat(CatCoat coat, SplittableRandom rng) {
        double j = rng.nextDouble();
        Scalar pinkEar = bgr(150 + 30 * j, 150 + 20 * j, 205 + 30 * j);
        return switch (coat) {
            case SOLID -> {
                Scalar[] c = {bgr(115, 115, 120), bgr(80, 125, 190), bgr(95, 100, 110), bgr(60, 85, 120)};
                Scalar b = jitter(c[rng.nextInt(c.length)], rng, 14);
                yield new Colouring(b, shade(b, 0.8), pinkEar, b, Pattern.NONE, false);
            }
            case TABBY -> {
                Scalar[][] c = {{bgr(95, 125, 150), bgr(40, 55, 70)}, {bgr(125, 128, 130), bgr(45, 48, 52)},
                        {bgr(70, 140, 215), bgr(30, 75, 150)}};
                Scalar[] p = c[rng.nextInt(c.length)];
                Scalar b = jitter(p[0], rng, 12);
                yield new Colouring(b, jitter(p[1], rng, 8), pinkEar, b, Pattern.STRIPES, false);
            }
            case BICOLOUR -> {
                Scalar white = jitter(bgr(232, 236, 238), rng, 8);
                Scalar[] c = {bgr(30, 30, 32), bgr(60, 110, 190), bgr(100, 100, 105), bgr(45, 60, 85)};
                Scalar m = jitter(c[rng.nextInt(c.length)], rng, 10);
                yield new Colouring(white, m, pinkEar, m, Pattern.SADDLE, rng.nextBoolean());
            }
            case LIGHT -> {
                Scalar[] c = {bgr(200, 225, 238), bgr(150, 190, 230), bgr(225, 228, 230), bgr(175, 200, 215)};
                Scalar b = jitter(c[rng.nextInt(c.length)], rng, 10);
                yield new Colouring(b, shade(b, 0.88), pinkEar, b, Pattern.NONE, false);
            }
            case DARK -> {
                Scalar[] c = {bgr(28, 28, 30), bgr(38, 42, 50), bgr(22, 30, 45)};
                Scalar b = jitter(c[rng.nextInt(c.length)], rng, 6);
                yield new Colouring(b, shade(b, 1.5), bgr(90, 90, 120), b, Pattern.NONE, false);
            }
        };
    }

    public static Colouring rat(RatCoat coat, SplittableRandom rng) {
        Scalar pink = jitter(bgr(170, 175, 230), rng, 10);
        return switch (coat) {
            case ALBINO -> {
                Scalar b = jitter(bgr(228, 238, 242), rng, 8);
                yield new Colouring(b, b, pink, pink, Pattern.NONE, false);
            }
            case HOODED -> {
                Scalar b = jitter(bgr(230, 235, 238), rng, 8);
                Scalar[] c = {bgr(30, 30, 34), bgr(45, 65, 95), bgr(110, 110, 115)};
                yield new Colouring(b, jitter(c[rng.nextInt(c.length)], rng, 8), pink, pink, Pattern.HOOD, false);
            }
            case AGOUTI -> {
                Scalar b = jitter(bgr(70, 95, 120), rng, 12);
                yield new Colouring(b, shade(b, 0.75), bgr(130, 140, 185), bgr(120, 130, 160), Pattern.NONE, false);
            }
            case DARK -> {
                Scalar b = jitter(bgr(40, 40, 45), rng, 8);
                yield new Colouring(b, shade(b, 1.3), bgr(100, 105, 140), bgr(95, 100, 125), Pattern.NONE, false);
            }
        };
    }

    static Scalar bgr(double b, double g, double r) {
        return new Scalar(clamp(b), clamp(g), clamp(r));
    }

    static Scalar shade(Scalar s, double k) {
        return bgr(s.val[0] * k, s.val[1] * k, s.val[2] * k);
    }

    private static Scalar jitter(Scalar s, SplittableRandom rng, double amount) {
        double common = (rng.nextDouble() - 0.5) * 2 * amount;
        return bgr(s.val[0] + common + (rng.nextDouble() - 0.5) * amount, s.val[1] + common + (rng.nextDouble() - 0.5) * amount,
                s.val[2] + common + (rng.nextDouble() - 0.5) * amount);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
