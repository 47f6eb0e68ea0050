package cloud

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // the IANA database in the binary, so that zones do not depend on the machine
)

// Cloud Scheduler v1 jobs (googleapis google/cloud/scheduler/v1/{job,target}.proto and the REST
// reference of projects.locations.jobs). Jobs are kept in the REST shape that jobs.get returns, so
// `bin/sandbox jobs` prints what `gcloud scheduler jobs list --format=json` would.

const schedulerAPI = "cloudscheduler.googleapis.com"

var (
	jobIDPattern    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,500}$`)              // R1.2
	locationPattern = regexp.MustCompile(`^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$`) // R1.4
	topicPattern    = regexp.MustCompile(`^projects/([^/]+)/topics/([^/]+)$`)   // R7.1
	forbiddenHeader = regexp.MustCompile(`(?i)^(Content-Length|X-Google-.*|X-AppEngine-.*)$`)
)

// JobName is the full resource name of a job (R1.1).
func JobName(project, location, id string) string {
	return fmt.Sprintf("projects/%s/locations/%s/jobs/%s", project, location, id)
}

// ParseJobName splits a full job name.
func ParseJobName(name string) (project, location, id string, err error) {
	parts := strings.Split(name, "/")
	if len(parts) != 6 || parts[0] != "projects" || parts[2] != "locations" || parts[4] != "jobs" {
		return "", "", "", invalid("Job name %q is not projects/PROJECT/locations/LOCATION/jobs/JOB_ID", name)
	}
	return parts[1], parts[3], parts[5], nil
}

// CreateJob is jobs.create: the job as given (REST shape, `name` set), stored with the API's defaults.
func (s *State) CreateJob(job map[string]any) (map[string]any, error) {
	project, location, id, err := ParseJobName(str(job, "name"))
	if err != nil {
		return nil, err
	}
	p, err := s.jobProject(project, location, id)
	if err != nil {
		return nil, err
	}
	key := location + "/" + id
	if _, exists := p.Jobs[key]; exists {
		return nil, conflict("Job %s already exists.", str(job, "name")) // P12: fixed names collide
	}
	stored, err := s.normaliseJob(p, project, location, job)
	if err != nil {
		return nil, err
	}
	stored["state"] = "ENABLED" // R9.2: a new job is enabled; `paused` is applied by jobs.pause
	stored["userUpdateTime"] = now()
	p.Jobs[key] = stored
	return copyMap(stored), nil
}

// GetJob is jobs.get.
func (s *State) GetJob(name string) (map[string]any, error) {
	p, key, err := s.existingJob(name)
	if err != nil {
		return nil, err
	}
	return copyMap(p.Jobs[key]), nil
}

// PatchJob is jobs.patch as the provider calls it (no update mask): the job's settings are replaced
// by those given; name and state stay.
func (s *State) PatchJob(job map[string]any) (map[string]any, error) {
	name := str(job, "name")
	p, key, err := s.existingJob(name)
	if err != nil {
		return nil, err
	}
	project, location, _, _ := ParseJobName(name)
	stored, err := s.normaliseJob(p, project, location, job)
	if err != nil {
		return nil, err
	}
	stored["state"] = p.Jobs[key]["state"]
	stored["userUpdateTime"] = now()
	p.Jobs[key] = stored
	return copyMap(stored), nil
}

// SetJobState is jobs.pause ("PAUSED") and jobs.resume ("ENABLED").
func (s *State) SetJobState(name, state string) (map[string]any, error) {
	p, key, err := s.existingJob(name)
	if err != nil {
		return nil, err
	}
	p.Jobs[key]["state"] = state
	p.Jobs[key]["userUpdateTime"] = now()
	return copyMap(p.Jobs[key]), nil
}

// DeleteJob is jobs.delete.
func (s *State) DeleteJob(name string) error {
	p, key, err := s.existingJob(name)
	if err != nil {
		return err
	}
	delete(p.Jobs, key)
	return nil
}

// ListJobs is jobs.list for one location, sorted by name as the API pages them.
func (s *State) ListJobs(project, location string) ([]map[string]any, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	if err := p.requireService(schedulerAPI); err != nil {
		return nil, err
	}
	var out []map[string]any
	for key, job := range p.Jobs {
		if strings.HasPrefix(key, location+"/") {
			out = append(out, copyMap(job))
		}
	}
	sort.Slice(out, func(i, j int) bool { return str(out[i], "name") < str(out[j], "name") })
	return out, nil
}

func (s *State) jobProject(project, location, id string) (*Project, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	if err := p.requireService(schedulerAPI); err != nil {
		return nil, err
	}
	if !locationPattern.MatchString(location) {
		return nil, invalid("Location %q is not a valid location id", location)
	}
	if !jobIDPattern.MatchString(id) {
		return nil, invalid("Job id %q: only letters, digits, hyphens and underscores, 1 to 500 characters", id)
	}
	return p, nil
}

func (s *State) existingJob(name string) (*Project, string, error) {
	project, location, id, err := ParseJobName(name)
	if err != nil {
		return nil, "", err
	}
	p, err := s.jobProject(project, location, id)
	if err != nil {
		return nil, "", err
	}
	key := location + "/" + id
	if _, ok := p.Jobs[key]; !ok {
		return nil, "", notFound("Job not found: %s", name)
	}
	return p, key, nil
}

// normaliseJob checks a job against the API's rules and returns it as the API stores it.
func (s *State) normaliseJob(p *Project, project, location string, in map[string]any) (map[string]any, error) {
	for key := range in {
		switch key {
		case "name", "description", "schedule", "timeZone", "attemptDeadline", "retryConfig",
			"httpTarget", "pubsubTarget", "appEngineHttpTarget":
		case "state", "userUpdateTime", "scheduleTime", "lastAttemptTime", "status":
			// output-only fields are ignored on input, as the API does
		default:
			return nil, invalid("Invalid JSON payload received. Unknown name %q at 'job': Cannot find field.", key)
		}
	}
	job := map[string]any{"name": str(in, "name")}
	if d := str(in, "description"); d != "" {
		if len([]rune(d)) > 500 { // R9.1
			return nil, invalid("Job description must be at most 500 characters, got %d", len([]rune(d)))
		}
		job["description"] = d
	}
	if err := checkSchedule(str(in, "schedule")); err != nil { // R2.1-R2.6
		return nil, err
	}
	job["schedule"] = str(in, "schedule")
	zone := str(in, "timeZone")
	if zone == "" {
		zone = "Etc/UTC" // R3.2
	}
	if _, err := time.LoadLocation(zone); err != nil || zone == "Local" { // R3.1
		return nil, invalid("Invalid time zone %q: it must be a name of the tz database, e.g. Europe/London", zone)
	}
	job["timeZone"] = zone
	retry, err := normaliseRetry(obj(in, "retryConfig"))
	if err != nil {
		return nil, err
	}
	job["retryConfig"] = retry

	targets := 0
	for _, t := range []string{"httpTarget", "pubsubTarget", "appEngineHttpTarget"} {
		if in[t] != nil {
			targets++
		}
	}
	if targets != 1 { // R9.7
		return nil, invalid("A job must have exactly one target (httpTarget, pubsubTarget or appEngineHttpTarget), got %d", targets)
	}
	deadline := str(in, "attemptDeadline")
	switch {
	case in["httpTarget"] != nil:
		target, err := s.normaliseHTTPTarget(p, project, obj(in, "httpTarget"))
		if err != nil {
			return nil, err
		}
		job["httpTarget"] = target
		if job["attemptDeadline"], err = checkDeadline(deadline, 15, 1800); err != nil { // R4.2
			return nil, err
		}
	case in["appEngineHttpTarget"] != nil:
		if p.AppEngineLocation == "" || p.AppEngineLocation != location { // R1.7, P8
			return nil, invalid("Location must equal %s because the App Engine app that is associated with this project is located in %s",
				orNone(p.AppEngineLocation), orNone(p.AppEngineLocation))
		}
		target, err := normaliseAppEngineTarget(obj(in, "appEngineHttpTarget"))
		if err != nil {
			return nil, err
		}
		job["appEngineHttpTarget"] = target
		if job["attemptDeadline"], err = checkDeadline(deadline, 15, 24*3600+15); err != nil { // R4.3
			return nil, err
		}
	default:
		target, err := normalisePubsubTarget(project, obj(in, "pubsubTarget"))
		if err != nil {
			return nil, err
		}
		job["pubsubTarget"] = target
		// R4.4 and P1/P13: the API ignores the deadline of a Pub/Sub job and answers "0s"
		// (terraform-provider-google#24894, pulumi/pulumi-gcp#3442 show state "0s" against config "180s").
		job["attemptDeadline"] = "0s"
	}
	size, _ := json.Marshal(job)
	if len(size) > 1024*1024 { // R9.4
		return nil, invalid("Job size %d bytes exceeds the maximum of 1 MB", len(size))
	}
	return job, nil
}

func orNone(s string) string {
	if s == "" {
		return "(none: the project has no App Engine app)"
	}
	return s
}

// checkDeadline applies R4.2/R4.3; an unset deadline is the API default of 3 minutes.
func checkDeadline(value string, minSecs, maxSecs float64) (string, error) {
	if value == "" {
		return "180s", nil
	}
	canonical, secs, err := canonicalDuration("job.attempt_deadline", value)
	if err != nil {
		return "", err
	}
	if secs < minSecs || secs > maxSecs {
		return "", invalid("attempt_deadline %s is outside the allowed range [%s, %s] for this target",
			value, formatDuration(minSecs), formatDuration(maxSecs))
	}
	return canonical, nil
}

// normaliseRetry fills the RetryConfig defaults of the REST reference (R5.1-R5.5): retryCount 0,
// maxRetryDuration 0s (unlimited), minBackoffDuration 5s, maxBackoffDuration 3600s, maxDoublings 5.
// A field the caller leaves out gets its default: this is why a zero the provider never sends
// (P15) comes back as the default.
func normaliseRetry(in map[string]any) (map[string]any, error) {
	out := map[string]any{}
	count, set, err := number(in, "retryCount")
	if err != nil {
		return nil, err
	}
	if set && (count < 0 || count > 5) { // R5.1
		return nil, invalid("retry_count must be between 0 and 5, got %d", count)
	}
	out["retryCount"] = float64(count)
	doublings, set, err := number(in, "maxDoublings")
	if err != nil {
		return nil, err
	}
	if !set {
		doublings = 5
	}
	if doublings < 0 {
		return nil, invalid("max_doublings must not be negative, got %d", doublings)
	}
	out["maxDoublings"] = float64(doublings)
	for field, def := range map[string]string{"maxRetryDuration": "0s", "minBackoffDuration": "5s", "maxBackoffDuration": "3600s"} {
		value := str(in, field)
		if value == "" {
			value = def
		}
		canonical, _, err := canonicalDuration("job.retry_config."+field, value)
		if err != nil {
			return nil, err
		}
		out[field] = canonical
	}
	for key := range in {
		if _, known := out[key]; !known {
			return nil, invalid("Invalid JSON payload received. Unknown name %q at 'job.retry_config': Cannot find field.", key)
		}
	}
	return out, nil
}

var httpMethods = map[string]bool{"POST": true, "GET": true, "HEAD": true, "PUT": true, "DELETE": true, "PATCH": true, "OPTIONS": true} // R6.2

func (s *State) normaliseHTTPTarget(p *Project, project string, in map[string]any) (map[string]any, error) {
	out := map[string]any{}
	uri := str(in, "uri")
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(uri) > 2083 { // R6.1
		return nil, invalid("HttpTarget.uri %q must be an http:// or https:// URL of at most 2083 characters", uri)
	}
	out["uri"] = uri
	method := str(in, "httpMethod")
	if method == "" {
		method = "POST"
	}
	if !httpMethods[method] {
		return nil, invalid("Invalid value at 'job.http_target.http_method' (type.googleapis.com/google.cloud.scheduler.v1.HttpMethod), %q", method)
	}
	out["httpMethod"] = method
	body := str(in, "body")
	if body != "" {
		if err := checkBase64("job.http_target.body", body); err != nil {
			return nil, err
		}
		if method != "POST" && method != "PUT" && method != "PATCH" { // R6.3
			return nil, invalid("HTTP method %s does not allow a body; only POST, PUT and PATCH do", method)
		}
		out["body"] = body
	}
	headers, err := normaliseHeaders("job.http_target.headers", in, body != "")
	if err != nil {
		return nil, err
	}
	out["headers"] = headers
	oidc, oauth := obj(in, "oidcToken"), obj(in, "oauthToken")
	if oidc != nil && oauth != nil { // R6.5
		return nil, invalid("Only one of oauth_token and oidc_token may be set")
	}
	if oidc != nil {
		if err := s.checkTokenAccount(p, project, str(oidc, "serviceAccountEmail")); err != nil {
			return nil, err
		}
		audience := str(oidc, "audience")
		if audience == "" {
			audience = uri // R6.7
		}
		out["oidcToken"] = map[string]any{"serviceAccountEmail": str(oidc, "serviceAccountEmail"), "audience": audience}
	}
	if oauth != nil {
		if err := s.checkTokenAccount(p, project, str(oauth, "serviceAccountEmail")); err != nil {
			return nil, err
		}
		scope := str(oauth, "scope")
		if scope == "" {
			scope = "https://www.googleapis.com/auth/cloud-platform" // R6.7
		}
		out["oauthToken"] = map[string]any{"serviceAccountEmail": str(oauth, "serviceAccountEmail"), "scope": scope}
	}
	return out, nil
}

// checkTokenAccount applies R6.8: the token's account is a service account of the job's project.
func (s *State) checkTokenAccount(p *Project, project, email string) error {
	if _, ok := p.ServiceAccounts[email]; ok {
		return nil
	}
	return invalid("Service account %s does not exist in project %s or the caller cannot act as it", email, project)
}

// normaliseHeaders applies R6.4/R8.5: Content-Length, X-Google-* and X-AppEngine-* cannot be set; the
// service sets User-Agent to "Google-Cloud-Scheduler" and Content-Type to application/octet-stream
// when a body has none (the provider's flatten functions strip exactly these two again).
func normaliseHeaders(field string, in map[string]any, hasBody bool) (map[string]any, error) {
	headers, err := strMap(in, "headers")
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	seen := map[string]string{}
	for k, v := range headers {
		if forbiddenHeader.MatchString(k) {
			return nil, invalid("%s: the header %s cannot be set", field, k)
		}
		lower := strings.ToLower(k)
		if other, dup := seen[lower]; dup {
			return nil, invalid("%s: repeated header %s and %s", field, other, k)
		}
		seen[lower] = k
		if lower == "user-agent" || lower == "host" || strings.HasPrefix(lower, "x-cloudscheduler") {
			continue // replaced by the service
		}
		out[k] = v
	}
	out["User-Agent"] = "Google-Cloud-Scheduler"
	if _, ok := seen["content-type"]; !ok && hasBody {
		out["Content-Type"] = "application/octet-stream"
	}
	size := 0
	for k, v := range out {
		size += len(k) + len(v.(string))
	}
	if size > 80*1024 {
		return nil, invalid("%s: headers total %d bytes, more than 80 KB", field, size)
	}
	return out, nil
}

func normalisePubsubTarget(project string, in map[string]any) (map[string]any, error) {
	topic := str(in, "topicName")
	m := topicPattern.FindStringSubmatch(topic)
	if m == nil || m[1] != project { // R7.1
		return nil, invalid("Pub/Sub topic name %q must be projects/%s/topics/TOPIC, in the job's project", topic, project)
	}
	out := map[string]any{"topicName": topic}
	if data := str(in, "data"); data != "" {
		if err := checkBase64("job.pubsub_target.data", data); err != nil {
			return nil, err
		}
		out["data"] = data
	}
	attributes, err := strMap(in, "attributes")
	if err != nil {
		return nil, err
	}
	if len(attributes) > 100 { // R7.5
		return nil, invalid("A Pub/Sub message has at most 100 attributes, got %d", len(attributes))
	}
	if len(attributes) > 0 {
		attrs := map[string]any{}
		for k, v := range attributes {
			if len(v) > 1024 {
				return nil, invalid("Pub/Sub attribute %s is longer than 1024 bytes", k)
			}
			attrs[k] = v
		}
		out["attributes"] = attrs
	}
	if out["data"] == nil && out["attributes"] == nil { // R7.3
		return nil, invalid("Pub/Sub message must contain either non-empty data, or at least one attribute.")
	}
	return out, nil
}

func normaliseAppEngineTarget(in map[string]any) (map[string]any, error) {
	out := map[string]any{}
	method := str(in, "httpMethod")
	if method == "" {
		method = "POST"
	}
	if !httpMethods[method] || method == "PATCH" || method == "OPTIONS" { // R8.1
		return nil, invalid("App Engine targets do not take the HTTP method %s", method)
	}
	out["httpMethod"] = method
	uri := str(in, "relativeUri")
	if uri == "" {
		uri = "/"
	}
	if !strings.HasPrefix(uri, "/") || strings.ContainsAny(uri, " \t") || len(uri) > 2083 { // R8.3
		return nil, invalid("relative_uri %q must begin with / and contain no spaces (at most 2083 characters)", uri)
	}
	out["relativeUri"] = uri
	body := str(in, "body")
	if body != "" {
		if err := checkBase64("job.app_engine_http_target.body", body); err != nil {
			return nil, err
		}
		if method != "POST" && method != "PUT" { // R8.2
			return nil, invalid("HTTP method %s does not allow a body on an App Engine target; only POST and PUT do", method)
		}
		out["body"] = body
	}
	headers, err := normaliseHeaders("job.app_engine_http_target.headers", in, body != "")
	if err != nil {
		return nil, err
	}
	// App Engine requests carry App Engine's own User-Agent (the provider strips it, see its flatten).
	headers["User-Agent"] = "AppEngine-Google; (+http://code.google.com/appengine)"
	out["headers"] = headers
	if routing := obj(in, "appEngineRouting"); routing != nil {
		r := map[string]any{}
		for _, k := range []string{"service", "version", "instance"} {
			if v := str(routing, k); v != "" {
				r[k] = v
			}
		}
		out["appEngineRouting"] = r
	}
	return out, nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }
