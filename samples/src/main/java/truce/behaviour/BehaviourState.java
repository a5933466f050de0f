package truce.behaviour;

/** One of the six per-frame states of product.md: a cat posture or a rat state. */
public sealed interface BehaviourState permits CatPosture, RatState {
    /** The lower-case word used in the per-frame CSV, e.g. {@code lunging}. */
    String label();
}
