package truce.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import truce.classify.BehaviourModel;
import truce.classify.DjlRuntime;
import truce.classify.ModelClassifier;
import truce.classify.RuleBasedClassifier;
import truce.classify.evaluation.Evaluation;
import truce.classify.evaluation.EvaluationReport;
import truce.classify.evaluation.LungeEvents;
import truce.classify.evaluation.VisionCheck;
import truce.classify.training.LabelledScene;
import truce.classify.training.ShapeReadings;
import truce.classify.training.ModelCard;
import truce.classify.training.Scene;

/** {@code truce evaluate}: scores the model, and the rule-based baseline beside it, on held-out scenes. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the behaviour model and the rule-based baseline on held-out generated scenes.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*",
            description = "directory of held-out generated scenes (several may be given)")
    List<Path> data;

    @Option(names = "--model", description = "model directory or .params file (default: the committed weights)")
    Path model;

    @Option(names = "--lunge-threshold", description = "override the model's lunge threshold (0.5-1)")
    Float lungeThreshold;

    @Option(names = "--dwell", description = "override the model's dwell: frames in a row another label must win"
            + " before a head's label changes (1-15)")
    Integer dwell;

    @Option(names = "--net-only", description = "also score the net without the no-hiding-in-plain-view rule")
    boolean netOnly;

    @Option(names = "--no-baseline", description = "leave out the rule-based baseline")
    boolean noBaseline;

    @Option(names = "--by-vision", description = "also score the model apart on the frames vision got right (both"
            + " animals within 20 px of the truth, or out of view when the truth has them out of view, a hidden rat in"
            + " cover) and on the"
            + " rest, and list each missed and false lunge with vision's errors around it")
    boolean byVision;

    @Mixin
    FeatureOptions features;

    @Override
    public Integer call() throws Exception {
        DjlRuntime.configure();
        List<Scene> scenes = Scene.list(data);
        if (model == null || java.nio.file.Files.isDirectory(model)) {
            Set<String> seen = new HashSet<>(model == null ? ModelCard.committedTrainingScenes()
                    : ModelCard.trainingScenes(model));
            List<String> overlap = new ArrayList<>();
            for (Scene s : scenes) {
                if (seen.contains(s.fingerprint())) {
                    overlap.add(s.name());
                }
            }
            if (!overlap.isEmpty()) {
                throw new IllegalArgumentException("these scenes were used in training, evaluate on held-out ones: "
                        + String.join(", ", overlap));
            }
        }
        List<LabelledScene> labelled = LabelledScene.loadAll(scenes, features.source(), true);
        List<Evaluation> evals = new ArrayList<>();
        var out0 = spec.commandLine().getOut();
        try (BehaviourModel m = model == null ? BehaviourModel.loadDefault() : BehaviourModel.load(model);
             ModelClassifier classifier = new ModelClassifier(overridden(m))) {
            out0.println("model lunge threshold " + m.lungeThreshold() + ", dwell " + m.dwell());
            if (m.shape() != null) {
                // the model reads the cat's crop: cut every scene's crops (cached) and read them in batches
                labelled = ShapeReadings.read(scenes, labelled, m.shape(), true);
            }
            evals.add(Evaluation.run("model", classifier, labelled));
            if (byVision) {
                Map<LabelledScene, boolean[]> right = new IdentityHashMap<>();
                Map<LabelledScene, boolean[]> around = new IdentityHashMap<>();
                for (LabelledScene s : labelled) {
                    right.put(s, VisionCheck.right(s));
                    around.put(s, VisionCheck.rightAround(right.get(s), LungeEvents.TOLERANCE_FRAMES));
                }
                evals.add(Evaluation.run("vision right", classifier, labelled, right::get, around::get));
                evals.add(Evaluation.run("vision wrong", classifier, labelled,
                        s -> not(right.get(s)), s -> not(around.get(s))));
            }
            if (netOnly) {
                evals.add(Evaluation.run("net only", new ModelClassifier(m).withoutPlainViewRule(), labelled));
            }
        }
        if (!noBaseline) {
            try (RuleBasedClassifier baseline = new RuleBasedClassifier()) {
                evals.add(Evaluation.run("baseline", baseline, labelled));
            }
        }
        var out = spec.commandLine().getOut();
        out.println("evaluate: " + scenes.size() + " scenes in " + data.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" ")) + ", "
                + labelled.stream().mapToInt(LabelledScene::frames).sum() + " frames");
        out.print(EvaluationReport.format(evals));
        if (labelled.stream().anyMatch(s -> s.shape() != null)) {
            out.print(truce.classify.evaluation.ShapeScore.of(labelled).format());
        }
        if (byVision) {
            out.print(events("missed lunges", evals.get(0).missedLunges()));
            out.print(events("false lunges", evals.get(0).falseLunges()));
        }
        out.flush();
        return 0;
    }

    private static boolean[] not(boolean[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = !b[i];
        }
        return out;
    }

    /** Each moment with vision's worst cat and rat error (px, "lost" when in/out of view disagree) around it. */
    private static String events(String title, List<Evaluation.Moment> moments) {
        StringBuilder sb = new StringBuilder("\n").append(title).append(" of the model, with vision's worst error within ")
                .append(LungeEvents.TOLERANCE_FRAMES).append(" frames (px; lost = in view and out of view disagree)\n");
        for (Evaluation.Moment m : moments) {
            LabelledScene s = m.scene();
            double cat = 0;
            double rat = 0;
            boolean cover = true;
            for (int t = Math.max(0, m.frame() - LungeEvents.TOLERANCE_FRAMES);
                    t <= Math.min(s.frames() - 1, m.frame() + LungeEvents.TOLERANCE_FRAMES); t++) {
                cat = Math.max(cat, VisionCheck.catError(s.features().get(t), s.truth().get(t)));
                rat = Math.max(rat, VisionCheck.ratError(s.features().get(t), s.truth().get(t)));
                cover &= VisionCheck.ratRight(s.features().get(t), s.truth().get(t))
                        || VisionCheck.ratError(s.features().get(t), s.truth().get(t)) > VisionCheck.GOOD_PX;
            }
            boolean ok = cat <= VisionCheck.GOOD_PX && rat <= VisionCheck.GOOD_PX && cover;
            sb.append(String.format(java.util.Locale.ROOT, "  %-28s frame %5d  cat %5s  rat %5s  %s%n", s.name(),
                    m.frame(), px(cat), px(rat), ok ? "vision right" : cover ? "vision wrong" : "vision wrong (hidden rat not in cover)"));
        }
        return sb.toString();
    }

    private static String px(double v) {
        return Double.isInfinite(v) ? "lost" : String.format(java.util.Locale.ROOT, "%.0f", v);
    }

    /** The model with this command's overrides of its settings. */
    private BehaviourModel overridden(BehaviourModel m) {
        if (lungeThreshold != null) {
            m.withLungeThreshold(lungeThreshold);
        }
        if (dwell != null) {
            m.withDwell(dwell);
        }
        return m;
    }
}
