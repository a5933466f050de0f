package truce.source;

/** A source failed: unplugged camera, truncated or corrupt file, unreachable stream. The message says which. */
public final class SourceException extends Exception {
    private final long framesDelivered;

    public SourceException(String message, long framesDelivered) {
        super(message);
        this.framesDelivered = framesDelivered;
    }

    public SourceException(String message, long framesDelivered, Throwable cause) {
        super(message, cause);
        this.framesDelivered = framesDelivered;
    }

    /** Good frames delivered before the failure. */
    public long framesDelivered() {
        return framesDelivered;
    }
}
