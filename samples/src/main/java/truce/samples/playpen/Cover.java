package truce.samples.playpen;

import java.util.List;

/**
 * A place the rat hides in, out of sight under an opaque roof.
 *
 * @param box       footprint on the floor (the roof covers all of it)
 * @param mouths    openings on the footprint's edge
 * @param entrances points just outside each mouth, where a rat lines up to go in
 * @param horizontal for a tunnel, whether its axis runs along x; for a shelter, the door side's axis
 */
public record Cover(String name, CoverKind kind, Box box, List<Vec> mouths, List<Vec> entrances, boolean horizontal) {
    public Cover {
        mouths = List.copyOf(mouths);
        entrances = List.copyOf(entrances);
        if (mouths.size() != entrances.size() || mouths.isEmpty()) {
            throw new IllegalArgumentException("a cover needs one entrance per mouth");
        }
    }

    public Vec inner() {
        return box.center();
    }
}
