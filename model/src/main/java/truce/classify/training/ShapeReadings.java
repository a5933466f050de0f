package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import truce.classify.ShapeModel;
import truce.classify.ShapeNet;

/**
 * The shape net's readings of every frame of labelled scenes: the stage between the crops and the behaviour net.
 * Training fits the shape net on the training scenes and reads each of them with a net that never saw it
 * (two folds, each read by the net of the other), so the behaviour net learns how far to trust readings of a
 * scene as unseen as a live one; the net that ships, trained on all the training scenes, reads the validation
 * scenes. Evaluation reads every scene with the model's own shape net.
 */
public final class ShapeReadings {
    private ShapeReadings() {
    }

    /** {@code labelled} (aligned with {@code scenes}) with each scene's readings by {@code model}. */
    public static List<LabelledScene> read(List<Scene> scenes, List<LabelledScene> labelled, ShapeModel model,
                                           boolean progress) throws IOException {
        List<LabelledScene> out = new ArrayList<>(labelled.size());
        try (ProgressBar bar = progress ? TrainingProgress.bar("crops", labelled.size()) : null) {
            for (int i = 0; i < labelled.size(); i++) {
                LabelledScene s = labelled.get(i);
                out.add(s.withShape(ShapeTrainer.readings(model, CatCrops.of(scenes.get(i), s.features()))));
                if (bar != null) {
                    bar.step();
                }
            }
        }
        return out;
    }

    /**
     * Fits the shape net on {@code training} (names of scenes in {@code labelled}, which is aligned with
     * {@code scenes}), writes it to {@code outDir/shape.params}, and returns {@code labelled} with readings: training
     * scenes read out of fold, the others by the written net.
     */
    public static List<LabelledScene> fit(List<Scene> scenes, List<LabelledScene> labelled, Set<String> training,
                                          ShapeTrainer.Config config, Path outDir, java.io.PrintWriter log)
            throws IOException {
        List<CatCrops> crops = new ArrayList<>(labelled.size());
        try (ProgressBar bar = config.progressBar() ? TrainingProgress.bar("crops", labelled.size()) : null) {
            for (int i = 0; i < labelled.size(); i++) {
                crops.add(CatCrops.of(scenes.get(i), labelled.get(i).features()));
                if (bar != null) {
                    bar.step();
                }
            }
        }
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            if (training.contains(labelled.get(i).name())) {
                train.add(i);
            }
        }
        if (train.size() < 2) {
            throw new IllegalArgumentException("the shape net needs at least 2 training scenes, has " + train.size());
        }
        // two folds by scene, seeded
        java.util.Collections.shuffle(train, new Random(config.seed() ^ 0x5A4EL));
        Set<Integer> foldA = new HashSet<>(train.subList(0, train.size() / 2));
        Map<Integer, ShapeTrainer.Material> material = new HashMap<>();
        for (int i : train) {
            material.put(i, ShapeTrainer.material(scenes.get(i), labelled.get(i), crops.get(i)));
        }
        Path dir = Files.createDirectories(outDir);
        Path a = dir.resolve("shape-fold-a.params");
        Path b = dir.resolve("shape-fold-b.params");
        Path shipped = dir.resolve(ShapeNet.FILE);
        ShapeTrainer trainer = new ShapeTrainer(config);
        log.println("shape net: fold a (" + foldA.size() + " scenes), fold b (" + (train.size() - foldA.size())
                + "), then all " + train.size() + " training scenes");
        log.flush();
        trainer.train(train.stream().filter(foldA::contains).map(material::get).toList(), a);
        trainer.train(train.stream().filter(i -> !foldA.contains(i)).map(material::get).toList(), b);
        trainer.train(train.stream().map(material::get).toList(), shipped);
        List<LabelledScene> out = new ArrayList<>(labelled.size());
        try (ShapeModel ma = ShapeModel.load(a); ShapeModel mb = ShapeModel.load(b); ShapeModel all = ShapeModel.load(shipped)) {
            for (int i = 0; i < labelled.size(); i++) {
                ShapeModel reader = !training.contains(labelled.get(i).name()) ? all : foldA.contains(i) ? mb : ma;
                out.add(labelled.get(i).withShape(ShapeTrainer.readings(reader, crops.get(i))));
                crops.set(i, null); // the pixels are done with
            }
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        return out;
    }

}
