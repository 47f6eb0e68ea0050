// Package cloud is the emulated Google Cloud of the sandbox: the few APIs that cqc-scheduler's program
// uses, kept in one JSON file so that the gcp plugin (called by the Pulumi engine), `bin/sandbox jobs`
// and `bin/sandbox console` see and change the same cloud. Every behaviour copied from Google's APIs
// cites its source where it is implemented; what the sandbox does not know it refuses with an error
// that names it, instead of guessing.
package cloud

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// State is the whole emulated cloud, as stored in the JSON file.
type State struct {
	// Settings of the emulation itself (not of Google Cloud).
	Settings Settings `json:"settings"`
	// Projects by project id.
	Projects map[string]*Project `json:"projects"`
	// Counter for server-generated ids (alert policies, notification channels, unique ids).
	NextID int64 `json:"nextId"`
}

// Settings tune the emulation.
type Settings struct {
	// MetricPropagationSeconds: how long a new log-based metric stays unknown to Cloud Monitoring
	// (hashicorp/terraform-provider-google#11102 reports "could take up to 10 minutes").
	MetricPropagationSeconds int `json:"metricPropagationSeconds"`
	// ServiceEnableSeconds: how long services.enable runs before the API (and its service agent) is
	// there; Google's enable is a long-running operation that takes seconds to minutes.
	ServiceEnableSeconds float64 `json:"serviceEnableSeconds"`
}

// Project is one emulated project and everything in it.
type Project struct {
	Number string `json:"number"`
	// Location of the project's App Engine app, if it has one (R1.7).
	AppEngineLocation string `json:"appEngineLocation,omitempty"`
	// Services enabled in the project (serviceusage), e.g. "cloudscheduler.googleapis.com".
	Services map[string]bool `json:"services"`
	// IAM policy of the project: role -> members.
	IAM map[string][]string `json:"iam"`
	// User-managed service accounts by email.
	ServiceAccounts map[string]*ServiceAccount `json:"serviceAccounts"`
	// Pub/Sub topics by topic id.
	Topics map[string]*Topic `json:"topics"`
	// Cloud Run (v2) services by "location/name"; they exist before the program runs (world.json).
	RunServices map[string]*RunService `json:"runServices"`
	// Cloud Scheduler jobs by "location/jobId", each in the REST shape of jobs.get.
	Jobs map[string]map[string]any `json:"jobs"`
	// Log-based metrics by name.
	LogMetrics map[string]*LogMetric `json:"logMetrics"`
	// Alert policies and notification channels by full name.
	AlertPolicies        map[string]map[string]any `json:"alertPolicies"`
	NotificationChannels map[string]map[string]any `json:"notificationChannels"`
}

// ServiceAccount is a user-managed service account.
type ServiceAccount struct {
	AccountID   string `json:"accountId"`
	DisplayName string `json:"displayName,omitempty"`
	Description string `json:"description,omitempty"`
	Disabled    bool   `json:"disabled,omitempty"`
	UniqueID    string `json:"uniqueId"`
}

// Topic is a Pub/Sub topic with its IAM policy.
type Topic struct {
	Labels                   map[string]string   `json:"labels,omitempty"`
	MessageRetentionDuration string              `json:"messageRetentionDuration,omitempty"`
	IAM                      map[string][]string `json:"iam,omitempty"`
}

// RunService is a Cloud Run service (only its IAM policy is managed by the program).
type RunService struct {
	IAM map[string][]string `json:"iam,omitempty"`
}

// LogMetric is a user-defined log-based metric.
type LogMetric struct {
	Filter      string         `json:"filter"`
	Description string         `json:"description,omitempty"`
	Descriptor  map[string]any `json:"metricDescriptor,omitempty"`
	CreatedAt   time.Time      `json:"createdAt"`
}

// Store is the JSON file that holds the emulated cloud. Calls are serialised within a process by a
// mutex and across processes (the engine's plugin, the console) by an exclusive flock.
type Store struct {
	path string
	mu   sync.Mutex
}

// Open returns the store kept in path; the file is created by Seed.
func Open(path string) *Store {
	return &Store{path: path}
}

// Path of the cloud file.
func (s *Store) Path() string { return s.path }

// Update runs change on the current state and saves the result when it returns nil; on error nothing
// is written, so an API call that fails changes nothing (as a failed Google API call does).
func (s *Store) Update(change func(*State) error) error {
	return s.locked(true, change)
}

// View runs read on the current state without saving.
func (s *Store) View(read func(*State) error) error {
	return s.locked(false, read)
}

func (s *Store) locked(write bool, fn func(*State) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	lock, err := os.OpenFile(s.path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck
	state, err := s.load()
	if err != nil {
		return err
	}
	if err := fn(state); err != nil {
		return err
	}
	if !write {
		return nil
	}
	return s.save(state)
}

func (s *Store) load() (*State, error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no emulated cloud at %s: bin/sandbox seeds it on first use", s.path)
	}
	if err != nil {
		return nil, err
	}
	var state State
	if err := json.Unmarshal(data, &state); err != nil {
		return nil, fmt.Errorf("%s: %w", s.path, err)
	}
	return &state, nil
}

func (s *Store) save(state *State) error {
	data, err := json.MarshalIndent(state, "", "  ")
	if err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}

// Seed writes a new cloud file from a world description unless one exists already.
func Seed(path string, world *State) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	for _, p := range world.Projects {
		p.init()
	}
	return (&Store{path: path}).save(world)
}

// init gives a project's collections their empty values so that callers need not check for nil.
func (p *Project) init() {
	if p.Services == nil {
		p.Services = map[string]bool{}
	}
	if p.IAM == nil {
		p.IAM = map[string][]string{}
	}
	if p.ServiceAccounts == nil {
		p.ServiceAccounts = map[string]*ServiceAccount{}
	}
	if p.Topics == nil {
		p.Topics = map[string]*Topic{}
	}
	if p.RunServices == nil {
		p.RunServices = map[string]*RunService{}
	}
	if p.Jobs == nil {
		p.Jobs = map[string]map[string]any{}
	}
	if p.LogMetrics == nil {
		p.LogMetrics = map[string]*LogMetric{}
	}
	if p.AlertPolicies == nil {
		p.AlertPolicies = map[string]map[string]any{}
	}
	if p.NotificationChannels == nil {
		p.NotificationChannels = map[string]map[string]any{}
	}
}

// Project returns the named project or the 403 that Google answers for a project the caller cannot see.
func (s *State) Project(id string) (*Project, error) {
	p, ok := s.Projects[id]
	if !ok {
		return nil, Errorf(403, "PERMISSION_DENIED",
			"Permission denied on resource project %s (or it may not exist). [sandbox: the projects are those of world.json]", id)
	}
	p.init()
	return p, nil
}

func (s *State) newID() int64 {
	s.NextID++
	return s.NextID
}
