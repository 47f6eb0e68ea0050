// Package e2e runs the real Pulumi loop end to end: bin/sandbox (the pinned Pulumi CLI and Java host,
// the emulated gcp plugin) on a private copy of the repository, so that a scenario can edit the
// catalog or a stack file without touching the working tree, and each scenario starts from a new
// emulated cloud. bin/test runs it after the jar and the policy pack's packages are in place.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// repo is the repository root (this package is tools/sandbox/e2e).
var repo = func() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Clean(filepath.Join(wd, "..", "..", ".."))
}()

// checkout is a private copy of the repository's tracked files with its own sandbox. Build output is
// linked, not copied: the jar (target/), the policy pack's node_modules and the sandbox's programs.
type checkout struct {
	t       *testing.T
	dir     string
	sandbox string
}

func newCheckout(t *testing.T) *checkout {
	t.Helper()
	for _, need := range []string{"target/cqc-scheduler.jar", "policies/node_modules", "tools/sandbox/bin/pulumi"} {
		if _, err := os.Stat(filepath.Join(repo, need)); err != nil {
			t.Fatalf("%s is missing: run bin/test (it builds the jar, installs the pack and the sandbox first)", need)
		}
	}
	base := t.TempDir()
	c := &checkout{t: t, dir: filepath.Join(base, "repo"), sandbox: filepath.Join(base, "sandbox")}
	files, err := exec.Command("git", "-C", repo, "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, f := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		copyFile(t, filepath.Join(repo, f), filepath.Join(c.dir, f))
	}
	// Working-tree files not yet committed (a developer's run before the commit) are copied too.
	for _, link := range []string{"target", "policies/node_modules", "tools/sandbox/bin"} {
		if err := os.Symlink(filepath.Join(repo, link), filepath.Join(c.dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// copyFile copies one file keeping its mode and modification time, so that bin/sandbox does not
// take the copied sources for newer than the jar and rebuild it.
func copyFile(t *testing.T, from, to string) {
	info, err := os.Stat(from)
	if os.IsNotExist(err) {
		return // deleted in the working tree
	}
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, info.Mode()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(to, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}

// result of one command: its combined output and exit code.
type result struct {
	out  string
	code int
}

func (c *checkout) exec(name string, args ...string) result {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "CQC_SANDBOX="+c.sandbox, "PULUMI_CONFIG_PASSPHRASE=sandbox")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		c.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return result{out.String(), code}
}

// sandbox runs bin/sandbox with the arguments.
func (c *checkout) sandboxCmd(args ...string) result {
	c.t.Helper()
	return c.exec(filepath.Join(c.dir, "bin", "sandbox"), args...)
}

// must runs bin/sandbox and fails the test unless it exits 0.
func (c *checkout) must(args ...string) string {
	c.t.Helper()
	r := c.sandboxCmd(args...)
	if r.code != 0 {
		c.t.Fatalf("bin/sandbox %s exited %d:\n%s", strings.Join(args, " "), r.code, r.out)
	}
	return r.out
}

// cqc runs the project's offline CLI from the checkout.
func (c *checkout) cqc(args ...string) result {
	c.t.Helper()
	return c.exec("java", append([]string{"-jar", filepath.Join(c.dir, "target", "cqc-scheduler.jar")}, args...)...)
}

// edit rewrites a file of the checkout; the edit must change it.
func (c *checkout) edit(file string, change func(string) string) {
	c.t.Helper()
	path := filepath.Join(c.dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	changed := change(string(data))
	if changed == string(data) {
		c.t.Fatalf("the edit of %s changed nothing", file)
	}
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		c.t.Fatal(err)
	}
}

func (c *checkout) write(file, content string) string {
	c.t.Helper()
	path := filepath.Join(c.dir, file)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		c.t.Fatal(err)
	}
	return path
}

// jobs is the emulated cloud's jobs of a stack, as `gcloud scheduler jobs list --format=json`.
func (c *checkout) jobs(stack string) []map[string]any {
	c.t.Helper()
	var jobs []map[string]any
	if err := json.Unmarshal([]byte(c.must("jobs", "--stack", stack)), &jobs); err != nil {
		c.t.Fatal(err)
	}
	return jobs
}

// policyArgs are the policy pack options CI passes for a stack.
func policyArgs(stack string) []string {
	return []string{"--policy-pack", "policies", "--policy-pack-config", "policies/config/" + stack + ".json"}
}

func args(parts ...any) []string {
	var out []string
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			out = append(out, v)
		case []string:
			out = append(out, v...)
		}
	}
	return out
}
