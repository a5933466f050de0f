package truce.classify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.FrameFeatures;

/**
 * The trained behaviour net as a {@link BehaviourClassifier}: one instance per stream. Each frame is encoded
 * into a ring of the last {@link BehaviourNet#WINDOW} frames, the net gives both heads' probabilities, and
 * {@link LabelSmoother}s turn them into steady labels (a lunge or a flight is reported on its first frame).
 * The cat's label is empty whenever the cat is out of view; the rat's only until a rat has been seen.
 */
public final class ModelClassifier implements BehaviourClassifier {
    /** Probability at which a flight is reported at once (the lunge's comes with the weights). */
    public static final float FLIGHT_ENTER = 0.5f;
    /**
     * Frames another label must win in a row to end a lunge or a flight: 1, for a burst ends when it ends. Holding it
     * for the dwell marked two frames after every lunge and flight as still lunging or fleeing; ending it at once
     * raised lunging F1 from 0.90-0.91 to 0.95-0.96 and fleeing from 0.91-0.94 to 0.95-0.98 with perfect vision
     * (held-out seeds 7777 and 9001), and cat and rat macro-F1 by 0.006-0.009 on vision features, with the same
     * lunges found and the same false lunges.
     */
    public static final int URGENT_EXIT = 1;
    /** The enums' values, read per frame without {@code values()}'s fresh copy. */
    private static final List<CatPosture> CAT = List.of(CatPosture.values());
    private static final List<RatState> RAT = List.of(RatState.values());

    private final BehaviourModel model;
    private final boolean ownsModel;
    private final FeatureWindow window;
    /** The net, stepped a frame at a time over this stream. */
    private final StepwiseNet net;
    private final float[] input;
    /** The net's input, reused every frame: a direct buffer DJL turns into a tensor without another copy. */
    private final ByteBuffer direct;
    private final FloatBuffer directFloats;
    private final float[] logits = new float[BehaviourNet.OUTPUTS];
    /** Both heads' probabilities of the current frame, reused: only {@link #withProbabilities()} hands out copies. */
    private final float[] catP = new float[BehaviourNet.CAT_CLASSES];
    private final float[] ratP = new float[BehaviourNet.RAT_CLASSES];
    /** Reads the cat's crop for weights that read one (feature v5), else null. */
    private final ShapeReader shapeReader;
    private final float[] shapeReading = new float[ShapeNet.READINGS];
    private final LabelSmoother catSmoother;
    private final LabelSmoother ratSmoother;
    private boolean ratEverSeen;
    private boolean plainViewRule = true;
    private boolean probabilities;

    /** A classifier over shared weights; closing it leaves the model open. */
    public ModelClassifier(BehaviourModel model) {
        this(model, false);
    }

    private ModelClassifier(BehaviourModel model, boolean ownsModel) {
        this.model = model;
        this.ownsModel = ownsModel;
        this.window = new FeatureWindow(BehaviourNet.WINDOW, model.channels());
        this.net = model.stepwise();
        this.input = new float[net.inputFloats()];
        this.direct = ByteBuffer.allocateDirect(input.length * Float.BYTES).order(ByteOrder.nativeOrder());
        this.directFloats = direct.asFloatBuffer();
        this.catSmoother = new LabelSmoother(CatPosture.LUNGING.ordinal(), model.lungeThreshold(), model.lungeConfirm(),
                model.dwell(), URGENT_EXIT);
        this.ratSmoother = new LabelSmoother(RatState.FLEEING.ordinal(), FLIGHT_ENTER, 1, model.dwell(), URGENT_EXIT);
        this.shapeReader = model.shape() == null ? null : new ShapeReader(model.shape());
    }

    /** Turns the no-hiding-in-plain-view rule off (to measure what the net alone does). */
    public ModelClassifier withoutPlainViewRule() {
        plainViewRule = false;
        return this;
    }

    /**
     * Gives each frame's {@link Labels} copies of both heads' probabilities (for offline analysis). Without it the
     * live path allocates nothing of its own per frame: the labels carry no probabilities and are shared instances.
     */
    public ModelClassifier withProbabilities() {
        probabilities = true;
        return this;
    }

    /** A classifier over the committed weights, which it owns. */
    public static ModelClassifier withDefaultWeights() throws IOException {
        return new ModelClassifier(BehaviourModel.loadDefault(), true);
    }

    /** A classifier over weights in a file or model directory, which it owns. */
    public static ModelClassifier withWeights(Path fileOrDir) throws IOException {
        return new ModelClassifier(BehaviourModel.load(fileOrDir), true);
    }

    @Override
    public Labels classify(FrameFeatures frame) {
        return classify(frame, null, 0);
    }

    @Override
    public boolean readsPixels() {
        return shapeReader != null;
    }

    /** Reads the cat's crop from the frame's pixels first, when the weights read one. */
    @Override
    public Labels classify(FrameFeatures frame, Mat bgr) {
        if (shapeReader == null) {
            return classify(frame, null, 0);
        }
        shapeReader.read(bgr, frame.cat(), shapeReading, 0);
        return classify(frame, shapeReading, 0);
    }

    @Override
    public Labels classify(FrameFeatures frame, float[] shape, int offset) {
        window.push(frame, shape, offset);
        window.copyNewest(BehaviourNet.KERNEL, input, 0);
        directFloats.clear();
        directFloats.put(input);
        net.logits(direct, logits);
        BehaviourModel.softmax(logits, 0, BehaviourNet.CAT_CLASSES, catP);
        BehaviourModel.softmax(logits, BehaviourNet.CAT_CLASSES, BehaviourNet.RAT_CLASSES, ratP);
        if (plainViewRule && frame.rat().visible() && !frame.ratInCover()) {
            noHidingInPlainView(ratP);
        }
        int cat = catSmoother.step(catP);
        int rat = ratSmoother.step(ratP);
        ratEverSeen |= frame.rat().visible();
        CatPosture catLabel = frame.cat().visible() ? CAT.get(cat) : null;
        RatState ratLabel = ratEverSeen ? RAT.get(rat) : null;
        return probabilities ? new Labels(catLabel, ratLabel, catP.clone(), ratP.clone()) : Labels.of(catLabel, ratLabel);
    }

    /**
     * A rat in view and out of every cover is by definition not hiding (product.md: hiding is inside a
     * shelter, out of sight, or pressed into cover): its hiding probability goes to the other two states.
     * The net cannot know this for animals unlike any it trained on (a mouse in an open field).
     */
    static void noHidingInPlainView(float[] ratP) {
        int hiding = RatState.HIDING.ordinal();
        float rest = 1f - ratP[hiding];
        if (rest <= 1e-6f) {
            ratP[RatState.EXPLORING.ordinal()] = 1f;
        } else {
            for (int i = 0; i < ratP.length; i++) {
                ratP[i] /= rest;
            }
        }
        ratP[hiding] = 0f;
    }

    @Override
    public void reset() {
        window.clear();
        net.reset();
        if (shapeReader != null) {
            shapeReader.reset();
        }
        catSmoother.reset();
        ratSmoother.reset();
        ratEverSeen = false;
    }

    @Override
    public void close() {
        net.close();
        if (shapeReader != null) {
            shapeReader.close();
        }
        if (ownsModel) {
            model.close();
        }
    }
}
