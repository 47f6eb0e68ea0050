package provider

import (
	"fmt"
	"sort"
	"strings"
)

// A small schema language for the inputs of the emulated resources: which properties exist (anything
// else is refused by name), their shape, the provider's defaults, which force a replacement and which
// are Optional+Computed (left out, they keep what the cloud has, so they never show a diff).
// Each resource's schema follows the Terraform schema of terraform-provider-google that the gcp
// provider bridges (cited per resource).

type kind int

const (
	kString kind = iota
	kNumber
	kBool
	kObject // nested block with known fields (a MaxItems:1 block, or a Pulumi object type)
	kMap    // map of strings
	kList   // list of elem
)

type field struct {
	kind     kind
	fields   map[string]*field // kObject
	elem     *field            // kList
	forceNew bool
	computed bool // Optional+Computed: absent from the inputs means "whatever the cloud has"
	def      any  // the provider's schema default, filled in by Check
	required bool
	// emulated is false for a property the sandbox accepts in the schema but does not emulate: setting
	// it is refused by name rather than silently ignored.
	unemulated bool
}

func str() *field                            { return &field{kind: kString} }
func num() *field                            { return &field{kind: kNumber} }
func boolean() *field                        { return &field{kind: kBool} }
func strMap() *field                         { return &field{kind: kMap} }
func object(fields map[string]*field) *field { return &field{kind: kObject, fields: fields} }
func list(elem *field) *field                { return &field{kind: kList, elem: elem} }

func (f *field) replaces() *field    { f.forceNew = true; return f }
func (f *field) optComputed() *field { f.computed = true; return f }
func (f *field) req() *field         { f.required = true; return f }
func (f *field) notEmulated() *field { f.unemulated = true; return f }
func (f *field) withDefault(v any) *field {
	f.def = v
	return f
}

// failure is one CheckFailure: the property path and why.
type failure struct{ path, reason string }

// check walks a value against a schema and lists what is unknown or of the wrong shape.
func check(path string, f *field, v any, out *[]failure) {
	if v == nil || isUnknown(v) {
		return
	}
	if f.unemulated {
		*out = append(*out, failure{path, "[sandbox] the property is not emulated; remove it or extend tools/sandbox"})
		return
	}
	bad := func(want string) { *out = append(*out, failure{path, fmt.Sprintf("expected %s, got %T", want, v)}) }
	switch f.kind {
	case kString:
		if _, ok := v.(string); !ok {
			bad("a string")
		}
	case kNumber:
		if _, ok := v.(float64); !ok {
			bad("a number")
		}
	case kBool:
		if _, ok := v.(bool); !ok {
			bad("a boolean")
		}
	case kMap:
		m, ok := v.(map[string]any)
		if !ok {
			bad("a map of strings")
			return
		}
		for k, e := range m {
			if _, ok := e.(string); !ok && !isUnknown(e) {
				*out = append(*out, failure{path + "." + k, fmt.Sprintf("expected a string, got %T", e)})
			}
		}
	case kList:
		l, ok := v.([]any)
		if !ok {
			bad("a list")
			return
		}
		for i, e := range l {
			check(fmt.Sprintf("%s[%d]", path, i), f.elem, e, out)
		}
	case kObject:
		m, ok := v.(map[string]any)
		if !ok {
			bad("an object")
			return
		}
		checkObject(path, f.fields, m, out)
	}
}

func checkObject(path string, fields map[string]*field, m map[string]any, out *[]failure) {
	for _, k := range sortedKeys(m) {
		sub, known := fields[k]
		p := join(path, k)
		if !known {
			*out = append(*out, failure{p, "[sandbox] unknown property: the gcp provider has no such input here (known: " +
				strings.Join(sortedKeys(fields), ", ") + ")"})
			continue
		}
		check(p, sub, m[k], out)
	}
	for _, k := range sortedKeys(fields) {
		if fields[k].required && m[k] == nil {
			*out = append(*out, failure{join(path, k), "missing required property"})
		}
	}
}

// applyDefaults fills the schema defaults of absent properties, as the bridge's Check does.
func applyDefaults(fields map[string]*field, m map[string]any) {
	for k, f := range fields {
		v, present := m[k]
		if !present || v == nil {
			if f.def != nil {
				m[k] = f.def
			}
			continue
		}
		if f.kind == kObject {
			if sub, ok := v.(map[string]any); ok {
				applyDefaults(f.fields, sub)
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
