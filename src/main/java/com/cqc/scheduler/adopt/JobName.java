package com.cqc.scheduler.adopt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A job's full name, {@code projects/PROJECT/locations/LOCATION/jobs/ID} (R1.1). */
public record JobName(String project, String location, String id) {
    private static final Pattern FORMAT = Pattern.compile("projects/([^/]+)/locations/([^/]+)/jobs/([^/]+)");

    public static Optional<JobName> parse(String name) {
        Matcher m = FORMAT.matcher(name);
        return m.matches() ? Optional.of(new JobName(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "projects/" + project + "/locations/" + location + "/jobs/" + id;
    }
}
