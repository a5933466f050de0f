package truce.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import truce.footage.Footage;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneInfo;
import truce.samples.scene.SceneOptions;
import truce.samples.scene.ScenePlan;
import truce.samples.script.Pose;
import truce.samples.script.ScriptFrame;

/**
 * What a generated scene's script shows in each frame, so that tracking figures can be split by it: the owner's
 * hand in the pen, the cat up on the perch, the toy out, the two animals in contact (centres under
 * {@link #CONTACT_LENGTHS} cat lengths apart, the rat out of cover), or none of these ({@link #PLAIN}). A frame
 * in several situations is named by all of them ({@code hand+perch}). The script is replayed from the set's
 * {@code generate.json} and the scene's {@code .info.json}, which {@code truce generate} writes beside it.
 */
final class Situations {
    static final String PLAIN = "plain";
    /** Centres closer than this many cat lengths count as contact (the two bodies touch or nearly). */
    static final double CONTACT_LENGTHS = 0.8;

    private Situations() {
    }

    /**
     * Each frame's situation, for a scene written by {@code truce generate}; empty for any other video (no recipe
     * or info beside it), or when the replayed script is not the scene's (another generator version).
     */
    static Optional<List<String>> of(Path video) throws IOException {
        Optional<ScenePlan> plan = replay(video);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(plan.get().script().size());
        for (ScriptFrame f : plan.get().script()) {
            out.add(of(f, plan.get().catLengthCm()));
        }
        return Optional.of(out);
    }

    /** The plan behind a scene written by {@code truce generate}, replayed from its recipe and info. */
    static Optional<ScenePlan> replay(Path video) throws IOException {
        Path info = Footage.beside(video, ".info.json");
        Optional<SceneOptions> recipe = SceneOptions.recipe(video.toAbsolutePath().getParent());
        if (recipe.isEmpty() || !Files.isRegularFile(info)) {
            return Optional.empty();
        }
        SceneInfo scene = new ObjectMapper().readValue(info.toFile(), SceneInfo.class);
        ScenePlan plan = new SceneGenerator(recipe.get()).plan(scene.index());
        return plan.info().seed() == scene.seed() && plan.script().size() == scene.frames() ? Optional.of(plan)
                : Optional.empty();
    }

    /** One frame's situation. */
    static String of(ScriptFrame f, double catLengthCm) {
        StringBuilder sb = new StringBuilder();
        if (f.hand() != null) {
            sb.append("hand");
        }
        if (f.cat().raised()) {
            join(sb, "perch");
        }
        if (f.toy() != null) {
            join(sb, "toy");
        }
        Pose c = f.cat();
        Pose r = f.rat();
        if (!f.ratUnderCover() && Math.hypot(c.x() - r.x(), c.y() - r.y()) < CONTACT_LENGTHS * catLengthCm) {
            join(sb, "contact");
        }
        return sb.length() == 0 ? PLAIN : sb.toString();
    }

    private static void join(StringBuilder sb, String what) {
        if (sb.length() > 0) {
            sb.append('+');
        }
        sb.append(what);
    }
}
