package truce.live;

import truce.alert.Point;

/** The latest state of a camera as sent to live clients (at most ~10 a second per camera). */
public record FrameState(String type, String camera, Long sessionId, long frame, double timeMs, String catPosture,
                         String ratState, Point cat, Point rat, double calmShare) {
}
