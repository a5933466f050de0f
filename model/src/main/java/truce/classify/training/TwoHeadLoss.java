package truce.classify.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import truce.classify.BehaviourNet;

/**
 * Cross-entropy of both heads at once. The label is a (B, 6) array of one-hot targets already multiplied by
 * their class weight, zero where a head has no label (no cat in view), so masking and class weighting are
 * the same multiplication.
 */
final class TwoHeadLoss extends Loss {

    TwoHeadLoss() {
        super("two-head-ce");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray target = labels.singletonOrThrow();
        int c = BehaviourNet.CAT_CLASSES;
        NDArray cat = logits.get(":, 0:" + c).logSoftmax(1).mul(target.get(":, 0:" + c));
        NDArray rat = logits.get(":, " + c + ":").logSoftmax(1).mul(target.get(":, " + c + ":"));
        return cat.sum().add(rat.sum()).neg().div(logits.getShape().get(0));
    }
}
