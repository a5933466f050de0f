package truce.classify.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import truce.behaviour.CatPosture;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneInfo;
import truce.samples.script.Pose;
import truce.samples.script.ScriptFrame;

/**
 * Perfect vision: the features a flawless tracker would measure, taken from the generator's own script, replayed
 * from the scene's info file. Positions and visibility are the truth CSV's (measured on the drawn pixels), body
 * length, width and heading are the script's pose (a stalking cat's 1.15 stretch and 0.8 width, exactly), speeds
 * the script's velocity. Training and evaluating on these gives the model's ceiling with perfect vision, so that
 * the gap between it and the figures on vision features is the vision's share of the errors. The replay is checked
 * frame by frame against the truth labels: a scene it cannot reproduce is refused, not silently mislabelled.
 */
public final class ScriptFeatures implements FeatureSource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Body width over body length at a width factor of 1 (only ratios to the stream's median reach the net). */
    private static final double WIDTH_RATIO = 0.38;

    @Override
    public String name() {
        return "perfect vision (the generator's script replayed)";
    }

    @Override
    public List<FrameFeatures> features(Scene scene, List<FrameRow> truth) throws IOException {
        SceneInfo info = info(scene);
        return features(info, replay(scene, info, truth), truth);
    }

    /** A generated scene's script, replayed from its info file and checked against its truth frame by frame. */
    static List<ScriptFrame> replay(Scene scene, List<FrameRow> truth) throws IOException {
        return replay(scene, info(scene), truth);
    }

    private static SceneInfo info(Scene scene) throws IOException {
        Path infoFile = scene.info();
        if (!Files.isRegularFile(infoFile)) {
            throw new IOException(scene.name() + ": no " + infoFile.getFileName()
                    + " (perfect-vision features replay a generated scene's script)");
        }
        return JSON.readValue(infoFile.toFile(), SceneInfo.class);
    }

    private static List<ScriptFrame> replay(Scene scene, SceneInfo info, List<FrameRow> truth) throws IOException {
        List<ScriptFrame> script = null;
        for (int minLunges : new int[] {2, 4}) {
            List<ScriptFrame> s = SceneGenerator.replay(info, minLunges).script();
            if (matches(s, truth)) {
                script = s;
                break;
            }
        }
        if (script == null) {
            throw new IOException(scene.name() + ": the replayed script does not give the truth's labels");
        }
        return script;
    }

    private static boolean matches(List<ScriptFrame> script, List<FrameRow> truth) {
        if (script.size() != truth.size()) {
            return false;
        }
        for (int i = 0; i < script.size(); i++) {
            // the truth leaves the cat's posture empty while it is out of view
            CatPosture cat = truth.get(i).catPosture();
            if ((cat != null && script.get(i).catPosture() != cat) || script.get(i).ratState() != truth.get(i).ratState()) {
                return false;
            }
        }
        return true;
    }

    static List<FrameFeatures> features(SceneInfo info, List<ScriptFrame> script, List<FrameRow> truth) {
        double pxPerCm = info.width() / info.viewWidthCm();
        Track cat = new Track(info.catLengthCm() * pxPerCm);
        Track rat = new Track(info.ratLengthCm() * pxPerCm);
        List<FrameFeatures> out = new ArrayList<>(truth.size());
        double lastTime = Double.NaN;
        PairRelation pair = new PairRelation();
        boolean ratSeen = false;
        for (int i = 0; i < truth.size(); i++) {
            FrameRow r = truth.get(i);
            ScriptFrame s = script.get(i);
            double dt = Double.isNaN(lastTime) ? 1.0 / 30 : Math.max(1e-3, (r.timeMs() - lastTime) / 1000);
            lastTime = r.timeMs();
            AnimalFeatures c = cat.step(r.catVisible(), r.catX(), r.catY(), s.cat(), pxPerCm, dt);
            AnimalFeatures a = rat.step(r.ratVisible(), r.ratX(), r.ratY(), s.rat(), pxPerCm, dt);
            ratSeen |= r.ratVisible();
            boolean inCover = s.ratUnderCover() || (ratSeen && !r.ratVisible());
            out.add(pair.frame(r.frame(), r.timeMs(), dt, c, a, inCover));
        }
        return out;
    }

    /** One animal as a perfect tracker sees it: truth position, the pose's shape, heading and velocity. */
    private static final class Track {
        private final double lengthPx;
        private double x = Double.NaN;
        private double y = Double.NaN;
        private double speed;
        private double accel;
        private double heading;
        private int unseen = Integer.MAX_VALUE;

        Track(double lengthPx) {
            this.lengthPx = lengthPx;
        }

        AnimalFeatures step(boolean visible, double tx, double ty, Pose pose, double pxPerCm, double dt) {
            double len = lengthPx * pose.stretch() * pose.lift();
            double width = lengthPx * WIDTH_RATIO * pose.width() * pose.lift();
            if (!visible) {
                unseen = unseen == Integer.MAX_VALUE ? unseen : unseen + 1;
                speed = 0;
                accel = 0;
                return new AnimalFeatures(false, x, y, 0, 0, 0, 0, 0, heading, len, width, len / width, 0, unseen);
            }
            double vx = pose.vx() * pxPerCm;
            double vy = pose.vy() * pxPerCm;
            double newSpeed = Math.hypot(vx, vy);
            accel = unseen != 0 ? 0 : 0.5 * accel + 0.5 * (newSpeed - speed) / dt;
            speed = newSpeed;
            heading = pose.heading();
            x = tx;
            y = ty;
            unseen = 0;
            return new AnimalFeatures(true, x, y, vx, vy, speed, speed / lengthPx, accel, heading, len, width,
                    len / width, Math.PI / 4 * len * width, 0);
        }
    }
}
