package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// An invalid catalog under the real CLI, run as CI runs it (--suppress-progress): each problem once
// in the diagnostics, one line each, no trace, no library noise, and a non-zero exit (issue 10,
// defect 6). The CLI itself also echoes each diagnostic on the stack's line, and the Java host adds
// one line of its own for any non-zero exit (pulumi-language-java 1.34.0 has no "already reported"
// path: its Run returns every non-zero exit as an error), and with it the program's stderr, which holds
// only the java launcher's note on the JDK_JAVA_OPTIONS bin/sandbox sets for start-up speed (issue 13;
// `JDK_JAVA_OPTIONS=` turns it off). The diagnostics and summary, without that note, are compared
// with a golden file; set UPDATE_GOLDEN=1 to rewrite it after reading the difference.
func TestInvalidConfigIsReportedOnceWithoutATrace(t *testing.T) {
	c := newCheckout(t)
	c.edit("pipelines.yaml", func(s string) string {
		return strings.Replace(s, "    schedule: \"0 9 1 * *\"\n", "    schedule: \"0 9 1 * *\"\n    retry: {count: 9}\n", 1)
	})
	r := c.sandboxCmd("preview", "--stack", "dev", "--suppress-progress")
	if r.code == 0 {
		t.Fatalf("preview of an invalid catalog must fail:\n%s", r.out)
	}
	_, diagnostics, _ := strings.Cut(r.out, "Diagnostics:")
	problem := "error: pipelines.monthly-reports.retry.count: 9 is outside 0..5 (R5.1)"
	if n := strings.Count(diagnostics, problem); n != 1 {
		t.Errorf("the diagnostics hold %q %d times, want once:\n%s", problem, n, r.out)
	}
	for _, noise := range []string{"Exception", "\tat ", "SEVERE", "SLF4J"} {
		if strings.Contains(r.out, noise) {
			t.Errorf("the output has %q:\n%s", noise, r.out)
		}
	}
	// The launcher's note reaches the diagnostics through the program's stderr, which the Java host
	// forwards either as it comes or appended to its exit error: where it lands varies from run to run
	// (seen both ways on one machine), and its text varies with the JDK. It may come once, and is left
	// out of the comparison.
	if n := len(launcherNote.FindAllString(diagnostics, -1)); n > 1 {
		t.Errorf("the launcher's note is in the diagnostics %d times, want at most once:\n%s", n, r.out)
	}
	diagnostics = launcherNote.ReplaceAllString(diagnostics, "")
	// From the diagnostics on: the progress lines above them come in the order the display sees events.
	golden(t, "invalid-config.golden", "Diagnostics:"+stable(diagnostics))
}

// A zero the provider never sends (P15, issue 10 defect 5) is refused before anything is deployed,
// instead of becoming a diff that never settles.
func TestZeroRetryFieldIsRefused(t *testing.T) {
	c := newCheckout(t)
	c.edit("Pulumi.dev.yaml", func(s string) string {
		return strings.Replace(s, "    retry: {count: 1}\n  cqc-scheduler:pipelines:", "    retry: {count: 1, maxDoublings: 0}\n  cqc-scheduler:pipelines:", 1)
	})
	r := c.sandboxCmd("preview", "--stack", "dev")
	if r.code == 0 || !strings.Contains(r.out, "maxDoublings") || !strings.Contains(r.out, "P15") {
		t.Fatalf("maxDoublings: 0 must be refused with P15, exited %d:\n%s", r.code, r.out)
	}
}

// The java launcher's line on JDK_JAVA_OPTIONS, with the blank line the CLI puts after it.
var launcherNote = regexp.MustCompile(`(?m)^ *NOTE: Picked up JDK_JAVA_OPTIONS: .*\n(\n)?`)

// stable removes what changes from run to run: durations, paths of temporary directories.
func stable(out string) string {
	out = regexp.MustCompile(`(?m)^Duration: .*$`).ReplaceAllString(out, "Duration: <d>")
	out = regexp.MustCompile(`/tmp/[^\s:"]+`).ReplaceAllString(out, "<tmp>")
	return out
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(repo, "tools", "sandbox", "e2e", "testdata", name)
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run once with UPDATE_GOLDEN=1 and read the file)", err)
	}
	if string(want) != got {
		t.Errorf("the output differs from %s:\n--- want\n%s\n--- got\n%s", name, want, got)
	}
}
