package truce.web;

/**
 * One labelled frame as a camera node (truce watch) sends it to the central server over /api/ingest/{camera}.
 * Positions in the node's source-frame pixels; null animals are not in view.
 */
public record IngestFrame(long frame, double timeMs, long wallTimeMs, String catPosture, String ratState,
                          Animal cat, Animal rat, Double distance, Double distanceCatLengths, Double facing,
                          boolean ratInCover) {

    /** What the server needs of an animal. */
    public record Animal(double x, double y, double heading, double bodyLength, double speed) {
    }
}
