package cloud

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// IAM: service accounts (iam.googleapis.com projects.serviceAccounts), the project's policy
// (cloudresourcemanager projects.getIamPolicy/setIamPolicy) and the policies of one resource (topics,
// Cloud Run services). Members are checked as setIamPolicy checks them: a service account must exist.

const iamAPI = "iam.googleapis.com"

var (
	accountIDPattern = regexp.MustCompile(`^[a-z]([-a-z0-9]*[a-z0-9])$`) // R11.1
	rolePattern      = regexp.MustCompile(`^(roles/[A-Za-z0-9_.]+|projects/[^/]+/roles/[A-Za-z0-9_.]+|organizations/[0-9]+/roles/[A-Za-z0-9_.]+)$`)
	// Service agents that exist once their API is enabled in the project (Google's "Service agents"
	// reference: service-PROJECT_NUMBER@gcp-sa-cloudscheduler.iam.gserviceaccount.com for Cloud Scheduler, R10.1).
	serviceAgents = map[string]string{
		"cloudscheduler.googleapis.com": "service-%s@gcp-sa-cloudscheduler.iam.gserviceaccount.com",
		"pubsub.googleapis.com":         "service-%s@gcp-sa-pubsub.iam.gserviceaccount.com",
	}
)

// AccountEmail is the email of a user-managed service account.
func AccountEmail(project, accountID string) string {
	return accountID + "@" + project + ".iam.gserviceaccount.com"
}

// CreateServiceAccount is projects.serviceAccounts.create.
func (s *State) CreateServiceAccount(project, accountID string, sa ServiceAccount) (string, *ServiceAccount, error) {
	p, err := s.Project(project)
	if err != nil {
		return "", nil, err
	}
	if err := p.requireService(iamAPI); err != nil {
		return "", nil, err
	}
	if len(accountID) < 6 || len(accountID) > 30 || !accountIDPattern.MatchString(accountID) {
		return "", nil, invalid("Account id %q: 6 to 30 characters, lower-case letters, digits and hyphens, starting with a letter", accountID)
	}
	email := AccountEmail(project, accountID)
	if _, exists := p.ServiceAccounts[email]; exists {
		return "", nil, conflict("Service account %s already exists within project projects/%s.", accountID, project)
	}
	sa.AccountID = accountID
	sa.UniqueID = fmt.Sprintf("1%020d", s.newID())
	p.ServiceAccounts[email] = &sa
	return email, &sa, nil
}

// GetServiceAccount is projects.serviceAccounts.get.
func (s *State) GetServiceAccount(project, email string) (*ServiceAccount, error) {
	p, err := s.Project(project)
	if err != nil {
		return nil, err
	}
	if err := p.requireService(iamAPI); err != nil {
		return nil, err
	}
	sa, ok := p.ServiceAccounts[email]
	if !ok {
		return nil, notFound("Service account projects/%s/serviceAccounts/%s not found", project, email)
	}
	copy := *sa
	return &copy, nil
}

// UpdateServiceAccount is projects.serviceAccounts.patch of display name, description and disabled.
func (s *State) UpdateServiceAccount(project, email string, update ServiceAccount) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	sa, ok := p.ServiceAccounts[email]
	if !ok {
		return notFound("Service account projects/%s/serviceAccounts/%s not found", project, email)
	}
	sa.DisplayName, sa.Description, sa.Disabled = update.DisplayName, update.Description, update.Disabled
	return nil
}

// DeleteServiceAccount is projects.serviceAccounts.delete. Grants that name it stay in policies, as in
// Google Cloud (where they show as deleted:serviceAccount:...).
func (s *State) DeleteServiceAccount(project, email string) error {
	p, err := s.Project(project)
	if err != nil {
		return err
	}
	if _, ok := p.ServiceAccounts[email]; !ok {
		return notFound("Service account projects/%s/serviceAccounts/%s not found", project, email)
	}
	delete(p.ServiceAccounts, email)
	return nil
}

// checkMember answers as setIamPolicy does for a member that does not exist:
// 400 "Service account X does not exist." Only the member forms the sandbox knows are accepted.
func (s *State) checkMember(member string) error {
	kind, value, ok := strings.Cut(member, ":")
	if member == "allUsers" || member == "allAuthenticatedUsers" {
		return nil
	}
	if !ok {
		return invalid("Invalid member %q: expected a prefix such as serviceAccount:, user:, group: or domain:", member)
	}
	switch kind {
	case "user", "group", "domain":
		return nil
	case "serviceAccount":
		if s.serviceAccountExists(value) {
			return nil
		}
		return invalid("Service account %s does not exist.", value)
	default:
		return invalid("Invalid member type %q in %q [sandbox: knows serviceAccount, user, group, domain, allUsers, allAuthenticatedUsers]", kind, member)
	}
}

func (s *State) serviceAccountExists(email string) bool {
	for _, p := range s.Projects {
		p.init()
		if _, ok := p.ServiceAccounts[email]; ok {
			return true
		}
		for service, pattern := range serviceAgents {
			if p.Services[service] && email == fmt.Sprintf(pattern, p.Number) {
				return true
			}
		}
	}
	return false
}

func checkRole(role string) error {
	if !rolePattern.MatchString(role) {
		return invalid("Role %q is not a role name (roles/NAME or a custom role)", role)
	}
	return nil
}

// addBinding adds one member to one role of a policy (what an IAM member resource does: a
// read-modify-write of the policy that leaves the other bindings alone).
func (s *State) addBinding(policy map[string][]string, role, member string) error {
	if err := checkRole(role); err != nil {
		return err
	}
	if err := s.checkMember(member); err != nil {
		return err
	}
	for _, m := range policy[role] {
		if m == member {
			return nil
		}
	}
	policy[role] = append(policy[role], member)
	sort.Strings(policy[role])
	return nil
}

func removeBinding(policy map[string][]string, role, member string) {
	kept := policy[role][:0]
	for _, m := range policy[role] {
		if m != member {
			kept = append(kept, m)
		}
	}
	if len(kept) == 0 {
		delete(policy, role)
	} else {
		policy[role] = kept
	}
}

func hasBinding(policy map[string][]string, role, member string) bool {
	for _, m := range policy[role] {
		if m == member {
			return true
		}
	}
	return false
}

// Policy names an IAM policy of the emulated cloud: the project's, a topic's or a Cloud Run service's.
type Policy struct {
	Project string
	Topic   string // topic id, for a topic policy
	Run     string // "location/name", for a Cloud Run service policy
}

func (s *State) policy(ref Policy) (map[string][]string, error) {
	p, err := s.Project(ref.Project)
	if err != nil {
		return nil, err
	}
	switch {
	case ref.Topic != "":
		if err := p.requireService(pubsubAPI); err != nil {
			return nil, err
		}
		t, ok := p.Topics[ref.Topic]
		if !ok {
			return nil, notFound("Resource not found (resource=%s).", ref.Topic)
		}
		if t.IAM == nil {
			t.IAM = map[string][]string{}
		}
		return t.IAM, nil
	case ref.Run != "":
		if err := p.requireService("run.googleapis.com"); err != nil {
			return nil, err
		}
		svc, ok := p.RunServices[ref.Run]
		if !ok {
			location, name, _ := strings.Cut(ref.Run, "/")
			return nil, notFound("Resource 'projects/%s/locations/%s/services/%s' was not found", ref.Project, location, name)
		}
		if svc.IAM == nil {
			svc.IAM = map[string][]string{}
		}
		return svc.IAM, nil
	default:
		if err := p.requireService("cloudresourcemanager.googleapis.com"); err != nil {
			return nil, err
		}
		return p.IAM, nil
	}
}

// AddMember grants role to member on the policy.
func (s *State) AddMember(ref Policy, role, member string) error {
	policy, err := s.policy(ref)
	if err != nil {
		return err
	}
	return s.addBinding(policy, role, member)
}

// RemoveMember revokes role from member on the policy (a missing policy or binding is not an error,
// as the provider treats an IAM member whose resource is gone as deleted).
func (s *State) RemoveMember(ref Policy, role, member string) error {
	policy, err := s.policy(ref)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	removeBinding(policy, role, member)
	return nil
}

// HasMember tells whether the binding exists.
func (s *State) HasMember(ref Policy, role, member string) (bool, error) {
	policy, err := s.policy(ref)
	if err != nil {
		return false, err
	}
	return hasBinding(policy, role, member), nil
}
