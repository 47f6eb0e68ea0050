package provider

import (
	"reflect"
	"sort"
)

// Diff compares the new inputs with the old state, property by property, as the bridge does through
// the Terraform plan: a property absent from the inputs that is Optional+Computed keeps the cloud's
// value (no diff), a DiffSuppressFunc may call two values equal, and a change to a ForceNew property
// replaces the resource.

// suppressor reports that old and new are equal for the property at path (a DiffSuppressFunc).
type suppressor func(path string, old, new any, news map[string]any) bool

type change struct {
	path    string
	replace bool
	kind    string // "add", "update", "delete"
}

func diffObject(path string, fields map[string]*field, olds, news map[string]any, suppress suppressor, forceNew bool, out *[]change) {
	keys := map[string]bool{}
	for k := range fields {
		if _, inOld := olds[k]; inOld {
			keys[k] = true
		}
		if _, inNew := news[k]; inNew {
			keys[k] = true
		}
	}
	for _, k := range sortedKeys(keys) {
		f := fields[k]
		diffValue(join(path, k), f, olds[k], news[k], suppress, forceNew || f.forceNew, news, out)
	}
}

func diffValue(path string, f *field, old, new any, suppress suppressor, forceNew bool, root map[string]any, out *[]change) {
	if new == nil && f.computed {
		return // Optional+Computed and absent from the inputs: the cloud's value stands (an explicit
		// false or 0 is set, and differs from the cloud's true or 5: the Terraform plan diffs it)
	}
	if isUnknown(new) || (hasUnknown(new) && f.kind != kObject) {
		*out = append(*out, change{path, forceNew, "update"})
		return
	}
	if suppress != nil && suppress(path, old, new, root) {
		return
	}
	if f.kind == kObject {
		oldObj, _ := old.(map[string]any)
		newObj, _ := new.(map[string]any)
		if oldObj == nil && newObj == nil {
			return
		}
		if oldObj == nil || newObj == nil {
			*out = append(*out, change{path, forceNew, kindOf(old, new)})
			return
		}
		diffObject(path, f.fields, oldObj, newObj, suppress, forceNew, out)
		return
	}
	if isEmpty(old) && isEmpty(new) {
		return // the provider stores an unset value as empty: "" and absent are the same
	}
	if !reflect.DeepEqual(old, new) {
		*out = append(*out, change{path, forceNew, kindOf(old, new)})
	}
}

func kindOf(old, new any) string {
	switch {
	case isEmpty(old):
		return "add"
	case isEmpty(new):
		return "delete"
	}
	return "update"
}

func topLevel(path string) string {
	for i, r := range path {
		if r == '.' || r == '[' {
			return path[:i]
		}
	}
	return path
}

func uniqueTop(changes []change, onlyReplace bool) []string {
	seen := map[string]bool{}
	for _, c := range changes {
		if !onlyReplace || c.replace {
			seen[topLevel(c.path)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
