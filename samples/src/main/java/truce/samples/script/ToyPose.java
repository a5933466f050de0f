package truce.samples.script;

import truce.samples.playpen.Vec;

/** A rolling ball toy: where it is, how big, how far it has rolled round (for its stripe) and its speed. */
public record ToyPose(Vec center, double radius, double spin, double vx, double vy) {
}
