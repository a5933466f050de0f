package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One generated scene in a data directory: {@code <name>.truth.csv}, and beside it the footage
 * ({@code <name>.avi}, or {@code <name>.mp4} such as the bundled demo session) and {@code <name>.zones.json}.
 */
public record Scene(String name, Path truth, Path video, Path zones) {
    private static final String TRUTH_SUFFIX = ".truth.csv";

    /** The generator's {@code <name>.info.json} beside the truth (found by file, not by the possibly prefixed name). */
    public Path info() {
        String file = truth.getFileName().toString();
        return truth.resolveSibling(file.substring(0, file.length() - TRUTH_SUFFIX.length()) + ".info.json");
    }

    /**
     * The scenes of several directories; with more than one, each name is prefixed with its directory's name
     * (generated sets all call their scenes scene-00, scene-01, ...).
     */
    public static List<Scene> list(List<Path> dirs) throws IOException {
        if (dirs.size() == 1) {
            return list(dirs.get(0));
        }
        List<Scene> all = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Path dir : dirs) {
            String prefix = dir.toAbsolutePath().normalize().getFileName() + "/";
            for (Scene s : list(dir)) {
                Scene renamed = new Scene(prefix + s.name(), s.truth(), s.video(), s.zones());
                if (!names.add(renamed.name())) {
                    throw new IOException("two data directories are both called " + prefix
                            + "; give them different names");
                }
                all.add(renamed);
            }
        }
        return all;
    }

    /** The scenes of a directory, by name; fails clearly when there are none. */
    public static List<Scene> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such data directory: " + dir);
        }
        List<Scene> scenes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(TRUTH_SUFFIX))
                    .sorted()
                    .forEach(p -> {
                        String file = p.getFileName().toString();
                        String name = file.substring(0, file.length() - TRUTH_SUFFIX.length());
                        scenes.add(new Scene(name, p, video(dir, name), dir.resolve(name + ".zones.json")));
                    });
        }
        if (scenes.isEmpty()) {
            throw new IOException(dir + ": no scenes (*" + TRUTH_SUFFIX + ") found; generate some first");
        }
        return scenes;
    }

    /** {@code <name>.avi} as the generator writes it, else an MP4 of that name, else the expected AVI path. */
    private static Path video(Path dir, String name) {
        Path avi = dir.resolve(name + ".avi");
        Path mp4 = dir.resolve(name + ".mp4");
        return !Files.exists(avi) && Files.exists(mp4) ? mp4 : avi;
    }

    /**
     * What identifies the scene's content whatever its file name: the first 16 hex digits of the SHA-256 of its
     * truth CSV (the generator gives the same seed the same bytes, so a reused seed shows up here).
     */
    public String fingerprint() throws IOException {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(truth));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasVideo() {
        return Files.isRegularFile(video);
    }
}
