package provider

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
)

func allTypes() []*resourceType {
	return []*resourceType{
		jobType(), topicType(), accountType(), serviceType(),
		iamMemberType("gcp:pubsub/topicIAMMember:TopicIAMMember", topicPolicy, map[string]*field{"topic": str().req().replaces()}),
		iamMemberType("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", runPolicy, map[string]*field{
			"name": str().req().replaces(), "location": str().optComputed().replaces()}),
		iamMemberType("gcp:projects/iAMMember:IAMMember", projectPolicy, map[string]*field{}),
		metricType(), alertPolicyType(), channelType(),
	}
}

func isBase64(s string) bool {
	_, err := base64.StdEncoding.DecodeString(s)
	return err == nil
}

// gcp:pubsub/topic:Topic (resource_pubsub_topic.go). With provider v5, `labels` are the configured
// labels and effectiveLabels/pulumiLabels the ones on the resource (no provider default labels here).
func topicType() *resourceType {
	return &resourceType{
		token: "gcp:pubsub/topic:Topic",
		fields: map[string]*field{
			"name": str().req().replaces(), "project": str().optComputed().replaces(), "labels": strMap(),
			"messageRetentionDuration": str(),
			"kmsKeyName":               str().notEmulated(),
			"messageStoragePolicy":     object(map[string]*field{"allowedPersistenceRegions": list(str())}).notEmulated(),
			"schemaSettings":           object(map[string]*field{"schema": str(), "encoding": str()}).notEmulated(),
		},
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			project, err := projectOf(cfg, in)
			if err != nil {
				return "", nil, err
			}
			name := getStr(in, "name")
			topic := cloud.Topic{Labels: getStrMap(in, "labels"), MessageRetentionDuration: getStr(in, "messageRetentionDuration")}
			if err := st.CreateTopic(project, name, topic); err != nil {
				return "", nil, err
			}
			id := "projects/" + project + "/topics/" + name
			return id, topicState(project, name, &topic), nil
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			project, name, err := splitTopicID(id)
			if err != nil {
				return nil, err
			}
			t, err := st.GetTopic(project, name)
			if err != nil {
				return nil, err
			}
			return topicState(project, name, t), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			project, name, err := splitTopicID(id)
			if err != nil {
				return nil, err
			}
			if err := st.PatchTopic(project, name, getStrMap(news, "labels"), getStr(news, "messageRetentionDuration")); err != nil {
				return nil, err
			}
			t, err := st.GetTopic(project, name)
			if err != nil {
				return nil, err
			}
			return topicState(project, name, t), nil
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			project, name, err := splitTopicID(id)
			if err != nil {
				return err
			}
			return st.DeleteTopic(project, name)
		},
	}
}

func splitTopicID(id string) (project, name string, err error) {
	parts := strings.Split(id, "/")
	if len(parts) != 4 || parts[0] != "projects" || parts[2] != "topics" {
		return "", "", fmt.Errorf("topic id %q is not projects/PROJECT/topics/NAME", id)
	}
	return parts[1], parts[3], nil
}

func topicState(project, name string, t *cloud.Topic) map[string]any {
	labels := map[string]any{}
	for k, v := range t.Labels {
		labels[k] = v
	}
	state := map[string]any{"name": name, "project": project, "messageRetentionDuration": t.MessageRetentionDuration}
	if len(labels) > 0 {
		state["labels"], state["effectiveLabels"], state["pulumiLabels"] = labels, labels, labels
	}
	return dropEmptyStrings(state)
}

func dropEmptyStrings(m map[string]any) map[string]any {
	for k, v := range m {
		if v == "" {
			delete(m, k)
		}
	}
	return m
}

// gcp:serviceaccount/account:Account (resource_google_service_account.go): id
// projects/P/serviceAccounts/EMAIL; email, member and uniqueId are computed.
func accountType() *resourceType {
	return &resourceType{
		token: "gcp:serviceaccount/account:Account",
		fields: map[string]*field{
			"accountId": str().req().replaces(), "project": str().optComputed().replaces(),
			"displayName": str(), "description": str(), "disabled": boolean().withDefault(false),
		},
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			project, err := projectOf(cfg, in)
			if err != nil {
				return "", nil, err
			}
			sa := cloud.ServiceAccount{DisplayName: getStr(in, "displayName"), Description: getStr(in, "description"), Disabled: getBool(in, "disabled")}
			email, created, err := st.CreateServiceAccount(project, getStr(in, "accountId"), sa)
			if err != nil {
				return "", nil, err
			}
			return "projects/" + project + "/serviceAccounts/" + email, accountState(project, email, created), nil
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			project, email, err := splitAccountID(id)
			if err != nil {
				return nil, err
			}
			sa, err := st.GetServiceAccount(project, email)
			if err != nil {
				return nil, err
			}
			return accountState(project, email, sa), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			project, email, err := splitAccountID(id)
			if err != nil {
				return nil, err
			}
			update := cloud.ServiceAccount{DisplayName: getStr(news, "displayName"), Description: getStr(news, "description"), Disabled: getBool(news, "disabled")}
			if err := st.UpdateServiceAccount(project, email, update); err != nil {
				return nil, err
			}
			sa, err := st.GetServiceAccount(project, email)
			if err != nil {
				return nil, err
			}
			return accountState(project, email, sa), nil
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			project, email, err := splitAccountID(id)
			if err != nil {
				return err
			}
			return st.DeleteServiceAccount(project, email)
		},
	}
}

func splitAccountID(id string) (project, email string, err error) {
	parts := strings.Split(id, "/")
	if len(parts) == 4 && parts[0] == "projects" && parts[2] == "serviceAccounts" {
		return parts[1], parts[3], nil
	}
	// `pulumi import` also takes the email alone (the provider's import formats).
	if at := strings.Index(id, "@"); at > 0 && strings.HasSuffix(id, ".iam.gserviceaccount.com") {
		return strings.TrimSuffix(id[at+1:], ".iam.gserviceaccount.com"), id, nil
	}
	return "", "", fmt.Errorf("service account id %q is not projects/PROJECT/serviceAccounts/EMAIL", id)
}

func accountState(project, email string, sa *cloud.ServiceAccount) map[string]any {
	return dropEmptyStrings(map[string]any{
		"accountId": sa.AccountID, "project": project, "email": email, "member": "serviceAccount:" + email,
		"name": "projects/" + project + "/serviceAccounts/" + email, "uniqueId": sa.UniqueID,
		"displayName": sa.DisplayName, "description": sa.Description, "disabled": sa.Disabled,
	})
}

// gcp:projects/service:Service (resource_google_project_service.go): id PROJECT/SERVICE; with
// disableOnDestroy false (the program's choice) a destroy leaves the API enabled.
func serviceType() *resourceType {
	return &resourceType{
		token: "gcp:projects/service:Service",
		fields: map[string]*field{
			"service": str().req().replaces(), "project": str().optComputed().replaces(),
			"disableOnDestroy": boolean().withDefault(true), "disableDependentServices": boolean(),
		},
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			project, err := projectOf(cfg, in)
			if err != nil {
				return "", nil, err
			}
			if err := st.EnableService(project, getStr(in, "service")); err != nil {
				return "", nil, err
			}
			return project + "/" + getStr(in, "service"), serviceState(project, in), nil
		},
		// services.enable is a long-running operation: the provider waits for it, and only then is the
		// API (with its service agent) there. Whatever does not depend on the Service meanwhile races it.
		delay: func(st *cloud.State) time.Duration {
			return time.Duration(st.Settings.ServiceEnableSeconds * float64(time.Second))
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			project, service, _ := strings.Cut(id, "/")
			on, err := st.ServiceEnabled(project, service)
			if err != nil {
				return nil, err
			}
			if !on {
				return nil, cloud.Errorf(404, "NOT_FOUND", "service %s is not enabled in %s", service, project)
			}
			if old == nil {
				old = map[string]any{}
			}
			old["service"] = service
			return serviceState(project, old), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			project, _, _ := strings.Cut(id, "/")
			return serviceState(project, news), nil
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			project, service, _ := strings.Cut(id, "/")
			if disable, set := olds["disableOnDestroy"].(bool); !set || disable {
				return st.DisableService(project, service)
			}
			return nil
		},
	}
}

func serviceState(project string, in map[string]any) map[string]any {
	disable, set := in["disableOnDestroy"].(bool)
	if !set {
		disable = true
	}
	return map[string]any{"service": getStr(in, "service"), "project": project, "disableOnDestroy": disable,
		"disableDependentServices": getBool(in, "disableDependentServices")}
}

// policyRef resolves the policy an IAM member resource acts on from its inputs.
type policyRef func(cfg config, in map[string]any) (cloud.Policy, string, error)

func topicPolicy(cfg config, in map[string]any) (cloud.Policy, string, error) {
	topic := getStr(in, "topic")
	project, name, err := splitTopicID(topic)
	if err != nil { // a short topic name is in the provider's project
		if project, err = projectOf(cfg, in); err != nil {
			return cloud.Policy{}, "", err
		}
		name, topic = getStr(in, "topic"), "projects/"+project+"/topics/"+getStr(in, "topic")
	}
	return cloud.Policy{Project: project, Topic: name}, topic, nil
}

func runPolicy(cfg config, in map[string]any) (cloud.Policy, string, error) {
	name := getStr(in, "name")
	if parts := strings.Split(name, "/"); len(parts) == 6 && parts[0] == "projects" {
		return cloud.Policy{Project: parts[1], Run: parts[3] + "/" + parts[5]}, name, nil
	}
	project, err := projectOf(cfg, in)
	if err != nil {
		return cloud.Policy{}, "", err
	}
	location, err := regionOf(cfg, in, "location")
	if err != nil {
		return cloud.Policy{}, "", err
	}
	return cloud.Policy{Project: project, Run: location + "/" + name},
		"projects/" + project + "/locations/" + location + "/services/" + name, nil
}

func projectPolicy(cfg config, in map[string]any) (cloud.Policy, string, error) {
	project := getStr(in, "project")
	if project == "" {
		return cloud.Policy{}, "", fmt.Errorf("project: required field is not set")
	}
	return cloud.Policy{Project: project}, project, nil
}

// iamMemberType is the non-authoritative IAM member of terraform-provider-google's IAM framework
// (tpgiamresource.ResourceIamMember): every input forces a replacement, the id is
// "RESOURCE/ROLE/MEMBER", and create/delete are a read-modify-write of the one binding.
// Conditions are not emulated.
func iamMemberType(token string, ref policyRef, resourceFields map[string]*field) *resourceType {
	fields := map[string]*field{
		"role": str().req().replaces(), "member": str().req().replaces(),
		"project":   str().optComputed().replaces(),
		"condition": object(map[string]*field{"title": str(), "description": str(), "expression": str()}).notEmulated(),
	}
	for k, f := range resourceFields {
		fields[k] = f
	}
	if token == "gcp:projects/iAMMember:IAMMember" {
		fields["project"] = str().req().replaces()
	}
	state := func(in map[string]any, resourceName string) map[string]any {
		out := map[string]any{}
		for k := range fields {
			if v, ok := in[k]; ok && k != "condition" {
				out[k] = v
			}
		}
		out["etag"] = "BwY" + strings.ToUpper(base64.RawURLEncoding.EncodeToString([]byte(resourceName))[:8])
		return out
	}
	return &resourceType{
		token: token, fields: fields,
		create: func(st *cloud.State, cfg config, in map[string]any) (string, map[string]any, error) {
			policy, resourceName, err := ref(cfg, in)
			if err != nil {
				return "", nil, err
			}
			if err := st.AddMember(policy, getStr(in, "role"), getStr(in, "member")); err != nil {
				return "", nil, err
			}
			return resourceName + "/" + getStr(in, "role") + "/" + getStr(in, "member"), state(in, resourceName), nil
		},
		read: func(st *cloud.State, cfg config, id string, old map[string]any) (map[string]any, error) {
			in, err := iamInputs(token, id, old)
			if err != nil {
				return nil, err
			}
			policy, resourceName, err := ref(cfg, in)
			if err != nil {
				return nil, err
			}
			ok, err := st.HasMember(policy, getStr(in, "role"), getStr(in, "member"))
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, cloud.Errorf(404, "NOT_FOUND", "the binding %s is not in the policy", id)
			}
			return state(in, resourceName), nil
		},
		update: func(st *cloud.State, cfg config, id string, olds, news map[string]any) (map[string]any, error) {
			return nil, fmt.Errorf("[sandbox] every property of %s forces a replacement; an update is a bug", token)
		},
		delete: func(st *cloud.State, cfg config, id string, olds map[string]any) error {
			policy, _, err := ref(cfg, olds)
			if err != nil {
				return err
			}
			return st.RemoveMember(policy, getStr(olds, "role"), getStr(olds, "member"))
		},
	}
}

// iamInputs recovers an IAM member's inputs from its id when only the id is known (`pulumi import`,
// whose id for a member is "RESOURCE ROLE MEMBER" or the "RESOURCE/ROLE/MEMBER" form of its state).
func iamInputs(token, id string, old map[string]any) (map[string]any, error) {
	if getStr(old, "role") != "" {
		return old, nil
	}
	var resourceName, role, member string
	if parts := strings.Fields(id); len(parts) == 3 {
		resourceName, role, member = parts[0], parts[1], parts[2]
	} else {
		i := strings.Index(id, "/roles/")
		if i < 0 {
			return nil, fmt.Errorf("IAM member id %q is not RESOURCE/ROLE/MEMBER", id)
		}
		resourceName = id[:i]
		r, m, ok := strings.Cut(id[i+len("/roles/"):], "/")
		if !ok {
			return nil, fmt.Errorf("IAM member id %q is not RESOURCE/ROLE/MEMBER", id)
		}
		role, member = "roles/"+r, m
	}
	in := map[string]any{"role": role, "member": member}
	switch token {
	case "gcp:pubsub/topicIAMMember:TopicIAMMember":
		in["topic"] = resourceName
		if project, _, err := splitTopicID(resourceName); err == nil {
			in["project"] = project
		}
	case "gcp:cloudrunv2/serviceIamMember:ServiceIamMember":
		parts := strings.Split(resourceName, "/")
		if len(parts) != 6 {
			return nil, fmt.Errorf("Cloud Run service %q is not projects/P/locations/L/services/S", resourceName)
		}
		in["project"], in["location"], in["name"] = parts[1], parts[3], parts[5]
	default:
		in["project"] = resourceName
	}
	return in, nil
}
