package com.cqc.scheduler.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** IANA time zone names, normalised so the provider never sees UTC one way and Etc/UTC the other (P9). */
public final class Zones {
    static final String UTC = "Etc/UTC";
    private static final Set<String> UTC_ALIASES = Set.of(
            "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu");

    private Zones() {}

    /** The canonical zone for an IANA name, or empty when it is not one (R3.1). */
    public static Optional<ZoneId> canonical(String name) {
        if (UTC_ALIASES.contains(name)) {
            return Optional.of(ZoneId.of(UTC));
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(name);
            return zone instanceof ZoneOffset ? Optional.empty() : Optional.of(zone);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
