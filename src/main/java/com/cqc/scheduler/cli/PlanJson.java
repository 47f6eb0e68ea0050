package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as JSON, in the shape of {@code docs/plan.schema.json} (schemaVersion 1). */
final class PlanJson {
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    static String render(Plan plan) {
        return render(plan, null);
    }

    /** With {@code steps} (a plan against a deployed state), adds what happens to each resource. */
    static String render(Plan plan, List<StateComparison.Step> steps) {
        try {
            Map<String, Object> doc = document(plan);
            if (steps != null) {
                doc.put("operations", steps.stream().map(PlanJson::operation).toList());
            }
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the plan cannot be written as JSON", e);
        }
    }

    static Map<String, Object> document(Plan plan) {
        StackSettings s = plan.model().settings();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("project", StackLoader.PROJECT);
        doc.put("stack", s.stack());
        doc.put("gcpProject", s.project());
        doc.put("region", s.region());
        doc.put("resources", plan.resources().stream().map(PlanJson::resource).toList());
        doc.put("pipelines", plan.model().pipelines().stream().map(p -> pipeline(p, plan.nextRuns().get(p.id()))).toList());
        doc.put("warnings", plan.model().warnings().stream().map(PlanJson::problem).toList());
        return doc;
    }

    private static Map<String, Object> resource(PlannedResource r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("urn", r.urn());
        out.put("type", r.type());
        out.put("name", r.name());
        out.put("custom", r.custom());
        out.put("parent", r.parentUrn());
        out.put("pipeline", r.pipeline());
        out.put("props", Shown.props(Values.typedMap(r.props())));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("protect", r.options().protect());
        options.put("retainOnDelete", r.options().retainOnDelete());
        options.put("deleteBeforeReplace", r.options().deleteBeforeReplace());
        options.put("dependsOn", r.options().dependsOn());
        options.put("aliases", r.options().aliases());
        options.put("ignoreChanges", r.options().ignoreChanges());
        out.put("options", options);
        out.put("afterApply", r.afterApply());
        return out;
    }

    private static Map<String, Object> operation(StateComparison.Step step) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("urn", step.urn());
        out.put("op", step.op() == StateComparison.Op.SAME ? "same" : step.op().word);
        out.put("changes", step.changes().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", c.field());
            change.put("from", Shown.value(c.field(), c.from()));
            change.put("to", Shown.value(c.field(), c.to()));
            change.put("forcesReplacement", c.forcesReplacement());
            return change;
        }).toList());
        return out;
    }

    private static Map<String, Object> pipeline(Pipeline p, List<ZonedDateTime> runs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("schedule", p.schedule().expression());
        out.put("declaredSchedule", p.schedule().declared());
        out.put("timeZone", p.timeZone().getId());
        out.put("target", p.target().kind().label());
        out.put("auth", p.target().auth().kind());
        out.put("paused", p.paused());
        out.put("nextRuns", runs.stream().map(PlanJson::run).toList());
        return out;
    }

    private static Map<String, Object> run(ZonedDateTime t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("local", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        out.put("utc", DateTimeFormatter.ISO_INSTANT.format(t.toInstant()));
        return out;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", p.path());
        out.put("message", p.message());
        out.put("rule", p.rule());
        return out;
    }
}
