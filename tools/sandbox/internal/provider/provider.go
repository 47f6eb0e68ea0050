// Package provider is the sandbox's `gcp` resource plugin: it answers the Pulumi engine as the bridged
// gcp provider (pulumi-gcp 7.0.0, on terraform-provider-google v5) would, for the resource types
// cqc-scheduler uses, and keeps their cloud side in the emulated cloud of package cloud.
package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
)

// Version is the gcp plugin version the program's jar asks for (com/pulumi/gcp/plugin.json).
const Version = "7.0.0"

// config is the provider configuration the program's stack sets (gcp:project, gcp:region).
type config struct {
	project, region string
}

// resourceType is one emulated resource type.
type resourceType struct {
	token  string
	fields map[string]*field
	// suppress is the resource's DiffSuppressFuncs.
	suppress suppressor
	// secretOutputs are output properties the provider marks sensitive.
	secretOutputs []string
	// create calls the cloud and returns the id and the state (outputs).
	create func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error)
	// read returns the state of the resource with this id; a cloud 404 means it is gone.
	// old holds the previous state or inputs, for values the API does not return.
	read func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error)
	// update applies new inputs to the resource.
	update func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error)
	// delete removes it.
	delete func(st *cloud.State, cfg config, id string, olds map[string]any) error
	// check adds the provider's plan-time validations (CustomizeDiff, ValidateFunc) to the schema's.
	check func(news map[string]any) []failure
	// delay is how long a create takes before it happens (a long-running operation), if at all.
	delay func(st *cloud.State) time.Duration
}

// Provider implements the engine's provider interface over the emulated cloud.
type Provider struct {
	plugin.UnimplementedProvider
	store *cloud.Store
	cfg   config
	types map[string]*resourceType
}

// New returns the provider over the cloud kept in store.
func New(store *cloud.Store) *Provider {
	types := map[string]*resourceType{}
	for _, t := range allTypes() {
		types[t.token] = t
	}
	return &Provider{store: store, types: types}
}

func (p *Provider) Close() error { return nil }

func (p *Provider) Pkg() string { return "gcp" }

func (p *Provider) GetPluginInfo(context.Context) (plugin.PluginInfo, error) {
	v := semver.MustParse(Version)
	return plugin.PluginInfo{Version: &v}, nil
}

func (p *Provider) GetSchema(context.Context, plugin.GetSchemaRequest) (plugin.GetSchemaResponse, error) {
	return plugin.GetSchemaResponse{Schema: []byte(`{"name":"gcp","version":"` + Version + `"}`)}, nil
}

func (p *Provider) Handshake(context.Context, plugin.ProviderHandshakeRequest) (*plugin.ProviderHandshakeResponse, error) {
	return &plugin.ProviderHandshakeResponse{AcceptSecrets: true, AcceptResources: true, AcceptOutputs: false}, nil
}

// providerConfig lists the provider settings the sandbox knows; any other gcp: setting is refused.
var providerConfig = map[string]bool{"project": true, "region": true, "zone": true, "version": true}

func (p *Provider) CheckConfig(_ context.Context, req plugin.CheckConfigRequest) (plugin.CheckConfigResponse, error) {
	var failures []plugin.CheckFailure
	for k := range req.News {
		if !providerConfig[string(k)] && !resource.IsInternalPropertyKey(k) {
			failures = append(failures, plugin.CheckFailure{Property: k,
				Reason: "[sandbox] the provider setting gcp:" + string(k) + " is not emulated (known: project, region, zone)"})
		}
	}
	return plugin.CheckConfigResponse{Properties: req.News, Failures: failures}, nil
}

func (p *Provider) DiffConfig(_ context.Context, req plugin.DiffConfigRequest) (plugin.DiffConfigResponse, error) {
	// A changed project or region does not replace the provider; resources that depend on it diff.
	return plugin.DiffResult{Changes: plugin.DiffNone}, nil
}

func (p *Provider) Configure(_ context.Context, req plugin.ConfigureRequest) (plugin.ConfigureResponse, error) {
	in, err := plain(req.Inputs)
	if err != nil {
		return plugin.ConfigureResponse{}, err
	}
	p.cfg = config{project: getStr(in, "project"), region: getStr(in, "region")}
	return plugin.ConfigureResponse{}, nil
}

func (p *Provider) typeOf(urn resource.URN) (*resourceType, error) {
	token := string(urn.Type())
	t, ok := p.types[token]
	if !ok {
		return nil, fmt.Errorf("[sandbox] the resource type %s is not emulated; known: %s",
			token, strings.Join(sortedKeys(p.types), ", "))
	}
	return t, nil
}

// Check applies the provider's defaults and its plan-time validations; unknown properties fail.
func (p *Provider) Check(_ context.Context, req plugin.CheckRequest) (plugin.CheckResponse, error) {
	t, err := p.typeOf(req.URN)
	if err != nil {
		return plugin.CheckResponse{}, err
	}
	news, err := plain(req.News)
	if err != nil {
		return plugin.CheckResponse{}, err
	}
	var failures []failure
	checkObject("", t.fields, news, &failures)
	if len(failures) == 0 && t.check != nil {
		failures = t.check(news)
	}
	if len(failures) > 0 {
		out := make([]plugin.CheckFailure, len(failures))
		for i, f := range failures {
			out[i] = plugin.CheckFailure{Property: resource.PropertyKey(f.path), Reason: f.reason}
		}
		return plugin.CheckResponse{Failures: out}, nil
	}
	applyDefaults(t.fields, news)
	return plugin.CheckResponse{Properties: keepSecrets(req.News, props(news))}, nil
}

// keepSecrets marks as secret every top-level property that was secret in the engine's inputs.
func keepSecrets(orig, out resource.PropertyMap) resource.PropertyMap {
	for k, v := range orig {
		if v.ContainsSecrets() {
			if o, ok := out[k]; ok && !o.IsSecret() {
				out[k] = resource.MakeSecret(o)
			}
		}
	}
	return out
}

func (p *Provider) Diff(_ context.Context, req plugin.DiffRequest) (plugin.DiffResponse, error) {
	t, err := p.typeOf(req.URN)
	if err != nil {
		return plugin.DiffResult{}, err
	}
	olds, err := plain(req.OldOutputs)
	if err != nil {
		return plugin.DiffResult{}, err
	}
	news, err := plain(req.NewInputs)
	if err != nil {
		return plugin.DiffResult{}, err
	}
	var changes []change
	diffObject("", t.fields, olds, news, t.suppress, false, &changes)
	changes = withoutIgnored(changes, req.IgnoreChanges)
	if len(changes) == 0 {
		return plugin.DiffResult{Changes: plugin.DiffNone}, nil
	}
	detailed := map[string]plugin.PropertyDiff{}
	for _, c := range changes {
		kind := map[string]plugin.DiffKind{"add": plugin.DiffAdd, "update": plugin.DiffUpdate, "delete": plugin.DiffDelete}[c.kind]
		if c.replace {
			kind = kind.AsReplace()
		}
		detailed[c.path] = plugin.PropertyDiff{Kind: kind}
	}
	result := plugin.DiffResult{Changes: plugin.DiffSome, DetailedDiff: detailed}
	for _, k := range uniqueTop(changes, true) {
		result.ReplaceKeys = append(result.ReplaceKeys, resource.PropertyKey(k))
	}
	for _, k := range uniqueTop(changes, false) {
		result.ChangedKeys = append(result.ChangedKeys, resource.PropertyKey(k))
	}
	return result, nil
}

// withoutIgnored drops the changes under an ignoreChanges path. The engine only copies the old
// *inputs* into the new ones for those paths; the bridge also leaves them out of its diff against the
// state (pulumi-terraform-bridge pkg/tfbridge/provider.go, Diff with req.IgnoreChanges), which is what
// lets an input the API answers differently (a Pub/Sub job's deadline, P13) settle.
func withoutIgnored(changes []change, ignored []string) []change {
	kept := changes[:0]
	for _, c := range changes {
		skip := false
		for _, path := range ignored {
			if c.path == path || strings.HasPrefix(c.path, path+".") || strings.HasPrefix(c.path, path+"[") {
				skip = true
			}
		}
		if !skip {
			kept = append(kept, c)
		}
	}
	return kept
}

func (p *Provider) Create(_ context.Context, req plugin.CreateRequest) (plugin.CreateResponse, error) {
	t, err := p.typeOf(req.URN)
	if err != nil {
		return plugin.CreateResponse{}, err
	}
	in, err := plain(req.Properties)
	if err != nil {
		return plugin.CreateResponse{}, err
	}
	if req.Preview {
		return plugin.CreateResponse{Properties: req.Properties}, nil
	}
	if t.delay != nil {
		var wait time.Duration
		if err := p.store.View(func(st *cloud.State) error { wait = t.delay(st); return nil }); err != nil {
			return plugin.CreateResponse{}, err
		}
		time.Sleep(wait)
	}
	var id string
	var state map[string]any
	err = p.store.Update(func(st *cloud.State) error {
		id, state, err = t.create(st, p.cfg, in)
		return err
	})
	if err != nil {
		return plugin.CreateResponse{}, fmt.Errorf("creating %s: %w", req.URN.Name(), err)
	}
	return plugin.CreateResponse{ID: resource.ID(id), Properties: keepSecrets(req.Properties, props(state, t.secretOutputs...)),
		Status: resource.StatusOK}, nil
}

// Read serves `pulumi refresh` (with the old state) and `pulumi import` (with an id only): it returns
// what the cloud has, and inputs that reproduce it.
func (p *Provider) Read(_ context.Context, req plugin.ReadRequest) (plugin.ReadResponse, error) {
	t, err := p.typeOf(req.URN)
	if err != nil {
		return plugin.ReadResponse{}, err
	}
	old, err := plain(req.State)
	if err != nil {
		return plugin.ReadResponse{}, err
	}
	if len(old) == 0 {
		if old, err = plain(req.Inputs); err != nil {
			return plugin.ReadResponse{}, err
		}
	}
	var state map[string]any
	err = p.store.View(func(st *cloud.State) error {
		state, err = t.read(st, p.cfg, string(req.ID), old)
		return err
	})
	if cloud.IsNotFound(err) {
		return plugin.ReadResponse{ReadResult: plugin.ReadResult{ID: req.ID}, Status: resource.StatusOK}, nil
	}
	if err != nil {
		return plugin.ReadResponse{}, fmt.Errorf("reading %s: %w", req.ID, err)
	}
	inputs := inputsOf(t.fields, state)
	return plugin.ReadResponse{ReadResult: plugin.ReadResult{
		ID:      req.ID,
		Inputs:  props(inputs, t.secretOutputs...),
		Outputs: props(state, t.secretOutputs...),
	}, Status: resource.StatusOK}, nil
}

// inputsOf extracts inputs from a state as the bridge does for import: the schema's properties that
// have a value.
func inputsOf(fields map[string]*field, state map[string]any) map[string]any {
	out := map[string]any{}
	for k, f := range fields {
		v, ok := state[k]
		if !ok || isEmpty(v) {
			continue
		}
		if f.kind == kObject {
			if sub, ok := v.(map[string]any); ok {
				v = inputsOf(f.fields, sub)
			}
		}
		out[k] = v
	}
	return out
}

func (p *Provider) Update(_ context.Context, req plugin.UpdateRequest) (plugin.UpdateResponse, error) {
	t, err := p.typeOf(req.URN)
	if err != nil {
		return plugin.UpdateResponse{}, err
	}
	olds, err := plain(req.OldOutputs)
	if err != nil {
		return plugin.UpdateResponse{}, err
	}
	news, err := plain(req.NewInputs)
	if err != nil {
		return plugin.UpdateResponse{}, err
	}
	if req.Preview {
		return plugin.UpdateResponse{Properties: req.NewInputs}, nil
	}
	var state map[string]any
	err = p.store.Update(func(st *cloud.State) error {
		state, err = t.update(st, p.cfg, string(req.ID), olds, news)
		return err
	})
	if err != nil {
		return plugin.UpdateResponse{}, fmt.Errorf("updating %s: %w", req.URN.Name(), err)
	}
	return plugin.UpdateResponse{Properties: keepSecrets(req.NewInputs, props(state, t.secretOutputs...)), Status: resource.StatusOK}, nil
}

func (p *Provider) Delete(_ context.Context, req plugin.DeleteRequest) (plugin.DeleteResponse, error) {
	t, err := p.typeOf(req.URN)
	if err != nil {
		return plugin.DeleteResponse{}, err
	}
	olds, err := plain(req.Outputs)
	if err != nil {
		return plugin.DeleteResponse{}, err
	}
	err = p.store.Update(func(st *cloud.State) error {
		return t.delete(st, p.cfg, string(req.ID), olds)
	})
	if cloud.IsNotFound(err) {
		err = nil // already gone: the provider's HandleNotFoundError treats this as deleted
	}
	if err != nil {
		return plugin.DeleteResponse{}, fmt.Errorf("deleting %s: %w", req.URN.Name(), err)
	}
	return plugin.DeleteResponse{Status: resource.StatusOK}, nil
}

// projectOf is the resource's project, else the provider's (tpgresource.GetProject).
func projectOf(cfg config, in map[string]any) (string, error) {
	if p := getStr(in, "project"); p != "" {
		return p, nil
	}
	if cfg.project != "" {
		return cfg.project, nil
	}
	return "", fmt.Errorf("project: required field is not set (set gcp:project or the resource's project)")
}

// regionOf is the resource's region (or location), else the provider's (tpgresource.GetRegion).
func regionOf(cfg config, in map[string]any, key string) (string, error) {
	if r := getStr(in, key); r != "" {
		return r, nil
	}
	if cfg.region != "" {
		return cfg.region, nil
	}
	return "", fmt.Errorf("%s: required field is not set (set gcp:region or the resource's %s)", key, key)
}

var _ plugin.Provider = (*Provider)(nil)
