package provider

import (
	"slices"
	"strings"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
)

// gcp:logging/metric:Metric (resource_logging_metric.go): id is the metric name.
func metricType() *resourceType {
	descriptor := object(map[string]*field{
		"metricKind": str(), "valueType": str(), "unit": str(), "displayName": str(),
		"labels": list(object(map[string]*field{"key": str(), "valueType": str(), "description": str()})),
	}).optComputed()
	return &resourceType{
		token: "gcp:logging/metric:Metric",
		fields: map[string]*field{
			"name": str().req().replaces(), "project": str().optComputed().replaces(), "filter": str().req(),
			"description": str(), "metricDescriptor": descriptor, "labelExtractors": strMap(),
			"valueExtractor": str(), "disabled": boolean(),
			"bucketName": str().notEmulated(), "bucketOptions": object(map[string]*field{}).notEmulated(),
		},
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			project, err := projectOf(cfg, in)
			if err != nil {
				return "", nil, err
			}
			m := metricOf(in)
			if err := st.CreateLogMetric(project, getStr(in, "name"), m); err != nil {
				return "", nil, err
			}
			return getStr(in, "name"), metricState(project, getStr(in, "name"), &m), nil
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			project, err := projectOf(cfg, old)
			if err != nil {
				return nil, err
			}
			m, err := st.GetLogMetric(project, id)
			if err != nil {
				return nil, err
			}
			return metricState(project, id, m), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			project, err := projectOf(cfg, olds)
			if err != nil {
				return nil, err
			}
			m := metricOf(news)
			if err := st.UpdateLogMetric(project, id, m); err != nil {
				return nil, err
			}
			return metricState(project, id, &m), nil
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			project, err := projectOf(cfg, olds)
			if err != nil {
				return err
			}
			return st.DeleteLogMetric(project, id)
		},
	}
}

func metricOf(in map[string]any) cloud.LogMetric {
	descriptor := getObj(in, "metricDescriptor")
	if descriptor == nil { // the API's default descriptor for a counter metric
		descriptor = map[string]any{"metricKind": "DELTA", "valueType": "INT64"}
	}
	return cloud.LogMetric{Filter: getStr(in, "filter"), Description: getStr(in, "description"), Descriptor: descriptor}
}

func metricState(project, name string, m *cloud.LogMetric) map[string]any {
	return dropEmptyStrings(map[string]any{"name": name, "project": project, "filter": m.Filter,
		"description": m.Description, "metricDescriptor": m.Descriptor})
}

// gcp:monitoring/alertPolicy:AlertPolicy (resource_monitoring_alert_policy.go): the name is
// server-generated and is the id. Nested blocks are those of the v3 REST AlertPolicy.
func alertPolicyType() *resourceType {
	aggregation := object(map[string]*field{"alignmentPeriod": str(), "perSeriesAligner": str(),
		"crossSeriesReducer": str(), "groupByFields": list(str())})
	condition := object(map[string]*field{
		"displayName": str().req(),
		"conditionThreshold": object(map[string]*field{
			"filter": str(), "comparison": str().req(), "thresholdValue": num(), "duration": str().req(),
			"aggregations": list(aggregation), "trigger": object(map[string]*field{"count": num(), "percent": num()}),
			"evaluationMissingData": str(),
		}),
		"conditionMatchedLog":              object(map[string]*field{"filter": str().req(), "labelExtractors": strMap()}),
		"conditionAbsent":                  object(map[string]*field{}).notEmulated(),
		"conditionMonitoringQueryLanguage": object(map[string]*field{}).notEmulated(),
		"conditionPrometheusQueryLanguage": object(map[string]*field{}).notEmulated(),
		"conditionSql":                     object(map[string]*field{}).notEmulated(),
	})
	fields := map[string]*field{
		"displayName": str().req(), "combiner": str().req(), "conditions": list(condition).req(),
		"project": str().optComputed().replaces(), "notificationChannels": list(str()),
		"enabled": boolean().withDefault(true), "userLabels": strMap(), "severity": str(),
		"documentation": object(map[string]*field{"content": str(), "mimeType": str(), "subject": str()}),
		"alertStrategy": object(map[string]*field{
			"autoClose":             str(),
			"notificationRateLimit": object(map[string]*field{"period": str()}),
			"notificationChannelStrategies": list(object(map[string]*field{
				"notificationChannelNames": list(str()), "renotifyInterval": str()})),
		}),
	}
	return serverNamed("gcp:monitoring/alertPolicy:AlertPolicy", fields, nil,
		(*cloud.State).SaveAlertPolicy, (*cloud.State).GetAlertPolicy, (*cloud.State).DeleteAlertPolicy,
		func(saved, _ map[string]any) map[string]any { return alertState(saved) })
}

func alertState(policy map[string]any) map[string]any {
	state := map[string]any{}
	for k, v := range policy {
		if k == "creationRecord" {
			state["creationRecords"] = []any{v}
			continue
		}
		state[k] = v
	}
	state["project"] = strings.Split(getStr(policy, "name"), "/")[1]
	return state
}

// gcp:monitoring/notificationChannel:NotificationChannel (resource_monitoring_notification_channel.go):
// sensitiveLabels are write-only in the API and kept secret in the state.
func channelType() *resourceType {
	fields := map[string]*field{
		"type": str().req().replaces(), "displayName": str(), "description": str(), "labels": strMap(),
		"sensitiveLabels": object(map[string]*field{"authToken": str(), "password": str(), "serviceKey": str()}),
		"enabled":         boolean().withDefault(true), "userLabels": strMap(), "forceDelete": boolean().withDefault(false),
		"project": str().optComputed().replaces(),
	}
	t := serverNamed("gcp:monitoring/notificationChannel:NotificationChannel", fields, []string{"forceDelete"},
		(*cloud.State).SaveNotificationChannel, (*cloud.State).GetNotificationChannel, (*cloud.State).DeleteNotificationChannel,
		channelState)
	t.secretOutputs = []string{"sensitiveLabels"}
	return t
}

// serverNamed is a resource whose name the API generates (alert policies, notification channels): the
// name is the id; create and update send the inputs (less the project and the provider-only keys)
// to one save call, read and delete go by name.
func serverNamed(token string, fields map[string]*field, providerOnly []string,
	save func(*cloud.State, string, map[string]any) (map[string]any, error),
	get func(*cloud.State, string) (map[string]any, error),
	remove func(*cloud.State, string) error,
	state func(saved, in map[string]any) map[string]any,
) *resourceType {
	put := func(st *cloud.State, cfg config, name string, in map[string]any) (map[string]any, error) {
		project, err := projectOf(cfg, in)
		if err != nil {
			return nil, err
		}
		body := map[string]any{}
		for k, v := range in {
			if k != "project" && !slices.Contains(providerOnly, k) {
				body[k] = v
			}
		}
		if name != "" {
			body["name"] = name
		}
		saved, err := save(st, project, body)
		if err != nil {
			return nil, err
		}
		return state(saved, in), nil
	}
	return &resourceType{
		token: token, fields: fields,
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			saved, err := put(st, cfg, "", in)
			if err != nil {
				return "", nil, err
			}
			return getStr(saved, "name"), saved, nil
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			got, err := get(st, id)
			if err != nil {
				return nil, err
			}
			return state(got, old), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			return put(st, cfg, id, news)
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			return remove(st, id)
		},
	}
}

func channelState(ch, in map[string]any) map[string]any {
	state := map[string]any{"verificationStatus": "VERIFIED", "forceDelete": getBool(in, "forceDelete")}
	for k, v := range ch {
		state[k] = v
	}
	state["project"] = strings.Split(getStr(ch, "name"), "/")[1]
	return state
}
