package truce.classify.training;

import java.nio.file.Files;
import java.nio.file.Path;
import truce.framecsv.FrameCsv;

/** Development helper: writes simulated truth CSVs (no video) to a directory, for trying train/evaluate. */
final class WriteSimulatedScenes {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long firstSeed = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        int frames = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        for (long s = firstSeed; s < firstSeed + count; s++) {
            FrameCsv.writeAll(dir.resolve("sim-" + s + ".truth.csv"), SimulatedScenes.scene(s, frames));
        }
    }
}
