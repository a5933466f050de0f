package truce.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature columns that follow the ten contract columns in the per-frame CSV, and their formatting.
 * Pixel columns always; centimetre columns only when the view width (so the scale) is known.
 */
public final class FeatureColumns {
    private static final String[] ANIMAL = {
        "speed_px_s", "speed_bl_s", "accel_px_s2", "heading_deg", "length_px", "width_px", "elongation",
        "area_px", "frames_unseen"};

    private final double pxPerCm;

    /** @param pxPerCm source pixels per floor centimetre, or NaN when the scale is unknown */
    public FeatureColumns(double pxPerCm) {
        this.pxPerCm = pxPerCm;
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (String who : new String[] {"cat", "rat"}) {
            for (String c : ANIMAL) {
                n.add(who + "_" + c);
            }
        }
        n.add("distance_px");
        n.add("distance_cat_lengths");
        n.add("approach_px_s");
        n.add("cat_facing_deg");
        n.add("rat_in_cover");
        if (!Double.isNaN(pxPerCm)) {
            n.add("cat_speed_cm_s");
            n.add("rat_speed_cm_s");
            n.add("cat_length_cm");
            n.add("rat_length_cm");
            n.add("distance_cm");
        }
        return n;
    }

    /** Appends ",v1,v2,..." for these features (a leading comma before each value). */
    public void append(StringBuilder sb, FrameFeatures f) {
        animal(sb, f.cat());
        animal(sb, f.rat());
        num(sb, f.distance(), 1);
        num(sb, f.distanceCatLengths(), 2);
        num(sb, f.approachSpeed(), 1);
        num(sb, Double.isNaN(f.catFacingAngle()) ? Double.NaN : Math.toDegrees(f.catFacingAngle()), 1);
        sb.append(',').append(f.ratInCover() ? '1' : '0');
        if (!Double.isNaN(pxPerCm)) {
            num(sb, f.cat().visible() ? f.cat().speed() / pxPerCm : Double.NaN, 1);
            num(sb, f.rat().visible() ? f.rat().speed() / pxPerCm : Double.NaN, 1);
            num(sb, f.cat().visible() ? f.cat().bodyLength() / pxPerCm : Double.NaN, 1);
            num(sb, f.rat().visible() ? f.rat().bodyLength() / pxPerCm : Double.NaN, 1);
            num(sb, f.distance() / pxPerCm, 1);
        }
    }

    private static void animal(StringBuilder sb, AnimalFeatures a) {
        if (!a.visible()) {
            for (int i = 0; i < ANIMAL.length - 1; i++) {
                sb.append(',');
            }
            sb.append(',');
            if (a.framesUnseen() != Integer.MAX_VALUE) {
                sb.append(a.framesUnseen());
            }
            return;
        }
        num(sb, a.speed(), 1);
        num(sb, a.speedBodyLengths(), 2);
        num(sb, a.acceleration(), 1);
        num(sb, Math.toDegrees(a.heading()), 1);
        num(sb, a.bodyLength(), 1);
        num(sb, a.bodyWidth(), 1);
        num(sb, a.elongation(), 2);
        num(sb, a.area(), 0);
        sb.append(',').append(0);
    }

    /** Locale-free fixed decimals; empty for NaN or infinity. */
    static void num(StringBuilder sb, double v, int decimals) {
        sb.append(',');
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return;
        }
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
        long r = Math.round(v * scale);
        if (r < 0) {
            sb.append('-');
            r = -r;
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = r % scale;
            if (decimals == 2 && frac < 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }
}
