package truce.samples.scene;

import truce.samples.render.CatCoat;
import truce.samples.render.FloorKind;
import truce.samples.render.RatCoat;

/**
 * What one scene is, for people and for tests that want to pick scenes (written as {@code <scene>.info.json}).
 *
 * @param seed  the scene's own seed (derived from the options' seed and the index)
 * @param stage protocol stage the scene stands for: 3 behind the barrier, 5 direct interaction
 */
public record SceneInfo(String name, int index, long seed, int frames, double fps, int width, int height,
                        double viewWidthCm, double catLengthCm, double ratLengthCm, CatCoat catCoat, RatCoat ratCoat,
                        FloorKind floor, boolean barrier, int stage, int covers, int handReaches, boolean toy,
                        int jpegQuality, double noiseSigma, int lampSteps) {

    /** The same scene under another file name (the demo clip is "session"). */
    public SceneInfo withName(String n) {
        return new SceneInfo(n, index, seed, frames, fps, width, height, viewWidthCm, catLengthCm, ratLengthCm, catCoat, ratCoat,
                floor, barrier, stage, covers, handReaches, toy, jpegQuality, noiseSigma, lampSteps);
    }
}
