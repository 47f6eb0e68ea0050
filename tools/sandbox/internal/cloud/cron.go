package cloud

import (
	"strconv"
	"strings"
)

// cronField is one of the five unix-cron fields of "Configure cron job schedules" (Cloud Scheduler
// docs): minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-7 (0 and 7
// are Sunday) or SUN-SAT.
type cronField struct {
	name     string
	min, max int
	names    []string // names[i] stands for min+i
}

var cronFields = []cronField{
	{name: "minute", min: 0, max: 59},
	{name: "hour", min: 0, max: 23},
	{name: "day of month", min: 1, max: 31},
	{name: "month", min: 1, max: 12, names: strings.Fields("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC")},
	{name: "day of week", min: 0, max: 7, names: strings.Fields("SUN MON TUE WED THU FRI SAT")},
}

// checkSchedule accepts what the docs describe: `*`, values, `a-b` ranges, `/n` steps after `*` or a
// range, and `,` lists, in exactly five fields. The legacy English format ("every 24 hours") is still
// accepted by the API but the sandbox does not emulate it, so it refuses it by name rather than guess.
func checkSchedule(schedule string) error {
	if strings.TrimSpace(schedule) == "" {
		return invalid("Schedule is required.")
	}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(schedule)), "every ") {
		return invalid("Schedule %q: [sandbox] the legacy App Engine cron format is not emulated", schedule)
	}
	fields := strings.Fields(schedule)
	if len(fields) != 5 {
		return invalid("Schedule has %d fields, 5 expected (minute hour day-of-month month day-of-week): %q",
			len(fields), schedule)
	}
	for i, f := range fields {
		if err := cronFields[i].check(f); err != nil {
			return invalid("Schedule %q: %s", schedule, err.Error())
		}
	}
	return nil
}

type fieldError string

func (e fieldError) Error() string { return string(e) }

func (f cronField) check(text string) error {
	for _, part := range strings.Split(text, ",") {
		base, step, hasStep := strings.Cut(part, "/")
		if hasStep {
			n, err := strconv.Atoi(step)
			if err != nil || n < 1 {
				return fieldError("invalid step '" + step + "' in the " + f.name + " field")
			}
		}
		if base == "*" {
			continue
		}
		lo, hi, isRange := strings.Cut(base, "-")
		from, err := f.value(lo)
		if err != nil {
			return err
		}
		if !isRange {
			if hasStep {
				return fieldError("a step needs '*' or a range before it in the " + f.name + " field: '" + part + "'")
			}
			continue
		}
		to, err := f.value(hi)
		if err != nil {
			return err
		}
		if from > to {
			return fieldError("range '" + base + "' runs backwards in the " + f.name + " field")
		}
	}
	return nil
}

func (f cronField) value(text string) (int, error) {
	for i, n := range f.names {
		if strings.EqualFold(text, n) {
			return f.min + i, nil
		}
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < f.min || n > f.max {
		return 0, fieldError("'" + text + "' is not a valid " + f.name + " (" +
			strconv.Itoa(f.min) + "-" + strconv.Itoa(f.max) + ")")
	}
	return n, nil
}
