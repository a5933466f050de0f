package truce.samples.render;

/** The measured truth of both animals in one frame. */
public record FrameTruth(AnimalTruth cat, AnimalTruth rat) {
}
