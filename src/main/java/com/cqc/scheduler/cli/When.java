package com.cqc.scheduler.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A {@code --from} value: an ISO-8601 instant, or a date meaning its midnight UTC. */
final class When {
    private When() {}

    static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("'" + text + "' is neither a date such as 2026-11-29"
                        + " (midnight UTC) nor an ISO-8601 instant such as 2026-11-29T06:30:00Z");
            }
        }
    }
}
