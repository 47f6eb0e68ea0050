package cloud

import (
	"regexp"
	"strings"
)

// Pub/Sub topics (pubsub.googleapis.com projects.topics) and Service Usage (projects.services).

const pubsubAPI = "pubsub.googleapis.com"

// R7.2: starts with a letter, [A-Za-z0-9-_.~+%], 3..255 characters, not starting with "goog"
// (Pub/Sub "Resource names" guide).
var topicIDPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$`)

// CreateTopic is projects.topics.create.
func (s *State) CreateTopic(project, id string, topic Topic) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	if err := p.requireService(pubsubAPI); err != nil {
		return err
	}
	if !topicIDPattern.MatchString(id) || strings.HasPrefix(strings.ToLower(id), "goog") {
		return invalid("Invalid resource name given (name=projects/%s/topics/%s). Refer to https://cloud.google.com/pubsub/docs/pubsub-basics#resource_names for more information.", project, id)
	}
	if _, exists := p.Topics[id]; exists {
		return conflict("Resource already exists in the project (resource=%s).", id)
	}
	if err := checkRetention(topic.MessageRetentionDuration); err != nil {
		return err
	}
	p.Topics[id] = &topic
	return nil
}

// checkRetention: a topic's message retention is 10 minutes to 31 days (Pub/Sub "Configure message
// retention" docs).
func checkRetention(value string) error {
	if value == "" {
		return nil
	}
	secs, err := parseDuration("topic.message_retention_duration", value)
	if err != nil {
		return err
	}
	if secs < 600 || secs > 31*24*3600 {
		return invalid("message_retention_duration %s is outside [600s, 2678400s]", value)
	}
	return nil
}

// GetTopic is projects.topics.get.
func (s *State) GetTopic(project, id string) (*Topic, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	if err := p.requireService(pubsubAPI); err != nil {
		return nil, err
	}
	t, ok := p.Topics[id]
	if !ok {
		return nil, notFound("Resource not found (resource=%s).", id)
	}
	copy := *t
	return &copy, nil
}

// PatchTopic is projects.topics.patch of labels and retention.
func (s *State) PatchTopic(project, id string, labels map[string]string, retention string) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	t, ok := p.Topics[id]
	if !ok {
		return notFound("Resource not found (resource=%s).", id)
	}
	if err := checkRetention(retention); err != nil {
		return err
	}
	t.Labels, t.MessageRetentionDuration = labels, retention
	return nil
}

// DeleteTopic is projects.topics.delete.
func (s *State) DeleteTopic(project, id string) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	if _, ok := p.Topics[id]; !ok {
		return notFound("Resource not found (resource=%s).", id)
	}
	delete(p.Topics, id)
	return nil
}

// knownServices are the APIs the sandbox emulates or that world.json enables; enabling another
// service is refused by name.
var knownServices = map[string]bool{
	schedulerAPI: true, pubsubAPI: true, iamAPI: true, "monitoring.googleapis.com": true,
	"logging.googleapis.com": true, "run.googleapis.com": true, "cloudresourcemanager.googleapis.com": true,
	"serviceusage.googleapis.com": true, "appengine.googleapis.com": true,
}

// EnableService is services.enable. Enabling Cloud Scheduler also creates its service agent (see
// serviceAgents in iam.go): the reason a grant to that agent must wait for the API (issue 10, defect 3).
func (s *State) EnableService(project, service string) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	if !knownServices[service] {
		return invalid("[sandbox] the service %s is not emulated; known: cloudscheduler, pubsub, iam, monitoring, logging, run, cloudresourcemanager, serviceusage, appengine", service)
	}
	p.Services[service] = true
	return nil
}

// DisableService is services.disable.
func (s *State) DisableService(project, service string) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	delete(p.Services, service)
	return nil
}

// ServiceEnabled tells whether an API is on.
func (s *State) ServiceEnabled(project, service string) (bool, error) {
	p, err := s.Project(project)
	if err != nil {
		return false, err
	}
	return p.Services[service], nil
}
