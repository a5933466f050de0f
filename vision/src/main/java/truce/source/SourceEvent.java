package truce.source;

/** What a source reports besides frames: it opened, it failed, it is reconnecting, it ended. */
public sealed interface SourceEvent {
    String source();

    record Opened(String source, int width, int height, double fps) implements SourceEvent {
    }

    /** The source stopped delivering: unplugged, network down, truncated or corrupt file. */
    record Failed(String source, long framesDelivered, String reason) implements SourceEvent {
    }

    /** A live source will try to open again after {@code delayMs}. */
    record Reconnecting(String source, int attempt, long delayMs) implements SourceEvent {
    }

    /** The stream ended cleanly (end of file) or the source was closed. */
    record Ended(String source, long framesDelivered) implements SourceEvent {
    }

    /** Where events go; called on the source's thread, so keep it quick. */
    @FunctionalInterface
    interface Listener {
        Listener NONE = e -> { };

        void on(SourceEvent event);
    }
}
