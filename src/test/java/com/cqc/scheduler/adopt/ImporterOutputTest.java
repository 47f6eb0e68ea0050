package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.StackSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code import} hands over: each entry checked by the loader with the catalog's defaults before it
 * is offered, and a {@code pulumi import} file whose names and parents are the ones the program gives.
 */
class ImporterOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StackSettings SETTINGS = new StackSettings("test", "test", "cqc-ml-test", "123456789012",
            "europe-west2", "europe-west2", false, Duration.ofDays(7), Alerting.OFF);
    private static final String JOB = "{'name': 'projects/cqc-ml-test/locations/europe-west2/jobs/nightly',"
            + " 'schedule': '%s', 'state': 'ENABLED', 'pubsubTarget': {'topicName': 'projects/cqc-ml-test/topics/ingest',"
            + " 'data': 'eA=='}}";

    private static Importer importer() throws ConfigException {
        StackFile stack = StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, """
                config:
                  gcp:project: cqc-ml-test
                  gcp:region: europe-west2
                  cqc-scheduler:projectNumber: "123456789012"
                  cqc-scheduler:environment: test
                  cqc-scheduler:pipelines: {other: {paused: true}}
                """);
        return new Importer(SETTINGS, stack, Instant.parse("2026-11-29T00:00:00Z"));
    }

    private static Translation translate(String schedule, String defaults) throws Exception {
        JsonNode job = JSON.readTree(JOB.formatted(schedule).replace('\'', '"'));
        return importer().translate(List.of(job), Set.of(), defaults).get(0);
    }

    @Test
    void anEntryThatTheLoaderAcceptsIsOfferedEvenWhenTheStackOverridesOtherPipelines() throws Exception {
        assertThat(translate("0 1 * * *", "timeZone: Etc/UTC\n")).isInstanceOf(Translation.Imported.class);
    }

    @Test
    void anEntryTheLoaderWouldRefuseIsSkippedWithTheLoadersError() throws Exception {
        Translation t = translate("61 * * * *", "");

        assertThat(t).isInstanceOf(Translation.Skipped.class);
        assertThat(((Translation.Skipped) t).reasons()).singleElement().asString()
                .startsWith("the entry would be invalid: pipelines.nightly.schedule");
    }

    @Test
    void theCatalogsDefaultsTakePartInTheCheck() throws Exception {
        Translation t = translate("0 1 * * *", "labels: {Team: ml}\n");

        assertThat(t).isInstanceOf(Translation.Skipped.class);
        assertThat(((Translation.Skipped) t).reasons()).singleElement().asString().contains("labels.Team");
    }

    @Test
    void defaultsThatAreNotYamlSkipTheEntryWithThatReason() throws Exception {
        Translation t = translate("0 1 * * *", "retry: [\n");

        assertThat(((Translation.Skipped) t).reasons()).singleElement().asString()
                .startsWith("the catalog's defaults are not YAML");
    }

    @Test
    void theImportFileNamesTheComponentTheJobAndAnyKeptAccount() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Translation.Imported keeps = new Translation.Imported("projects/cqc-ml-test/locations/europe-west2/jobs/a", "a",
                json.createObjectNode(), List.of(), Optional.of("runner"));
        Translation.Imported plain = new Translation.Imported("projects/cqc-ml-test/locations/europe-west2/jobs/b", "b",
                json.createObjectNode(), List.of(), Optional.empty());

        JsonNode file = json.readTree(importer().importFile(List.of(keeps, plain)));

        assertThat(file.path("resources").toString()).isEqualTo(("["
                + "{'type':'cqc:scheduler:ScheduledPipeline','name':'a','component':true},"
                + "{'type':'gcp:cloudscheduler/job:Job','name':'a-job','id':'projects/cqc-ml-test/locations/europe-west2/jobs/a','parent':'a'},"
                + "{'type':'gcp:serviceaccount/account:Account','name':'a-invoker','id':"
                + "'projects/cqc-ml-test/serviceAccounts/runner@cqc-ml-test.iam.gserviceaccount.com','parent':'a'},"
                + "{'type':'cqc:scheduler:ScheduledPipeline','name':'b','component':true},"
                + "{'type':'gcp:cloudscheduler/job:Job','name':'b-job','id':'projects/cqc-ml-test/locations/europe-west2/jobs/b','parent':'b'}"
                + "]").replace('\'', '"'));
    }

    @Test
    void aJobNameIsWrittenBackAsItWasParsedAndAnythingElseIsSkipped() throws Exception {
        String name = "projects/p/locations/europe-west2/jobs/j";
        assertThat(JobName.parse(name).orElseThrow()).hasToString(name);

        Translation t = new JobTranslator(SETTINGS).translate(JSON.readTree("{\"name\": \"jobs/j\"}"));
        assertThat(((Translation.Skipped) t).reasons()).singleElement().asString().contains("(R1.1)");
    }

    @Test
    void aListingIsAnArrayOrAJobsListResponse() throws Exception {
        String job = "{\"name\": \"projects/p/locations/l/jobs/j\"}";

        assertThat(CloudJobs.parse("[" + job + "]", "a.json")).hasSize(1);
        assertThat(CloudJobs.parse("{\"jobs\": [" + job + ", " + job + "]}", "b.json")).hasSize(2);
    }

    @Test
    void entriesAreAppendedToACatalogThatStartsWithPipelinesOrLacksAFinalNewline() {
        assertThat(CatalogAppender.append("pipelines:\n  a: {}", "  b: {}\n", "imported"))
                .isEqualTo("pipelines:\n  a: {}\n\n  # imported\n  b: {}\n");
        assertThat(CatalogAppender.append("", "  b: {}\n", "imported")).isEqualTo("pipelines:\n  # imported\n  b: {}\n");
    }
}
