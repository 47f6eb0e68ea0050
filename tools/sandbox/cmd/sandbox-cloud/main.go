// Command sandbox-cloud acts on the sandbox's emulated cloud outside the Pulumi engine: it seeds the
// cloud from world.json, lists a project's jobs the way `gcloud scheduler jobs list --format=json`
// prints them, and changes jobs as a person in the console would (the edits that `drift` and
// `pulumi refresh` must notice). bin/sandbox is its only caller.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
)

const usage = `usage:
  sandbox-cloud seed --cloud FILE --world FILE [--metric-delay SECONDS]
  sandbox-cloud jobs --cloud FILE --project P --location L
  sandbox-cloud console --cloud FILE --project P --location L pause JOB | resume JOB | schedule JOB CRON | delete JOB | create --from JOBS.json`

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "sandbox:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s", usage)
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	cloudFile := fs.String("cloud", "", "the emulated cloud's JSON file")
	world := fs.String("world", "", "the world to seed a new cloud from")
	delay := fs.Int("metric-delay", -1, "seconds before a new log-based metric is known to Cloud Monitoring")
	project := fs.String("project", "", "project id")
	location := fs.String("location", "", "Cloud Scheduler location")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *cloudFile == "" {
		return fmt.Errorf("--cloud is required\n%s", usage)
	}
	store := cloud.Open(*cloudFile)
	switch args[0] {
	case "seed":
		return seed(*cloudFile, *world, *delay)
	case "jobs":
		var jobs []map[string]any
		err := store.View(func(st *cloud.State) error {
			var err error
			jobs, err = st.ListJobs(*project, *location)
			return err
		})
		if err != nil {
			return err
		}
		if jobs == nil {
			jobs = []map[string]any{}
		}
		return printJSON(jobs)
	case "console":
		return console(store, *project, *location, fs.Args())
	}
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}

func seed(cloudFile, worldFile string, delay int) error {
	data, err := os.ReadFile(worldFile)
	if err != nil {
		return err
	}
	var world cloud.State
	if err := json.Unmarshal(data, &world); err != nil {
		return fmt.Errorf("%s: %w", worldFile, err)
	}
	if delay >= 0 {
		world.Settings.MetricPropagationSeconds = delay
	}
	return cloud.Seed(cloudFile, &world)
}

func console(store *cloud.Store, project, location string, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("console needs a verb\n%s", usage)
	}
	name := func(i int) (string, error) {
		if len(args) <= i {
			return "", fmt.Errorf("%s needs a job id", args[0])
		}
		return cloud.JobName(project, location, args[i]), nil
	}
	return store.Update(func(st *cloud.State) error {
		switch args[0] {
		case "pause", "resume":
			job, err := name(1)
			if err != nil {
				return err
			}
			_, err = st.SetJobState(job, map[string]string{"pause": "PAUSED", "resume": "ENABLED"}[args[0]])
			return report(err, "%sd %s", args[0], job)
		case "schedule":
			job, err := name(1)
			if err != nil {
				return err
			}
			if len(args) < 3 {
				return fmt.Errorf("schedule needs a job id and a cron expression")
			}
			current, err := st.GetJob(job)
			if err != nil {
				return err
			}
			current["schedule"] = args[2]
			_, err = st.PatchJob(current)
			return report(err, "set the schedule of %s to %q", job, args[2])
		case "delete":
			job, err := name(1)
			if err != nil {
				return err
			}
			return report(st.DeleteJob(job), "deleted %s", job)
		case "create":
			if len(args) != 3 || args[1] != "--from" {
				return fmt.Errorf("create takes --from JOBS.json")
			}
			return createFrom(st, project, location, args[2])
		}
		return fmt.Errorf("unknown console verb %q\n%s", args[0], usage)
	})
}

// createFrom creates the jobs of a file in the gcloud/REST shapes (a list, {"jobs": [...]}, or one
// job) in this project and location, keeping each job's id and state: what a person does who recreates
// hand-made jobs in the console.
func createFrom(st *cloud.State, project, location, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	var jobs []any
	switch t := raw.(type) {
	case []any:
		jobs = t
	case map[string]any:
		if list, ok := t["jobs"].([]any); ok {
			jobs = list
		} else {
			jobs = []any{t}
		}
	}
	for _, j := range jobs {
		job, ok := j.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: a job is not an object", file)
		}
		name, _ := job["name"].(string)
		id := name[strings.LastIndex(name, "/")+1:]
		job["name"] = cloud.JobName(project, location, id)
		state, _ := job["state"].(string)
		if _, err := st.CreateJob(job); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		if state == "PAUSED" {
			if _, err := st.SetJobState(job["name"].(string), "PAUSED"); err != nil {
				return err
			}
		}
		fmt.Fprintf(os.Stderr, "created %s\n", job["name"])
	}
	return nil
}

func report(err error, format string, args ...any) error {
	if err == nil {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
	return err
}

func printJSON(v any) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
