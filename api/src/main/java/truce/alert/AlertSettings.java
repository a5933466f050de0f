package truce.alert;

/**
 * The configurable thresholds of product.md's alert table (defaults there) and the cool-downs that debounce
 * each kind. Times in seconds.
 */
public record AlertSettings(
        double stalkingSeconds,
        double stalkingCatLengths,
        double hiddenLongSeconds,
        double cameraLostSeconds,
        double cooldownSeconds,
        double lungeCooldownSeconds) {

    public static final AlertSettings DEFAULTS = new AlertSettings(3, 1.0, 300, 2, 10, 3);

    public AlertSettings {
        if (!(stalkingSeconds > 0) || !(stalkingCatLengths > 0) || !(hiddenLongSeconds > 0)
                || !(cameraLostSeconds > 0) || !(cooldownSeconds >= 0) || !(lungeCooldownSeconds >= 0)) {
            throw new IllegalArgumentException(
                    "alert settings must be positive (cool-downs may be 0): " + this);
        }
    }

    public double cooldownSeconds(AlertKind kind) {
        return kind == AlertKind.LUNGE ? lungeCooldownSeconds : cooldownSeconds;
    }
}
