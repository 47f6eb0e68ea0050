package provider

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The provider works on plain values (what encoding/json gives: map[string]any, []any, string,
// float64, bool, nil); a value the engine does not know yet during a preview is `unknown`.

type unknownValue struct{}

var unknown = unknownValue{}

func isUnknown(v any) bool { _, ok := v.(unknownValue); return ok }

// plain turns the engine's property map into plain values. Secrets are unwrapped (the sandbox keeps
// them in its cloud file, as Google keeps a channel's sensitive labels); the engine keeps them secret
// in its state because their inputs were secret.
func plain(props resource.PropertyMap) (map[string]any, error) {
	out := map[string]any{}
	for k, v := range props {
		if resource.IsInternalPropertyKey(k) {
			continue
		}
		p, err := plainValue(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		if p != nil {
			out[string(k)] = p
		}
	}
	return out, nil
}

func plainValue(v resource.PropertyValue) (any, error) {
	switch {
	case v.IsNull():
		return nil, nil
	case v.IsComputed():
		return unknown, nil
	case v.IsOutput():
		o := v.OutputValue()
		if !o.Known {
			return unknown, nil
		}
		return plainValue(o.Element)
	case v.IsSecret():
		return plainValue(v.SecretValue().Element)
	case v.IsBool():
		return v.BoolValue(), nil
	case v.IsNumber():
		return v.NumberValue(), nil
	case v.IsString():
		return v.StringValue(), nil
	case v.IsArray():
		arr := v.ArrayValue()
		out := make([]any, 0, len(arr))
		for _, e := range arr {
			p, err := plainValue(e)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
		return out, nil
	case v.IsObject():
		return plain(v.ObjectValue())
	default:
		return nil, fmt.Errorf("[sandbox] values of this kind (%v) are not emulated", v.TypeString())
	}
}

// props turns plain values back into a property map; keys listed in secret are marked secret.
func props(m map[string]any, secret ...string) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k, v := range m {
		if v == nil {
			continue
		}
		pv := propValue(v)
		for _, s := range secret {
			if s == k {
				pv = resource.MakeSecret(pv)
			}
		}
		out[resource.PropertyKey(k)] = pv
	}
	return out
}

func propValue(v any) resource.PropertyValue {
	switch t := v.(type) {
	case unknownValue:
		return resource.MakeComputed(resource.NewProperty(""))
	case map[string]any:
		return resource.NewProperty(props(t))
	case []any:
		arr := make([]resource.PropertyValue, len(t))
		for i, e := range t {
			arr[i] = propValue(e)
		}
		return resource.NewProperty(arr)
	case map[string]string:
		m := map[string]any{}
		for k, s := range t {
			m[k] = s
		}
		return propValue(m)
	case int:
		return resource.NewProperty(float64(t))
	case int64:
		return resource.NewProperty(float64(t))
	default:
		return resource.NewPropertyValue(v)
	}
}

// Helpers for reading plain values.

func getStr(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func getObj(m map[string]any, key string) map[string]any {
	o, _ := m[key].(map[string]any)
	return o
}

func getBool(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

func getStrMap(m map[string]any, key string) map[string]string {
	out := map[string]string{}
	for k, v := range getObj(m, key) {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// isEmpty is terraform-provider-google's tpgresource.IsEmptyValue: "", 0, false, nil and empty
// collections are "not set", and the provider's expand functions leave them out of API requests
// (the root of pitfall P15).
func isEmpty(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case string:
		return t == ""
	case float64:
		return t == 0
	case bool:
		return !t
	case map[string]any:
		return len(t) == 0
	case []any:
		return len(t) == 0
	}
	return false
}

// compact drops empty values recursively, as the provider's expand functions do before a request.
func compact(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = compact(sub)
		}
		if !isEmpty(v) {
			out[k] = v
		}
	}
	return out
}

func hasUnknown(v any) bool {
	switch t := v.(type) {
	case unknownValue:
		return true
	case map[string]any:
		for _, e := range t {
			if hasUnknown(e) {
				return true
			}
		}
	case []any:
		for _, e := range t {
			if hasUnknown(e) {
				return true
			}
		}
	}
	return false
}
