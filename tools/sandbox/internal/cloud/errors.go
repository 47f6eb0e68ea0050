package cloud

import (
	"errors"
	"fmt"
)

// APIError is an error as a Google API returns it: an HTTP code, a canonical status and a message.
// Its text follows the Go client's googleapi.Error ("googleapi: Error 404: ..."), which is what the
// gcp provider wraps into its own errors ("Error creating Job: googleapi: Error 400: ...").
type APIError struct {
	Code    int
	Status  string
	Message string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("googleapi: Error %d: %s, %s", e.Code, e.Message, e.Status)
}

// Errorf builds an APIError.
func Errorf(code int, status, format string, args ...any) error {
	return &APIError{Code: code, Status: status, Message: fmt.Sprintf(format, args...)}
}

// IsNotFound tells whether err is a 404 from the emulated cloud.
func IsNotFound(err error) bool {
	var api *APIError
	return errors.As(err, &api) && api.Code == 404
}

func invalid(format string, args ...any) error {
	return Errorf(400, "INVALID_ARGUMENT", format, args...)
}

func notFound(format string, args ...any) error {
	return Errorf(404, "NOT_FOUND", format, args...)
}

func conflict(format string, args ...any) error {
	return Errorf(409, "ALREADY_EXISTS", format, args...)
}

// apiNames are the display names Google uses in SERVICE_DISABLED errors.
var apiNames = map[string]string{
	"cloudscheduler.googleapis.com":       "Cloud Scheduler API",
	"pubsub.googleapis.com":               "Cloud Pub/Sub API",
	"iam.googleapis.com":                  "Identity and Access Management (IAM) API",
	"monitoring.googleapis.com":           "Cloud Monitoring API",
	"logging.googleapis.com":              "Cloud Logging API",
	"run.googleapis.com":                  "Cloud Run Admin API",
	"cloudresourcemanager.googleapis.com": "Cloud Resource Manager API",
}

// requireService answers as Google does when an API is called in a project where it is not enabled:
// 403 SERVICE_DISABLED "... has not been used in project N before or it is disabled" (the error every
// Google API returns through ServiceUsage; documented under "Enabling an API" in the Service Usage docs).
func (p *Project) requireService(service string) error {
	if p.Services[service] {
		return nil
	}
	return Errorf(403, "SERVICE_DISABLED",
		"%s has not been used in project %s before or it is disabled. Enable it by visiting "+
			"https://console.developers.google.com/apis/api/%s/overview?project=%s then retry.",
		apiNames[service], p.Number, service, p.Number)
}
