package com.cqc.scheduler.adopt;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** What became of one cloud job: a catalog entry (with notes on what was adapted), or a reason it was not imported. */
public sealed interface Translation permits Translation.Imported, Translation.Skipped {

    /** The job's name as the API gives it. */
    String name();

    /**
     * An entry for the catalog.
     *
     * @param reusedAccount the id of an existing invoker account the pipeline keeps (imported too)
     */
    record Imported(String name, String id, ObjectNode entry, List<String> notes, Optional<String> reusedAccount)
            implements Translation {
        public Imported {
            notes = List.copyOf(notes);
        }
    }

    /** A job this program cannot express faithfully, with every reason. */
    record Skipped(String name, List<String> reasons) implements Translation {
        public Skipped {
            reasons = List.copyOf(reasons);
        }
    }
}
