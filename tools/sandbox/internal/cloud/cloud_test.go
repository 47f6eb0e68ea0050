package cloud

import (
	"strings"
	"testing"
	"time"
)

func world(t *testing.T) *State {
	t.Helper()
	p := &Project{Number: "123", AppEngineLocation: "europe-west2"}
	p.init()
	for _, s := range []string{schedulerAPI, pubsubAPI, iamAPI, "cloudresourcemanager.googleapis.com", monitoringAPI, loggingAPI} {
		p.Services[s] = true
	}
	p.ServiceAccounts["sch-a@p.iam.gserviceaccount.com"] = &ServiceAccount{AccountID: "sch-a"}
	return &State{Projects: map[string]*Project{"p": p}}
}

func pubsubJob(extra map[string]any) map[string]any {
	job := map[string]any{
		"name":         JobName("p", "europe-west2", "j"),
		"schedule":     "0 2 * * *",
		"pubsubTarget": map[string]any{"topicName": "projects/p/topics/t", "data": "e30="},
	}
	for k, v := range extra {
		job[k] = v
	}
	return job
}

func TestSchedulesAcceptedAndRefused(t *testing.T) {
	for _, ok := range []string{"0 2 * * *", "*/5 * * * *", "0 9 1 JAN-MAR mon-FRI", "0 0 * * 7", "0 8-18/2 * * 1-5", "5,35 * 1,15 * *"} {
		if err := checkSchedule(ok); err != nil {
			t.Errorf("%q must be accepted: %v", ok, err)
		}
	}
	for bad, why := range map[string]string{
		"0 2 * *":        "5 expected",
		"60 * * * *":     "not a valid minute",
		"0 2 * * 8":      "not a valid day of week",
		"0 2 L * *":      "not a valid day of month",
		"5/15 * * * *":   "a step needs",
		"0 18-8 * * *":   "runs backwards",
		"every 24 hours": "legacy",
		"0 0 2 * * ?":    "5 expected",
		"*/0 * * * *":    "invalid step",
	} {
		err := checkSchedule(bad)
		if err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("%q: want an error with %q, got %v", bad, why, err)
		}
	}
}

// P15: a retry field left out of the request gets the API default, so a zero the provider does
// not send comes back as 5 doublings and 5s/3600s backoffs.
func TestRetryDefaultsFillWhatIsNotSent(t *testing.T) {
	st := world(t)
	job, err := st.CreateJob(pubsubJob(map[string]any{"retryConfig": map[string]any{"retryCount": float64(2)}}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"retryCount": float64(2), "maxDoublings": float64(5), "maxRetryDuration": "0s",
		"minBackoffDuration": "5s", "maxBackoffDuration": "3600s"}
	for k, v := range want {
		if got := job["retryConfig"].(map[string]any)[k]; got != v {
			t.Errorf("retryConfig.%s = %v, want %v", k, got, v)
		}
	}
	if _, err := st.CreateJob(pubsubJob(map[string]any{"name": JobName("p", "europe-west2", "k"),
		"retryConfig": map[string]any{"retryCount": float64(6)}})); err == nil || !strings.Contains(err.Error(), "between 0 and 5") {
		t.Errorf("retryCount 6 must be refused (R5.1), got %v", err)
	}
}

// P1/P13: the API ignores a Pub/Sub job's deadline and answers 0s; HTTP deadlines are range-checked.
func TestDeadlinePerTarget(t *testing.T) {
	st := world(t)
	job, err := st.CreateJob(pubsubJob(map[string]any{"attemptDeadline": "180s"}))
	if err != nil || job["attemptDeadline"] != "0s" {
		t.Fatalf("a Pub/Sub job's deadline must come back as 0s, got %v (%v)", job["attemptDeadline"], err)
	}
	http := func(deadline string) error {
		_, err := st.CreateJob(map[string]any{"name": JobName("p", "europe-west2", "h"+strings.TrimSuffix(deadline, "s")),
			"schedule": "0 2 * * *", "attemptDeadline": deadline,
			"httpTarget": map[string]any{"uri": "https://x.run.app/", "oidcToken": map[string]any{"serviceAccountEmail": "sch-a@p.iam.gserviceaccount.com"}}})
		return err
	}
	if err := http("1800s"); err != nil {
		t.Errorf("30 minutes is the HTTP maximum and must be accepted: %v", err)
	}
	for _, bad := range []string{"14s", "1801s", "30m"} {
		if http(bad) == nil {
			t.Errorf("an HTTP deadline of %s must be refused", bad)
		}
	}
}

// R6.4: what the service adds to headers, and what it refuses.
func TestHeaders(t *testing.T) {
	st := world(t)
	job, err := st.CreateJob(map[string]any{"name": JobName("p", "europe-west2", "h"), "schedule": "0 2 * * *",
		"httpTarget": map[string]any{"uri": "https://x.run.app/", "body": "e30=",
			"oidcToken": map[string]any{"serviceAccountEmail": "sch-a@p.iam.gserviceaccount.com"}}})
	if err != nil {
		t.Fatal(err)
	}
	headers := job["httpTarget"].(map[string]any)["headers"].(map[string]any)
	if headers["User-Agent"] != "Google-Cloud-Scheduler" || headers["Content-Type"] != "application/octet-stream" {
		t.Errorf("the service sets User-Agent and a body's default Content-Type, got %v", headers)
	}
	if audience := job["httpTarget"].(map[string]any)["oidcToken"].(map[string]any)["audience"]; audience != "https://x.run.app/" {
		t.Errorf("the OIDC audience defaults to the uri (R6.7), got %v", audience)
	}
	_, err = st.CreateJob(map[string]any{"name": JobName("p", "europe-west2", "g"), "schedule": "0 2 * * *",
		"httpTarget": map[string]any{"uri": "https://x.run.app/", "headers": map[string]any{"X-Google-Foo": "1"}}})
	if err == nil || !strings.Contains(err.Error(), "X-Google-Foo") {
		t.Errorf("an X-Google-* header must be refused, got %v", err)
	}
}

// Issue 10, defect 3: the Cloud Scheduler service agent exists only once the API is enabled.
func TestSchedulerServiceAgentNeedsTheAPI(t *testing.T) {
	st := world(t)
	delete(st.Projects["p"].Services, schedulerAPI)
	if err := st.CreateTopic("p", "topic-a", Topic{}); err != nil {
		t.Fatal(err)
	}
	agent := "serviceAccount:service-123@gcp-sa-cloudscheduler.iam.gserviceaccount.com"
	err := st.AddMember(Policy{Project: "p", Topic: "topic-a"}, "roles/pubsub.publisher", agent)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("a grant to the agent before the API is enabled must fail, got %v", err)
	}
	if err := st.EnableService("p", schedulerAPI); err != nil {
		t.Fatal(err)
	}
	if err := st.AddMember(Policy{Project: "p", Topic: "topic-a"}, "roles/pubsub.publisher", agent); err != nil {
		t.Fatalf("after enabling the API the grant must succeed: %v", err)
	}
}

// Issue 10, defect 2: a threshold on a new log metric is a 404 until the metric has propagated.
func TestNewLogMetricIsUnknownToMonitoringForAWhile(t *testing.T) {
	st := world(t)
	st.Settings.MetricPropagationSeconds = 600
	if err := st.CreateLogMetric("p", "failures", LogMetric{Filter: "severity=ERROR"}); err != nil {
		t.Fatal(err)
	}
	policy := func(metric string) map[string]any {
		return map[string]any{"displayName": "x", "combiner": "OR", "conditions": []any{map[string]any{
			"displayName": "c", "conditionThreshold": map[string]any{"filter": `metric.type="` + metric + `"`}}}}
	}
	if _, err := st.SaveAlertPolicy("p", policy("logging.googleapis.com/user/failures")); !IsNotFound(err) {
		t.Fatalf("a brand-new metric must give 404 Cannot find metric(s), got %v", err)
	}
	st.Projects["p"].LogMetrics["failures"].CreatedAt = time.Now().Add(-11 * time.Minute)
	if _, err := st.SaveAlertPolicy("p", policy("logging.googleapis.com/user/failures")); err != nil {
		t.Fatalf("after ten minutes the policy must be accepted: %v", err)
	}
	if _, err := st.SaveAlertPolicy("p", policy("logging.googleapis.com/log_entry_count")); err != nil {
		t.Fatalf("a built-in metric needs no propagation: %v", err)
	}
	if _, err := st.SaveAlertPolicy("p", policy("custom.googleapis.com/x")); err == nil || !strings.Contains(err.Error(), "not emulated") {
		t.Fatalf("an unknown metric type must be refused by name, got %v", err)
	}
}

func TestServiceDisabledIsA403(t *testing.T) {
	st := world(t)
	delete(st.Projects["p"].Services, pubsubAPI)
	err := st.CreateTopic("p", "topic-a", Topic{})
	if err == nil || !strings.Contains(err.Error(), "SERVICE_DISABLED") {
		t.Fatalf("want SERVICE_DISABLED, got %v", err)
	}
}

func TestDurationsPrintAsProtobufJSON(t *testing.T) {
	for in, want := range map[string]string{"30s": "30s", "3.5s": "3.500s", "0.000001s": "0.000001s", "1.25s": "1.250s"} {
		got, _, err := canonicalDuration("f", in)
		if err != nil || got != want {
			t.Errorf("%s: got %s (%v), want %s", in, got, err, want)
		}
	}
}
