package truce.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import truce.floor.FloorMap;

/** The floor a recorded clip shows: its zones, and the width it spans when the zones file does not say. */
final class FloorOptions {

    @Option(names = "--zones", paramLabel = "Z.json", description = "cover/barrier/perch zones (and viewWidthCm)")
    Path zonesFile;

    @Option(names = "--view-width-cm", paramLabel = "W", description = "floor width the picture spans, cm")
    Double viewWidthCm;

    /** The zones (none without a file), with {@code --view-width-cm} over the file's own width. */
    FloorMap floor() throws IOException {
        FloorMap zones = zonesFile == null ? FloorMap.NONE : FloorMap.read(zonesFile);
        if (viewWidthCm != null) {
            if (!(viewWidthCm > 0)) {
                throw new IllegalArgumentException("--view-width-cm must be positive");
            }
            zones = zones.withViewWidthCm(viewWidthCm);
        }
        return zones;
    }
}
