package truce.alert;

/**
 * The alerts of product.md, each with its fixed severity. {@code DISK_FULL} is the service's own: product.md
 * asks that a full disk stop recording "with an alert".
 */
public enum AlertKind {
    LUNGE(Severity.CRITICAL),
    STALKING(Severity.WARNING),
    RAT_FLEEING(Severity.WARNING),
    RAT_HIDDEN_LONG(Severity.INFO),
    CAMERA_LOST(Severity.CRITICAL),
    DISK_FULL(Severity.CRITICAL);

    private final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
