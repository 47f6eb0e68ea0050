package cloud

import (
	"fmt"
	"regexp"
	"time"
)

// Cloud Logging log-based metrics (logging.googleapis.com projects.metrics) and Cloud Monitoring alert
// policies and notification channels (monitoring.googleapis.com v3).

const (
	loggingAPI    = "logging.googleapis.com"
	monitoringAPI = "monitoring.googleapis.com"
	userMetric    = "logging.googleapis.com/user/"
)

var metricTypeInFilter = regexp.MustCompile(`metric\.type\s*=\s*"([^"]+)"`)

// builtinMetrics are the predefined metric types the sandbox knows ("Google Cloud metrics" list,
// logging section); a filter on any other type is refused by name.
var builtinMetrics = map[string]bool{
	"logging.googleapis.com/log_entry_count": true,
}

// CreateLogMetric is projects.metrics.create.
func (s *State) CreateLogMetric(project, name string, m LogMetric) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	if err := p.requireService(loggingAPI); err != nil {
		return err
	}
	if _, exists := p.LogMetrics[name]; exists {
		return conflict("Metric %s already exists.", name)
	}
	if m.Filter == "" {
		return invalid("A log-based metric needs a filter.")
	}
	m.CreatedAt = time.Now().UTC()
	p.LogMetrics[name] = &m
	return nil
}

// GetLogMetric is projects.metrics.get.
func (s *State) GetLogMetric(project, name string) (*LogMetric, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	m, ok := p.LogMetrics[name]
	if !ok {
		return nil, notFound("Metric %s does not exist.", name)
	}
	copy := *m
	return &copy, nil
}

// UpdateLogMetric is projects.metrics.update (the metric keeps its creation time).
func (s *State) UpdateLogMetric(project, name string, m LogMetric) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	old, ok := p.LogMetrics[name]
	if !ok {
		return notFound("Metric %s does not exist.", name)
	}
	m.CreatedAt = old.CreatedAt
	p.LogMetrics[name] = &m
	return nil
}

// DeleteLogMetric is projects.metrics.delete.
func (s *State) DeleteLogMetric(project, name string) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	if _, ok := p.LogMetrics[name]; !ok {
		return notFound("Metric %s does not exist.", name)
	}
	delete(p.LogMetrics, name)
	return nil
}

// SaveAlertPolicy is alertPolicies.create (name empty) or alertPolicies.patch (name set). The policy
// is kept in the REST shape; its name is server-generated.
func (s *State) SaveAlertPolicy(project string, policy map[string]any) (map[string]any, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	if err := p.requireService(monitoringAPI); err != nil {
		return nil, err
	}
	if err := s.checkAlertPolicy(p, policy); err != nil {
		return nil, err
	}
	name := str(policy, "name")
	stored := copyMap(policy)
	if name == "" {
		name = fmt.Sprintf("projects/%s/alertPolicies/%d", project, 9000000000000+s.newID())
		stored["creationRecord"] = map[string]any{"mutateTime": now()}
	} else if _, ok := p.AlertPolicies[name]; !ok {
		return nil, notFound("Alert policy %s does not exist.", name)
	}
	stored["name"] = name
	p.AlertPolicies[name] = stored
	return copyMap(stored), nil
}

func (s *State) checkAlertPolicy(p *Project, policy map[string]any) error {
	conditions, _ := policy["conditions"].([]any)
	if len(conditions) == 0 {
		return invalid("An alert policy needs at least one condition.")
	}
	for i, raw := range conditions {
		c, _ := raw.(map[string]any)
		switch {
		case obj(c, "conditionThreshold") != nil:
			if err := s.checkMetricFilter(p, str(obj(c, "conditionThreshold"), "filter")); err != nil {
				return err
			}
		case obj(c, "conditionMatchedLog") != nil:
			// Log-match conditions need a notification rate limit (Cloud Logging docs, "Configure
			// log-based alerting policies": notificationRateLimit is required).
			if obj(obj(policy, "alertStrategy"), "notificationRateLimit") == nil {
				return invalid("A log-based alert policy needs alertStrategy.notificationRateLimit.")
			}
		default:
			return invalid("conditions[%d]: [sandbox] only conditionThreshold and conditionMatchedLog are emulated", i)
		}
	}
	channels, _ := policy["notificationChannels"].([]any)
	for _, ch := range channels {
		if _, ok := p.NotificationChannels[fmt.Sprint(ch)]; !ok {
			return notFound("Notification channel %v does not exist.", ch)
		}
	}
	return nil
}

// checkMetricFilter: a threshold on a user-defined log metric fails with 404 until the metric has
// propagated to Cloud Monitoring, for up to ten minutes after its creation
// (hashicorp/terraform-provider-google#11102; the delay is Settings.MetricPropagationSeconds here).
func (s *State) checkMetricFilter(p *Project, filter string) error {
	m := metricTypeInFilter.FindStringSubmatch(filter)
	if m == nil {
		return invalid("The filter %q names no metric.type.", filter)
	}
	metricType := m[1]
	if builtinMetrics[metricType] {
		return nil
	}
	if len(metricType) <= len(userMetric) || metricType[:len(userMetric)] != userMetric {
		return invalid("[sandbox] the metric type %s is not emulated; known: logging.googleapis.com/log_entry_count and logging.googleapis.com/user/*", metricType)
	}
	metric, ok := p.LogMetrics[metricType[len(userMetric):]]
	propagated := ok && time.Since(metric.CreatedAt) >= time.Duration(s.Settings.MetricPropagationSeconds)*time.Second
	if !propagated {
		return notFound("Cannot find metric(s) that match type = \"%s\". If a metric was created recently, "+
			"it could take up to 10 minutes to become available. Please try again soon.", metricType)
	}
	return nil
}

func alertPolicies(p *Project) map[string]map[string]any        { return p.AlertPolicies }
func notificationChannels(p *Project) map[string]map[string]any { return p.NotificationChannels }

// holding is the collection that holds the object with this full name, in whichever project it is
// (the names carry their project); nil if none does.
func (s *State) holding(name string, collection func(*Project) map[string]map[string]any) map[string]map[string]any {
	for _, p := range s.Projects {
		if _, ok := collection(p)[name]; ok {
			return collection(p)
		}
	}
	return nil
}

// GetAlertPolicy is alertPolicies.get.
func (s *State) GetAlertPolicy(name string) (map[string]any, error) {
	if c := s.holding(name, alertPolicies); c != nil {
		return copyMap(c[name]), nil
	}
	return nil, notFound("Alert policy %s does not exist.", name)
}

// DeleteAlertPolicy is alertPolicies.delete.
func (s *State) DeleteAlertPolicy(name string) error {
	if c := s.holding(name, alertPolicies); c != nil {
		delete(c, name)
		return nil
	}
	return notFound("Alert policy %s does not exist.", name)
}

// channelLabels are the label keys of the channel types the sandbox knows (Cloud Monitoring
// notificationChannelDescriptors: email needs email_address; slack needs channel_name and an
// auth_token that is a sensitive label).
var channelLabels = map[string]string{"email": "email_address", "slack": "channel_name"}

// SaveNotificationChannel is notificationChannels.create (name empty) or .patch (name set).
func (s *State) SaveNotificationChannel(project string, channel map[string]any) (map[string]any, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	if err := p.requireService(monitoringAPI); err != nil {
		return nil, err
	}
	kind := str(channel, "type")
	label, known := channelLabels[kind]
	if !known {
		return nil, invalid("[sandbox] the notification channel type %q is not emulated; known: email, slack", kind)
	}
	if str(obj(channel, "labels"), label) == "" {
		return nil, invalid("A %s notification channel needs the label %s.", kind, label)
	}
	name := str(channel, "name")
	stored := copyMap(channel)
	if name == "" {
		name = fmt.Sprintf("projects/%s/notificationChannels/%d", project, 7000000000000+s.newID())
	} else if _, ok := p.NotificationChannels[name]; !ok {
		return nil, notFound("Notification channel %s does not exist.", name)
	}
	stored["name"] = name
	p.NotificationChannels[name] = stored
	return copyMap(stored), nil
}

// GetNotificationChannel is notificationChannels.get.
func (s *State) GetNotificationChannel(name string) (map[string]any, error) {
	if c := s.holding(name, notificationChannels); c != nil {
		return copyMap(c[name]), nil
	}
	return nil, notFound("Notification channel %s does not exist.", name)
}

// DeleteNotificationChannel is notificationChannels.delete.
func (s *State) DeleteNotificationChannel(name string) error {
	if c := s.holding(name, notificationChannels); c != nil {
		delete(c, name)
		return nil
	}
	return notFound("Notification channel %s does not exist.", name)
}
