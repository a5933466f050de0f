package truce.framecsv;

import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/**
 * One row of the per-frame CSV contract (product.md): the ten contract columns.
 * Positions are body centroids in source-frame pixels; NaN when the animal is not in view.
 * {@code catPosture} is null when no cat is in view; {@code ratState} is null only when there is no rat at all
 * (a rat out of sight in cover is {@link RatState#HIDING}).
 */
public record FrameRow(
        long frame,
        double timeMs,
        CatPosture catPosture,
        RatState ratState,
        double catX, double catY,
        double ratX, double ratY,
        boolean catVisible,
        boolean ratVisible) {

    public FrameRow {
        if (frame < 0) {
            throw new IllegalArgumentException("frame must be >= 0, was " + frame);
        }
        if (catVisible && (Double.isNaN(catX) || Double.isNaN(catY))) {
            throw new IllegalArgumentException("frame " + frame + ": visible cat needs a position");
        }
        if (ratVisible && (Double.isNaN(ratX) || Double.isNaN(ratY))) {
            throw new IllegalArgumentException("frame " + frame + ": visible rat needs a position");
        }
    }
}
