package truce.samples.playpen;

/** A food or water bowl on the floor. */
public record Bowl(Vec center, double radius, boolean water) {
}
