package cloud

import (
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Helpers for the loosely typed REST objects (decoded JSON) that the APIs take and return.

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func obj(m map[string]any, key string) map[string]any {
	o, _ := m[key].(map[string]any)
	return o
}

func strMap(m map[string]any, key string) (map[string]string, error) {
	raw, ok := m[key]
	if !ok || raw == nil {
		return nil, nil
	}
	in, ok := raw.(map[string]any)
	if !ok {
		return nil, invalid("%s must be a map of strings, got %T", key, raw)
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		s, ok := v.(string)
		if !ok {
			return nil, invalid("%s.%s must be a string, got %T", key, k, v)
		}
		out[k] = s
	}
	return out, nil
}

// number reads a JSON number that must be a whole number.
func number(m map[string]any, key string) (int64, bool, error) {
	raw, ok := m[key]
	if !ok || raw == nil {
		return 0, false, nil
	}
	f, ok := raw.(float64)
	if !ok || f != math.Trunc(f) {
		return 0, false, invalid("%s must be an integer, got %v", key, raw)
	}
	return int64(f), true, nil
}

// durationPattern is the JSON form of google.protobuf.Duration: seconds with up to nine fractional
// digits, suffixed "s" (protobuf's JSON mapping; the Cloud Scheduler REST reference shows "3.5s").
var durationPattern = regexp.MustCompile(`^(\d+)(\.\d{1,9})?s$`)

// parseDuration returns the seconds of a Duration string.
func parseDuration(field, value string) (float64, error) {
	if !durationPattern.MatchString(value) {
		return 0, invalid("Invalid value at '%s' (type.googleapis.com/google.protobuf.Duration), %q: "+
			"a duration is seconds with up to nine fractional digits followed by 's', e.g. \"3.5s\"", field, value)
	}
	return strconv.ParseFloat(strings.TrimSuffix(value, "s"), 64)
}

// formatDuration writes seconds the way protobuf's JSON mapping prints a Duration: "30s", "3.500s".
func formatDuration(seconds float64) string {
	if seconds == math.Trunc(seconds) {
		return fmt.Sprintf("%ds", int64(seconds))
	}
	s := fmt.Sprintf("%.9f", seconds)
	s = strings.TrimRight(s, "0")
	for len(s)-strings.Index(s, ".")-1 < 3 || (len(s)-strings.Index(s, ".")-1)%3 != 0 {
		s += "0"
	}
	return s + "s"
}

// canonicalDuration checks a Duration string and returns it as the API returns it.
func canonicalDuration(field, value string) (string, float64, error) {
	secs, err := parseDuration(field, value)
	if err != nil {
		return "", 0, err
	}
	return formatDuration(secs), secs, nil
}

func checkBase64(field, value string) error {
	if _, err := base64.StdEncoding.DecodeString(value); err != nil {
		return invalid("Invalid value at '%s' (TYPE_BYTES), Base64 decoding failed for %q", field, value)
	}
	return nil
}

func copyMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		switch t := v.(type) {
		case map[string]any:
			out[k] = copyMap(t)
		default:
			out[k] = v
		}
	}
	return out
}
