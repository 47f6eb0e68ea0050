package provider

import (
	"regexp"
	"strings"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
)

// gcp:cloudscheduler/job:Job, after terraform-provider-google
// google/services/cloudscheduler/resource_cloud_scheduler_job.go (schema, expand*/flatten* functions,
// Create = POST then :pause or :resume, Update = PATCH then :pause/:resume when `paused` changed).

func jobType() *resourceType {
	token := func() *field {
		return object(map[string]*field{"serviceAccountEmail": str().req(), "audience": str(), "scope": str()})
	}
	oidc, oauth := token(), token()
	delete(oidc.fields, "scope")
	delete(oauth.fields, "audience")
	return &resourceType{
		token: "gcp:cloudscheduler/job:Job",
		fields: map[string]*field{
			"name":        str().req().replaces(),
			"region":      str().optComputed().replaces(),
			"project":     str().optComputed().replaces(),
			"description": str(),
			"schedule":    str(),
			// Default "180s" with DiffSuppressFunc EmptyOrDefaultStringSuppress("180s"): Check fills it
			// into every job, Pub/Sub ones included (pitfall P13).
			"timeZone":        str().withDefault("Etc/UTC"),
			"attemptDeadline": str().withDefault("180s"),
			"paused":          boolean().optComputed(),
			"retryConfig": object(map[string]*field{
				"retryCount": num().optComputed(), "maxRetryDuration": str().optComputed(),
				"minBackoffDuration": str().optComputed(), "maxBackoffDuration": str().optComputed(),
				"maxDoublings": num().optComputed(),
			}),
			"httpTarget": object(map[string]*field{
				"uri": str().req(), "httpMethod": str(), "body": str(), "headers": strMap(),
				"oidcToken": oidc, "oauthToken": oauth,
			}),
			"pubsubTarget": object(map[string]*field{"topicName": str().req(), "data": str(), "attributes": strMap()}),
			"appEngineHttpTarget": object(map[string]*field{
				"relativeUri": str().req(), "httpMethod": str(), "body": str(), "headers": strMap(),
				"appEngineRouting": object(map[string]*field{"service": str(), "version": str(), "instance": str()}),
			}),
		},
		suppress: jobSuppress,
		check:    checkJob,
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			name, project, region, err := jobName(cfg, in)
			if err != nil {
				return "", nil, err
			}
			if _, err := st.CreateJob(expandJob(in, name)); err != nil {
				return "", nil, err
			}
			state := "ENABLED"
			if getBool(in, "paused") {
				state = "PAUSED"
			}
			job, err := st.SetJobState(name, state)
			if err != nil {
				return "", nil, err
			}
			return name, flattenJob(job, project, region, in), nil
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			project, region, _, err := cloud.ParseJobName(id)
			if err != nil {
				return nil, err
			}
			job, err := st.GetJob(id)
			if err != nil {
				return nil, err
			}
			return flattenJob(job, project, region, old), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			project, region, _, err := cloud.ParseJobName(id)
			if err != nil {
				return nil, err
			}
			if _, err := st.PatchJob(expandJob(news, id)); err != nil {
				return nil, err
			}
			job, err := st.GetJob(id)
			if err != nil {
				return nil, err
			}
			if paused, set := news["paused"].(bool); set && paused != getBool(olds, "paused") {
				state := map[bool]string{true: "PAUSED", false: "ENABLED"}[paused]
				if job, err = st.SetJobState(id, state); err != nil {
					return nil, err
				}
			}
			return flattenJob(job, project, region, news), nil
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			return st.DeleteJob(id)
		},
	}
}

func jobName(cfg config, in map[string]any) (name, project, region string, err error) {
	if project, err = projectOf(cfg, in); err != nil {
		return
	}
	if region, err = regionOf(cfg, in, "region"); err != nil {
		return
	}
	return cloud.JobName(project, region, getStr(in, "name")), project, region, nil
}

// expandJob builds the REST request body: every empty value is left out (expand* functions with
// tpgresource.IsEmptyValue), so a zero retry field is never sent (P15) and the API's default applies.
func expandJob(in map[string]any, name string) map[string]any {
	job := compact(map[string]any{
		"description":         in["description"],
		"schedule":            in["schedule"],
		"timeZone":            in["timeZone"],
		"attemptDeadline":     in["attemptDeadline"],
		"retryConfig":         in["retryConfig"],
		"httpTarget":          in["httpTarget"],
		"pubsubTarget":        in["pubsubTarget"],
		"appEngineHttpTarget": in["appEngineHttpTarget"],
	})
	job["name"] = name
	return job
}

// flattenJob turns the API's job into the provider's state. Headers lose what the service adds
// (flattenCloudSchedulerJobHttpTargetHeaders); App Engine routing is taken from the inputs, as the
// provider does ("An appEngineRouting in API response is useless").
func flattenJob(job map[string]any, project, region string, old map[string]any) map[string]any {
	_, _, id, _ := cloud.ParseJobName(getStr(job, "name"))
	state := map[string]any{
		"name": id, "project": project, "region": region,
		"description": job["description"], "schedule": job["schedule"], "timeZone": job["timeZone"],
		"state": job["state"], "paused": getStr(job, "state") == "PAUSED",
		"attemptDeadline": job["attemptDeadline"], "retryConfig": job["retryConfig"],
	}
	if t := getObj(job, "httpTarget"); t != nil {
		flat := map[string]any{"uri": t["uri"], "httpMethod": t["httpMethod"], "body": t["body"],
			"headers": flattenHeaders(getObj(t, "headers")), "oidcToken": t["oidcToken"], "oauthToken": t["oauthToken"]}
		state["httpTarget"] = flat
	}
	if t := getObj(job, "pubsubTarget"); t != nil {
		state["pubsubTarget"] = map[string]any{"topicName": t["topicName"], "data": t["data"], "attributes": t["attributes"]}
	}
	if t := getObj(job, "appEngineHttpTarget"); t != nil {
		routing := t["appEngineRouting"]
		if oldTarget := getObj(old, "appEngineHttpTarget"); oldTarget != nil {
			routing = oldTarget["appEngineRouting"]
		}
		state["appEngineHttpTarget"] = map[string]any{"httpMethod": t["httpMethod"], "relativeUri": t["relativeUri"],
			"body": t["body"], "headers": flattenHeaders(getObj(t, "headers")), "appEngineRouting": routing}
	}
	return dropNil(state)
}

var (
	// Headers the provider's flatten functions drop from the state.
	strippedHeader = regexp.MustCompile(`(X-Google-|X-AppEngine-|Content-Length).*`)
	// Headers validateHttpHeaders refuses at plan time (with Content-Length).
	refusedHeader = regexp.MustCompile(`(X-Google-|X-AppEngine-).*`)
)

func flattenHeaders(headers map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range headers {
		s, _ := v.(string)
		switch {
		case k == "User-Agent" && (s == "Google-Cloud-Scheduler" || s == "AppEngine-Google; (+http://code.google.com/appengine)"):
		case k == "Content-Type" && s == "application/octet-stream":
		case strippedHeader.MatchString(k):
		default:
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func dropNil(m map[string]any) map[string]any {
	for k, v := range m {
		if v == nil {
			delete(m, k)
		}
		if sub, ok := v.(map[string]any); ok {
			m[k] = dropNil(sub)
		}
	}
	return m
}

// jobSuppress holds the job's DiffSuppressFuncs.
func jobSuppress(path string, old, new any, news map[string]any) bool {
	switch path {
	case "attemptDeadline": // tpgresource.EmptyOrDefaultStringSuppress("180s")
		return isEmptyOr(old, "180s") && isEmptyOr(new, "180s")
	case "httpTarget.uri": // tpgresource.LastSlashDiffSuppress
		o, _ := old.(string)
		n, _ := new.(string)
		return strings.TrimSuffix(o, "/") == strings.TrimSuffix(n, "/")
	case "httpTarget.oidcToken.audience": // authHeaderDiffSuppress: the API's default is the uri
		return isEmpty(new) && old == getStr(getObj(news, "httpTarget"), "uri")
	case "httpTarget.oauthToken.scope": // authHeaderDiffSuppress: the default scope
		return isEmpty(new) && old == "https://www.googleapis.com/auth/cloud-platform"
	}
	return false
}

func isEmptyOr(v any, def string) bool { return isEmpty(v) || v == def }

// checkJob is the provider's plan-time validation: ExactlyOneOf the three targets, validateAuthHeaders
// (CustomizeDiff), validateHttpHeaders and verify.ValidateBase64String.
func checkJob(in map[string]any) []failure {
	var out []failure
	targets := 0
	for _, t := range []string{"httpTarget", "pubsubTarget", "appEngineHttpTarget"} {
		if in[t] != nil {
			targets++
		}
	}
	if targets != 1 {
		out = append(out, failure{"httpTarget", "only one of `app_engine_http_target,http_target,pubsub_target` can be specified, and one must be"})
	}
	if h := getObj(in, "httpTarget"); h != nil && h["oidcToken"] != nil && h["oauthToken"] != nil {
		out = append(out, failure{"httpTarget", "Error in http_target: only one of oauth_token or oidc_token can be specified, but not both."})
	}
	for _, t := range []string{"httpTarget", "appEngineHttpTarget"} {
		for k := range getObj(getObj(in, t), "headers") {
			if k == "Content-Length" || refusedHeader.MatchString(k) {
				out = append(out, failure{t + ".headers", "Cannot set the " + k + " header on " + t + ".headers"})
			}
		}
	}
	for _, path := range [][2]string{{"httpTarget", "body"}, {"pubsubTarget", "data"}, {"appEngineHttpTarget", "body"}} {
		if v, ok := getObj(in, path[0])[path[1]].(string); ok && !isBase64(v) {
			out = append(out, failure{path[0] + "." + path[1], "\"" + path[1] + "\" is not a valid base64 string"})
		}
	}
	return out
}
