package truce.service;

import java.net.URI;
import java.util.List;
import truce.alert.AlertSettings;
import truce.session.SessionRules;

/**
 * The settings document of GET/PUT /api/settings.
 *
 * @param alerts    alert thresholds and cool-downs
 * @param sessions  automatic session start and quiet time
 * @param webhooks  URLs that receive each alert as a JSON POST
 * @param retention how long recordings are kept (highlights are never deleted)
 */
public record Settings(AlertSettings alerts, SessionRules sessions, List<String> webhooks, Retention retention) {

    /** Recordings older than {@code days}, or beyond {@code gigabytes} in all (oldest first), are deleted. */
    public record Retention(double days, double gigabytes) {
        public Retention {
            if (!(days > 0) || !(gigabytes > 0)) {
                throw new IllegalArgumentException("retention days and gigabytes must be > 0");
            }
        }
    }

    public static final Settings DEFAULTS = new Settings(AlertSettings.DEFAULTS, SessionRules.DEFAULTS, List.of(),
            new Retention(30, 20));

    public Settings {
        if (alerts == null) {
            alerts = AlertSettings.DEFAULTS;
        }
        if (sessions == null) {
            sessions = SessionRules.DEFAULTS;
        }
        if (webhooks == null) {
            webhooks = List.of();
        }
        if (retention == null) {
            retention = new Retention(30, 20);
        }
        if (webhooks.size() > 20) {
            throw new IllegalArgumentException("at most 20 webhooks");
        }
        for (String w : webhooks) {
            URI u;
            try {
                u = URI.create(w);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook '" + w + "' is not a URL");
            }
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("webhook '" + w + "' must be an http(s) URL");
            }
        }
        webhooks = List.copyOf(webhooks);
    }
}
