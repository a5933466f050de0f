package truce.service;

import truce.live.CameraLoop;
import truce.live.LiveView;

/** A running camera: its loop and its picture. */
public record Camera(CameraLoop loop, LiveView view) {
}
