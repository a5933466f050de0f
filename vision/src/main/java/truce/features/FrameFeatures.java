package truce.features;

/**
 * Everything the behaviour classifier may use of one frame: both animals and their relation.
 * Produced once per frame, in source order, from the current and past frames only.
 *
 * @param frame             frame index from 0 in source order
 * @param timeMs            media time of the frame (ms)
 * @param cat               the cat, or {@link AnimalFeatures#NEVER_SEEN}
 * @param rat               the rat, or {@link AnimalFeatures#NEVER_SEEN}
 * @param distance          cat-rat centroid distance (px); NaN unless both have a position
 * @param distanceCatLengths the same in cat body lengths
 * @param approachSpeed     rate at which the distance shrinks (px/s, positive when the cat closes in)
 * @param catFacingAngle    angle between the cat's heading and its bearing to the rat, radians in [0, pi]
 * @param ratInCover        the rat is inside a cover zone, or vanished next to one / where it was last seen
 */
public record FrameFeatures(
        long frame,
        double timeMs,
        AnimalFeatures cat,
        AnimalFeatures rat,
        double distance,
        double distanceCatLengths,
        double approachSpeed,
        double catFacingAngle,
        boolean ratInCover) {
}
