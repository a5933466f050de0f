package truce.samples.script;

import truce.samples.playpen.Vec;

/**
 * A person's hand reaching into the picture (a treat, a toy, a correction). The forearm comes in from
 * {@code base} (outside the picture) to the wrist; {@code reach} (0..1) says how far in it is.
 */
public record HandPose(Vec base, Vec wrist, double scale) {
}
