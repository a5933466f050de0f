package truce.samples.script;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import truce.samples.playpen.Playpen;

/**
 * Runs the cat, the rat, the hand and the toy through a scene, one frame at a time, and returns what happens in
 * every frame. Deterministic: the same random stream gives the same script.
 */
public final class Choreography {

    /**
     * @param catLength    cat nose to tail base, cm
     * @param ratLength    rat nose to tail base, cm
     * @param handReaches  how many times a hand reaches in
     * @param toy          whether a ball toy rolls about
     */
    public record Cast(double catLength, double ratLength, int handReaches, boolean toy) {
    }

    private Choreography() {
    }

    public static List<ScriptFrame> run(Playpen pen, Cast cast, Director director, SplittableRandom rng, int frames, double fps) {
        double dt = 1.0 / fps;
        CatActor cat = new CatActor(pen, rng.split(), director, cast.catLength());
        RatActor rat = new RatActor(pen, rng.split(), director, cast.ratLength(), cat.body.pos());
        HandScript hands = new HandScript(rng.split(), pen, frames * dt, cast.handReaches());
        ToyScript toy = cast.toy() ? new ToyScript(rng.split(), pen) : null;
        List<ScriptFrame> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            double t = i * dt;
            HandPose hand = hands.at(t, cat.body.pos());
            if (i > 0) {
                cat.step(t, dt, rat);
                rat.step(t, dt, cat, hand);
            }
            ToyPose toyPose = toy == null ? null : toy.step(t, dt);
            out.add(new ScriptFrame(cat.body.pose(), rat.body.pose(), cat.activity.posture(), rat.state(), hand, toyPose,
                    rat.underCover()));
        }
        return out;
    }
}
