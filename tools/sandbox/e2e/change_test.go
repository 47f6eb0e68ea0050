package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Renaming a pipeline with formerIds: the component and its children keep their state through
// aliases; the job, whose name is the pipeline id, is replaced (deleted first: a fixed-name job
// cannot exist twice, P12); the topic, whose name did not change, is updated in place (its labels).
func TestRenameKeepsTheTopicAndReplacesTheJob(t *testing.T) {
	c := newCheckout(t)
	c.must("up", "--stack", "dev", "--yes")
	c.edit("pipelines.yaml", func(s string) string {
		return strings.Replace(s, "\n  data-quality-check:\n", "\n  data-quality:\n    formerIds: [data-quality-check]\n", 1)
	})
	out := c.must("up", "--stack", "dev", "--yes")
	deleted := strings.Index(out, "gcp:cloudscheduler:Job data-quality-check-job deleted original")
	created := strings.Index(out, "gcp:cloudscheduler:Job data-quality-job creating replacement")
	if deleted < 0 || created < 0 || deleted > created {
		t.Errorf("the job must be deleted before its replacement is created:\n%s", out)
	}
	if regexp.MustCompile(`gcp:pubsub:Topic data-quality-topic (delet|replac)`).MatchString(out) {
		t.Errorf("the topic must not be deleted or replaced by a rename:\n%s", out)
	}
	names := map[string]bool{}
	for _, job := range c.jobs("dev") {
		names[job["name"].(string)] = true
	}
	if !names["projects/cqc-ml-dev/locations/europe-west2/jobs/data-quality"] || names["projects/cqc-ml-dev/locations/europe-west2/jobs/data-quality-check"] {
		t.Errorf("after the rename the cloud's jobs are %v", names)
	}
	c.must("preview", "--stack", "dev", "--expect-no-changes")
}

// Adoption for real: jobs made by hand in the console are listed as gcloud prints them, turned into
// catalog entries and an import document by `bin/cqc import`, imported by `pulumi import --file`,
// and then the program and the cloud agree.
func TestHandMadeJobsAreAdopted(t *testing.T) {
	c := newCheckout(t)
	c.must("up", "--stack", "dev", "--yes")
	c.must("console", "--stack", "dev", "create", "--from", filepath.Join(repo, "tools/sandbox/e2e/testdata/hand-made-dev.json"))
	listed := c.write("jobs-dev.json", c.must("jobs", "--stack", "dev"))
	if r := c.cqc("import", "--stack", "dev", "--from", listed, "--import-file", "import-dev.json"); r.code != 0 {
		t.Fatalf("bin/cqc import exited %d:\n%s", r.code, r.out)
	}
	out := c.must("import", "--stack", "dev", "--file", "import-dev.json", "--protect=false", "--generate-code=false", "--yes")
	for _, job := range []string{"nightly-export", "cache-warmup"} {
		if !strings.Contains(out, job) {
			t.Errorf("pulumi import did not import %s:\n%s", job, out)
		}
	}
	c.must("preview", "--stack", "dev", "--expect-no-changes")
}

// The policy pack runs inside the real engine: a mandatory policy stops a prod preview.
func TestMandatoryPolicyStopsPreview(t *testing.T) {
	c := newCheckout(t)
	c.edit("Pulumi.prod.yaml", func(s string) string {
		return strings.Replace(s, "    daily-data-ingestion:\n      retry: {count: 5}", "    daily-data-ingestion:\n      retry: {count: 0}", 1)
	})
	r := c.sandboxCmd(args("preview", "--stack", "prod", policyArgs("prod"))...)
	if r.code == 0 || !strings.Contains(r.out, "scheduler-retry-bounds") || !strings.Contains(r.out, "mandatory") {
		t.Fatalf("prod's mandatory scheduler-retry-bounds must stop a job without retries, exited %d:\n%s", r.code, r.out)
	}
}
