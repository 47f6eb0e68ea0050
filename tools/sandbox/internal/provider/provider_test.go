package provider

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
)

const jobURN = resource.URN("urn:pulumi:dev::cqc-scheduler::gcp:cloudscheduler/job:Job::j")

func newProvider(t *testing.T) *Provider {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cloud.json")
	p := &cloud.Project{Number: "1", Services: map[string]bool{"cloudscheduler.googleapis.com": true}}
	if err := cloud.Seed(path, &cloud.State{Projects: map[string]*cloud.Project{"p": p}}); err != nil {
		t.Fatal(err)
	}
	prov := New(cloud.Open(path))
	prov.cfg = config{project: "p", region: "europe-west2"}
	return prov
}

func pubsubInputs() map[string]any {
	return map[string]any{"name": "j", "schedule": "0 2 * * *",
		"pubsubTarget": map[string]any{"topicName": "projects/p/topics/t", "data": "e30="},
		"retryConfig": map[string]any{"retryCount": 1.0, "maxRetryDuration": "0s", "minBackoffDuration": "30s",
			"maxBackoffDuration": "3600s", "maxDoublings": 5.0}}
}

// Check fills the Terraform schema defaults into every job, Pub/Sub ones included (P13).
func TestCheckAppliesTheProviderDefaults(t *testing.T) {
	res, err := newProvider(t).Check(context.Background(), plugin.CheckRequest{URN: jobURN, News: props(pubsubInputs())})
	if err != nil || len(res.Failures) != 0 {
		t.Fatalf("check: %v %v", err, res.Failures)
	}
	if got := res.Properties["attemptDeadline"].StringValue(); got != "180s" {
		t.Errorf("attemptDeadline = %q, want the schema default 180s", got)
	}
	if got := res.Properties["timeZone"].StringValue(); got != "Etc/UTC" {
		t.Errorf("timeZone = %q, want the schema default Etc/UTC", got)
	}
}

// An unknown property, top-level or nested, is a failure that names it.
func TestCheckRefusesUnknownProperties(t *testing.T) {
	in := pubsubInputs()
	in["pubsubTarget"].(map[string]any)["ordering"] = "x"
	in["colour"] = "blue"
	res, err := newProvider(t).Check(context.Background(), plugin.CheckRequest{URN: jobURN, News: props(in)})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range res.Failures {
		paths = append(paths, string(f.Property))
	}
	if strings.Join(paths, ",") != "colour,pubsubTarget.ordering" {
		t.Errorf("failures name %v, want colour and pubsubTarget.ordering", paths)
	}
	if _, err := newProvider(t).Check(context.Background(), plugin.CheckRequest{
		URN: "urn:pulumi:dev::cqc-scheduler::gcp:storage/bucket:Bucket::b", News: props(in)}); err == nil ||
		!strings.Contains(err.Error(), "gcp:storage/bucket:Bucket is not emulated") {
		t.Errorf("an unknown type must be refused by name, got %v", err)
	}
}

// After a create, the provider's Diff of the same inputs is empty for an HTTP job and shows the
// deadline of a Pub/Sub job, whose state the API answers with 0s (P1/P13).
func TestDiffAfterCreate(t *testing.T) {
	prov := newProvider(t)
	ctx := context.Background()
	checked, err := prov.Check(ctx, plugin.CheckRequest{URN: jobURN, News: props(pubsubInputs())})
	if err != nil {
		t.Fatal(err)
	}
	created, err := prov.Create(ctx, plugin.CreateRequest{URN: jobURN, Properties: checked.Properties})
	if err != nil {
		t.Fatal(err)
	}
	diff, err := prov.Diff(ctx, plugin.DiffRequest{URN: jobURN, OldOutputs: created.Properties, NewInputs: checked.Properties})
	if err != nil {
		t.Fatal(err)
	}
	if diff.Changes != plugin.DiffSome || len(diff.ChangedKeys) != 1 || diff.ChangedKeys[0] != "attemptDeadline" {
		t.Errorf("a Pub/Sub job must diff on attemptDeadline alone, got %v %v", diff.Changes, diff.ChangedKeys)
	}
	diff, err = prov.Diff(ctx, plugin.DiffRequest{URN: jobURN, OldOutputs: created.Properties, NewInputs: checked.Properties,
		IgnoreChanges: []string{"attemptDeadline"}})
	if err != nil || diff.Changes != plugin.DiffNone {
		t.Errorf("with ignoreChanges on attemptDeadline the job must settle, got %v %v (%v)", diff.Changes, diff.ChangedKeys, err)
	}
	renamed := checked.Properties.Copy()
	renamed["name"] = resource.NewProperty("k")
	diff, err = prov.Diff(ctx, plugin.DiffRequest{URN: jobURN, OldOutputs: created.Properties, NewInputs: renamed})
	if err != nil {
		t.Fatal(err)
	}
	if len(diff.ReplaceKeys) == 0 || diff.ReplaceKeys[0] != "name" {
		t.Errorf("a new job name must replace the job (ForceNew), got %v", diff.ReplaceKeys)
	}
}
