package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneTest {

    @Test
    void aSceneFindsItsAviOrElseAnMp4OfTheSameName(@TempDir Path dir) throws IOException {
        for (String f : List.of("a.truth.csv", "a.avi", "a.mp4", "b.truth.csv", "b.mp4", "c.truth.csv")) {
            Files.writeString(dir.resolve(f), "");
        }
        List<Scene> scenes = Scene.list(dir);
        assertEquals(List.of("a", "b", "c"), scenes.stream().map(Scene::name).toList());
        assertEquals(dir.resolve("a.avi"), scenes.get(0).video(), "the generator's AVI wins");
        assertEquals(dir.resolve("b.mp4"), scenes.get(1).video(), "an MP4 scene such as the demo session");
        assertEquals(dir.resolve("c.avi"), scenes.get(2).video(), "no footage: the AVI the error message names");
        assertEquals(dir.resolve("b.zones.json"), scenes.get(1).zones());
    }

    @Test
    void anEmptyDirectoryIsAClearError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Scene.list(dir));
        assertEquals(true, e.getMessage().contains("no scenes"), e.getMessage());
    }

    @Test
    void scenesOfSeveralDirectoriesFindTheirInfoFileUnderTheirPrefixedNames(@TempDir Path root) throws IOException {
        Path a = Files.createDirectory(root.resolve("set-a"));
        Path b = Files.createDirectory(root.resolve("set-b"));
        for (Path d : List.of(a, b)) {
            Files.writeString(d.resolve("scene-00.truth.csv"), "");
        }
        List<Scene> scenes = Scene.list(List.of(a, b));
        assertEquals(List.of("set-a/scene-00", "set-b/scene-00"), scenes.stream().map(Scene::name).toList());
        assertEquals(a.resolve("scene-00.info.json"), scenes.get(0).info());
        assertEquals(b.resolve("scene-00.info.json"), scenes.get(1).info(), "found by file, not by the prefixed name");
    }
}
