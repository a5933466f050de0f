package truce.session;

import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/**
 * What is kept of one frame of a session: labels, positions and the relations the metrics need.
 * {@code frame} counts from 0 at the session's start and {@code timeMs} is media time since the session's start,
 * so a session's per-frame CSV reads like any other source's. Positions are NaN when not in view.
 *
 * @param distance           cat-rat distance (px), NaN unless both in view
 * @param distanceCatLengths the same in cat body lengths, NaN when unknown
 * @param facing             angle between the cat's heading and its bearing to the rat (rad), NaN when unknown
 */
public record Detection(
        long frame, double timeMs, CatPosture cat, RatState rat,
        float catX, float catY, float ratX, float ratY, boolean catVisible, boolean ratVisible,
        float distance, float distanceCatLengths, float facing) {

    public boolean bothVisible() {
        return catVisible && ratVisible;
    }
}
