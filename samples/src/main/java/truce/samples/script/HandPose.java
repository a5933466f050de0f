package truce.samples.script;

import truce.samples.playpen.Vec;

/**
 * A person's hand reaching into the picture (a treat, a stroke, a correction), in centimetres of floor. The forearm
 * comes in from {@code base} (outside the picture) to the wrist; {@code scale} is how much larger than life it looks
 * (a hand is well above the floor, nearer the camera).
 */
public record HandPose(Vec base, Vec wrist, double scale) {
}
