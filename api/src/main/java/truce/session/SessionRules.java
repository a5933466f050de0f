package truce.session;

/**
 * When a session starts and ends by itself: it starts once both animals have been in view for
 * {@code startSeconds}, and ends after {@code quietSeconds} with neither animal in view.
 */
public record SessionRules(double startSeconds, double quietSeconds) {
    public static final SessionRules DEFAULTS = new SessionRules(1, 60);

    public SessionRules {
        if (!(startSeconds >= 0) || !(quietSeconds > 0)) {
            throw new IllegalArgumentException("startSeconds must be >= 0 and quietSeconds > 0");
        }
    }
}
