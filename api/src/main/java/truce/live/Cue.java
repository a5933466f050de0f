package truce.live;

/** A reward cue: the moment the protocol says to give a treat. */
public record Cue(String type, String cue, String camera, Long sessionId, double timeMs) {
    public static Cue calmLook(String camera, Long sessionId, double timeMs) {
        return new Cue("cue", "CALM_LOOK", camera, sessionId, timeMs);
    }
}
