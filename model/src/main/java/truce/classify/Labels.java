package truce.classify;

import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/**
 * The behaviour labels of one frame. {@code cat} is null when no cat is in view; {@code rat} is null only when
 * no rat has ever been seen. Probabilities are indexed by the enums' ordinals.
 */
public record Labels(CatPosture cat, RatState rat, float[] catProbabilities, float[] ratProbabilities) {
}
