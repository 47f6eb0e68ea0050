package e2e

import (
	"encoding/json"
	"maps"
	"sort"
	"strings"
	"testing"
)

// `bin/cqc plan --state` (the offline plan against a `pulumi stack export`) lists, resource by
// resource, the operations the real engine previews on the same state: first with nothing changed,
// then after edits of every kind (a topic renamed, an invoker renamed, a schedule and a description
// changed, a pipeline disabled, failure alerting switched on).
func TestPlanAgainstStateMatchesTheEngine(t *testing.T) {
	c := newCheckout(t)
	c.must("up", "--stack", "dev", "--yes")
	compare := func(label string) map[string]string {
		c.must("stack", "export", "--stack", "dev", "--file", "state-dev.json")
		r := c.cqc("plan", "--stack", "dev", "--format", "json", "--state", "state-dev.json")
		if r.code != 0 {
			t.Fatalf("%s: plan --state exited %d:\n%s", label, r.code, r.out)
		}
		offline := planOperations(t, r.out)
		engine := engineOperations(t, c.must("preview", "--stack", "dev", "--json"))
		if !maps.Equal(offline, engine) {
			t.Errorf("%s: plan --state and the engine differ\nplan:   %v\nengine: %v", label, describe(offline), describe(engine))
		}
		return engine
	}
	if unchanged := compare("nothing changed"); len(unchanged) != 0 {
		t.Errorf("right after up the engine proposes %v", describe(unchanged))
	}
	for _, e := range []struct{ file, from, to string }{
		{"pipelines.yaml", "topic: bigquery-etl-trigger", "topic: bigquery-etl-start"},
		{"pipelines.yaml", "  monthly-reports:\n    description:", "  monthly-reports:\n    serviceAccount: sch-reports-caller\n    description:"},
		{"pipelines.yaml", "description: Trigger the CQC nightly Cloud Function (gen2).", "description: Trigger the nightly Cloud Function."},
		{"Pulumi.dev.yaml", "    enabled: false          # dev experiments fail often; nobody is paged for them",
			"    failedAttempts: 2\n    window: 15m\n    emails: [dev-alerts@cqc.example]"},
		{"Pulumi.dev.yaml", "      paused: true\n      retry: {count: 1}",
			"      paused: true\n      retry: {count: 1}\n      schedule: \"15 4 * * *\"\n    cloudrun-trigger:\n      enabled: false"},
	} {
		c.edit(e.file, func(s string) string { return strings.Replace(s, e.from, e.to, 1) })
	}
	changed := compare("after the edits")
	kinds := map[string]int{}
	for _, op := range changed {
		kinds[op]++
	}
	for _, op := range []string{"create", "update", "replace", "delete"} {
		if kinds[op] == 0 {
			t.Errorf("the edits must give at least one %s, the engine proposes %v", op, kinds)
		}
	}
}

// planOperations is the plan's operations per URN, without the unchanged ones.
func planOperations(t *testing.T, out string) map[string]string {
	t.Helper()
	var plan struct {
		Operations []struct {
			URN string `json:"urn"`
			Op  string `json:"op"`
		} `json:"operations"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("plan --state JSON: %v", err)
	}
	ops := map[string]string{}
	for _, o := range plan.Operations {
		if o.Op != "same" {
			ops[o.URN] = o.Op
		}
	}
	return ops
}

// engineOperations is `pulumi preview --json` per URN: a replacement's steps count as one replace;
// the stack and the providers are left out.
func engineOperations(t *testing.T, out string) map[string]string {
	t.Helper()
	var preview struct {
		Steps []struct {
			URN string `json:"urn"`
			Op  string `json:"op"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out), &preview); err != nil {
		t.Fatalf("preview --json: %v\n%s", err, out)
	}
	ops := map[string]string{}
	for _, s := range preview.Steps {
		if strings.Contains(s.URN, "::pulumi:providers:") || strings.Contains(s.URN, "::pulumi:pulumi:Stack::") || s.Op == "same" {
			continue
		}
		switch s.Op {
		case "create-replacement", "delete-replaced":
			s.Op = "replace"
		}
		ops[s.URN] = s.Op
	}
	return ops
}

func describe(ops map[string]string) string {
	var lines []string
	for urn, op := range ops {
		lines = append(lines, op+" "+urn[strings.LastIndex(urn, "::")+2:])
	}
	sort.Strings(lines)
	return strings.Join(lines, ", ")
}
