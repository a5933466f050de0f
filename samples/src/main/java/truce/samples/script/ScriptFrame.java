package truce.samples.script;

import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/**
 * What the script says happens in one frame. The states are the truth labels (product.md); whether each
 * animal is in sight, and where its body's centroid is, is measured later on the drawn pixels.
 *
 * @param hand  the person's hand, or null
 * @param toy   the rolling toy, or null
 * @param ratUnderCover whether the rat is inside a shelter or tunnel (drawn under its roof)
 */
public record ScriptFrame(Pose cat, Pose rat, CatPosture catPosture, RatState ratState,
                          HandPose hand, ToyPose toy, boolean ratUnderCover) {
}
