package truce.samples.scene;

/** Which scenes have the clear barrier between the animals (protocol stages 2-4) rather than none (stage 5). */
public enum BarrierMode {
    /** About two scenes in five. */
    SOME,
    ALL,
    NONE
}
