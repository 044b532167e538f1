package shapes

// Codec benchmarks on three shapes Graph really sends: a small complex type
// (identitySet), a large entity with nested objects and collections (user,
// with its manager and memberOf expanded), and a collection page of 100
// users. Each runs the generated codec and encoding/json on plain structs of
// the same shape (tags only, no methods) in the same run:
//
//	go test ./generated/shapes -run '^$' -bench . -benchmem -count 3 -cpu 1,2
//
// docs/performance.md ("Codecs") shows the ratios.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

// The plain model: what a hand-written encoding/json model of the same
// resources looks like. Pointers with omitempty express absent; null and
// absent collapse, unknown members are dropped, and a directory object is
// one struct whatever its @odata.type.
type plainIdentitySet struct {
	Application *plainIdentity `json:"application,omitempty"`
	Device      *plainIdentity `json:"device,omitempty"`
	User        *plainIdentity `json:"user,omitempty"`
}

type plainUser struct {
	ID                              *string                             `json:"id,omitempty"`
	DeviceEnrollmentLimit           *int32                              `json:"deviceEnrollmentLimit,omitempty"`
	AboutMe                         *string                             `json:"aboutMe,omitempty"`
	AccountEnabled                  *bool                               `json:"accountEnabled,omitempty"`
	AgeGroup                        *string                             `json:"ageGroup,omitempty"`
	AssignedLicenses                []plainAssignedLicense              `json:"assignedLicenses,omitempty"`
	AssignedPlans                   []plainAssignedPlan                 `json:"assignedPlans,omitempty"`
	Birthday                        *string                             `json:"birthday,omitempty"`
	BusinessPhones                  []string                            `json:"businessPhones,omitempty"`
	City                            *string                             `json:"city,omitempty"`
	CompanyName                     *string                             `json:"companyName,omitempty"`
	ConsentProvidedForMinor         *string                             `json:"consentProvidedForMinor,omitempty"`
	Country                         *string                             `json:"country,omitempty"`
	CreatedDateTime                 *string                             `json:"createdDateTime,omitempty"`
	CreationType                    *string                             `json:"creationType,omitempty"`
	Department                      *string                             `json:"department,omitempty"`
	DisplayName                     *string                             `json:"displayName,omitempty"`
	EmployeeHireDate                *string                             `json:"employeeHireDate,omitempty"`
	EmployeeID                      *string                             `json:"employeeId,omitempty"`
	EmployeeOrgData                 *plainEmployeeOrgData               `json:"employeeOrgData,omitempty"`
	EmployeeType                    *string                             `json:"employeeType,omitempty"`
	FaxNumber                       *string                             `json:"faxNumber,omitempty"`
	GivenName                       *string                             `json:"givenName,omitempty"`
	HireDate                        *string                             `json:"hireDate,omitempty"`
	Identities                      []plainObjectIdentity               `json:"identities,omitempty"`
	ImAddresses                     []string                            `json:"imAddresses,omitempty"`
	Interests                       []string                            `json:"interests,omitempty"`
	IsResourceAccount               *bool                               `json:"isResourceAccount,omitempty"`
	JobTitle                        *string                             `json:"jobTitle,omitempty"`
	LegalAgeGroupClassification     *string                             `json:"legalAgeGroupClassification,omitempty"`
	LastPasswordChangeDateTime      *string                             `json:"lastPasswordChangeDateTime,omitempty"`
	Mail                            *string                             `json:"mail,omitempty"`
	MailboxSettings                 *plainMailboxSettings               `json:"mailboxSettings,omitempty"`
	MailNickname                    *string                             `json:"mailNickname,omitempty"`
	MobilePhone                     *string                             `json:"mobilePhone,omitempty"`
	MySite                          *string                             `json:"mySite,omitempty"`
	OfficeLocation                  *string                             `json:"officeLocation,omitempty"`
	OnPremisesDistinguishedName     *string                             `json:"onPremisesDistinguishedName,omitempty"`
	OnPremisesDomainName            *string                             `json:"onPremisesDomainName,omitempty"`
	OnPremisesExtensionAttributes   *plainOnPremisesExtensionAttributes `json:"onPremisesExtensionAttributes,omitempty"`
	OnPremisesImmutableID           *string                             `json:"onPremisesImmutableId,omitempty"`
	OnPremisesLastSyncDateTime      *string                             `json:"onPremisesLastSyncDateTime,omitempty"`
	OnPremisesProvisioningErrors    []plainOnPremisesProvisioningError  `json:"onPremisesProvisioningErrors,omitempty"`
	OnPremisesSamAccountName        *string                             `json:"onPremisesSamAccountName,omitempty"`
	OnPremisesSecurityIdentifier    *string                             `json:"onPremisesSecurityIdentifier,omitempty"`
	OnPremisesSyncEnabled           *bool                               `json:"onPremisesSyncEnabled,omitempty"`
	OnPremisesUserPrincipalName     *string                             `json:"onPremisesUserPrincipalName,omitempty"`
	OtherMails                      []string                            `json:"otherMails,omitempty"`
	PasswordPolicies                *string                             `json:"passwordPolicies,omitempty"`
	PasswordProfile                 *plainPasswordProfile               `json:"passwordProfile,omitempty"`
	PastProjects                    []string                            `json:"pastProjects,omitempty"`
	PostalCode                      *string                             `json:"postalCode,omitempty"`
	PreferredLanguage               *string                             `json:"preferredLanguage,omitempty"`
	PreferredName                   *string                             `json:"preferredName,omitempty"`
	ProvisionedPlans                []plainProvisionedPlan              `json:"provisionedPlans,omitempty"`
	ProxyAddresses                  []string                            `json:"proxyAddresses,omitempty"`
	Responsibilities                []string                            `json:"responsibilities,omitempty"`
	Schools                         []string                            `json:"schools,omitempty"`
	ShowInAddressList               *bool                               `json:"showInAddressList,omitempty"`
	SignInSessionsValidFromDateTime *string                             `json:"signInSessionsValidFromDateTime,omitempty"`
	Skills                          []string                            `json:"skills,omitempty"`
	State                           *string                             `json:"state,omitempty"`
	StreetAddress                   *string                             `json:"streetAddress,omitempty"`
	Surname                         *string                             `json:"surname,omitempty"`
	UsageLocation                   *string                             `json:"usageLocation,omitempty"`
	UserPrincipalName               *string                             `json:"userPrincipalName,omitempty"`
	UserType                        *string                             `json:"userType,omitempty"`
	DeletedDateTime                 *string                             `json:"deletedDateTime,omitempty"`
	ExternalUserState               *string                             `json:"externalUserState,omitempty"`
	ExternalUserStateChangeDateTime *string                             `json:"externalUserStateChangeDateTime,omitempty"`
	RefreshTokensValidFromDateTime  *string                             `json:"refreshTokensValidFromDateTime,omitempty"`
	CreatedObjects                  []plainDirectoryObject              `json:"createdObjects,omitempty"`
	DirectReports                   []plainDirectoryObject              `json:"directReports,omitempty"`
	Manager                         *plainDirectoryObject               `json:"manager,omitempty"`
	MemberOf                        []plainDirectoryObject              `json:"memberOf,omitempty"`
	OwnedDevices                    []plainDirectoryObject              `json:"ownedDevices,omitempty"`
	OwnedObjects                    []plainDirectoryObject              `json:"ownedObjects,omitempty"`
	RegisteredDevices               []plainDirectoryObject              `json:"registeredDevices,omitempty"`
}

type plainIdentity struct {
	DisplayName *string `json:"displayName,omitempty"`
	ID          *string `json:"id,omitempty"`
}

type plainAssignedLicense struct {
	DisabledPlans []string `json:"disabledPlans,omitempty"`
	SkuID         *string  `json:"skuId,omitempty"`
}

type plainAssignedPlan struct {
	AssignedDateTime *string `json:"assignedDateTime,omitempty"`
	Service          *string `json:"service,omitempty"`
	ServicePlanID    *string `json:"servicePlanId,omitempty"`
}

type plainEmployeeOrgData struct {
	CostCenter *string `json:"costCenter,omitempty"`
	Division   *string `json:"division,omitempty"`
}

type plainObjectIdentity struct {
	SignInType       *string `json:"signInType,omitempty"`
	Issuer           *string `json:"issuer,omitempty"`
	IssuerAssignedID *string `json:"issuerAssignedId,omitempty"`
}

type plainMailboxSettings struct {
	ArchiveFolder *string          `json:"archiveFolder,omitempty"`
	DateFormat    *string          `json:"dateFormat,omitempty"`
	Language      *plainLocaleInfo `json:"language,omitempty"`
	TimeFormat    *string          `json:"timeFormat,omitempty"`
	TimeZone      *string          `json:"timeZone,omitempty"`
}

type plainOnPremisesExtensionAttributes struct {
	ExtensionAttribute1  *string `json:"extensionAttribute1,omitempty"`
	ExtensionAttribute2  *string `json:"extensionAttribute2,omitempty"`
	ExtensionAttribute3  *string `json:"extensionAttribute3,omitempty"`
	ExtensionAttribute4  *string `json:"extensionAttribute4,omitempty"`
	ExtensionAttribute5  *string `json:"extensionAttribute5,omitempty"`
	ExtensionAttribute6  *string `json:"extensionAttribute6,omitempty"`
	ExtensionAttribute7  *string `json:"extensionAttribute7,omitempty"`
	ExtensionAttribute8  *string `json:"extensionAttribute8,omitempty"`
	ExtensionAttribute9  *string `json:"extensionAttribute9,omitempty"`
	ExtensionAttribute10 *string `json:"extensionAttribute10,omitempty"`
	ExtensionAttribute11 *string `json:"extensionAttribute11,omitempty"`
	ExtensionAttribute12 *string `json:"extensionAttribute12,omitempty"`
	ExtensionAttribute13 *string `json:"extensionAttribute13,omitempty"`
	ExtensionAttribute14 *string `json:"extensionAttribute14,omitempty"`
	ExtensionAttribute15 *string `json:"extensionAttribute15,omitempty"`
}

type plainOnPremisesProvisioningError struct {
	Category             *string `json:"category,omitempty"`
	OccurredDateTime     *string `json:"occurredDateTime,omitempty"`
	PropertyCausingError *string `json:"propertyCausingError,omitempty"`
	Value                *string `json:"value,omitempty"`
}

type plainPasswordProfile struct {
	ForceChangePasswordNextSignIn        *bool   `json:"forceChangePasswordNextSignIn,omitempty"`
	ForceChangePasswordNextSignInWithMfa *bool   `json:"forceChangePasswordNextSignInWithMfa,omitempty"`
	Password                             *string `json:"password,omitempty"`
}

type plainProvisionedPlan struct {
	CapabilityStatus   *string `json:"capabilityStatus,omitempty"`
	ProvisioningStatus *string `json:"provisioningStatus,omitempty"`
	Service            *string `json:"service,omitempty"`
}

type plainLocaleInfo struct {
	Locale      *string `json:"locale,omitempty"`
	DisplayName *string `json:"displayName,omitempty"`
}

type plainDirectoryObject struct {
	ODataType         *string  `json:"@odata.type,omitempty"`
	ID                *string  `json:"id,omitempty"`
	DisplayName       *string  `json:"displayName,omitempty"`
	Mail              *string  `json:"mail,omitempty"`
	JobTitle          *string  `json:"jobTitle,omitempty"`
	UserPrincipalName *string  `json:"userPrincipalName,omitempty"`
	SecurityEnabled   *bool    `json:"securityEnabled,omitempty"`
	MailEnabled       *bool    `json:"mailEnabled,omitempty"`
	GroupTypes        []string `json:"groupTypes,omitempty"`
	Description       *string  `json:"description,omitempty"`
	RoleTemplateID    *string  `json:"roleTemplateId,omitempty"`
}

type plainUserPage struct {
	Context  *string     `json:"@odata.context,omitempty"`
	NextLink *string     `json:"@odata.nextLink,omitempty"`
	Value    []plainUser `json:"value,omitempty"`
}

// The documents. Values are invented; keys, nesting and sizes follow what
// GET /users/{id}?$select=...&$expand=manager,memberOf returns.
var benchIdentitySet = []byte(`{"application":{"displayName":"Fabrikam Sync Agent","id":"4c7f3b1e-09a2-4d6e-8f35-2b9d0c1a7e64"},` +
	`"device":{"displayName":"BUILD-07","id":"f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f"},` +
	`"user":{"displayName":"Mirela Okafor","id":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}}`)

func benchUserJSON(i int) string {
	return fmt.Sprintf(`{"@odata.etag":"W/\"%[1]d\"","id":"6e5d4c3b-2a19-4807-b6a5-%012[1]d","accountEnabled":true,"ageGroup":"adult",`+
		`"assignedLicenses":[{"disabledPlans":[],"skuId":"c7df2760-2c81-4ef7-b578-5b5392b571df"},{"disabledPlans":["0feaeb32-d00e-4d66-bd5a-43b5b83db82c","a23b959c-7ce8-4e57-9140-b90eb88a9e97"],"skuId":"f30db892-07e9-47e9-837c-80727f46fd3d"},{"disabledPlans":[],"skuId":"6fd2c87f-b296-42f0-b197-1e91e994b900"}],`+
		`"assignedPlans":[{"assignedDateTime":"2023-03-14T09:21:07Z","service":"exchange","servicePlanId":"efb87545-963c-4e0d-99df-69c6916d9eb0"},{"assignedDateTime":"2023-03-14T09:21:07Z","service":"SharePoint","servicePlanId":"5dbe027f-2339-4123-9542-606e4d348a72"},{"assignedDateTime":"2023-03-14T09:21:07Z","service":"MicrosoftCommunicationsOnline","servicePlanId":"0feaeb32-d00e-4d66-bd5a-43b5b83db82c"},{"assignedDateTime":"2022-11-02T17:45:51Z","service":"TeamspaceAPI","servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929"},{"assignedDateTime":"2022-11-02T17:45:51Z","service":"ProcessSimple","servicePlanId":"76846ad7-7776-4c40-a281-a386362dd1b9"}],`+
		`"businessPhones":["+1 425 555 %04[1]d"],"city":"Bellevue","companyName":"Fabrikam","country":"United States","createdDateTime":"2021-06-30T16:04:12Z","creationType":null,`+
		`"department":"Platform Engineering","displayName":"Mirela Okafor %[1]d","employeeHireDate":"2021-07-01T00:00:00Z","employeeId":"%06[1]d","employeeOrgData":{"costCenter":"CC-4410","division":"Cloud"},"employeeType":"Employee","faxNumber":null,`+
		`"givenName":"Mirela","identities":[{"signInType":"userPrincipalName","issuer":"fabrikam.example","issuerAssignedId":"mirela%[1]d@fabrikam.example"}],"imAddresses":["mirela%[1]d@fabrikam.example"],"isResourceAccount":null,"jobTitle":"Staff Engineer",`+
		`"lastPasswordChangeDateTime":"2024-01-09T08:13:44.1234567Z","legalAgeGroupClassification":"adult","mail":"mirela%[1]d@fabrikam.example","mailNickname":"mirela%[1]d","mobilePhone":"+1 425 555 0199","officeLocation":"18/2111",`+
		`"onPremisesDistinguishedName":"CN=Mirela Okafor,OU=Engineering,DC=fabrikam,DC=example","onPremisesDomainName":"fabrikam.example",`+
		`"onPremisesExtensionAttributes":{"extensionAttribute1":"E1","extensionAttribute2":null,"extensionAttribute3":null,"extensionAttribute4":"badge-7781","extensionAttribute5":null,"extensionAttribute6":null,"extensionAttribute7":null,"extensionAttribute8":null,"extensionAttribute9":null,"extensionAttribute10":null,"extensionAttribute11":null,"extensionAttribute12":null,"extensionAttribute13":null,"extensionAttribute14":null,"extensionAttribute15":"cost:4410"},`+
		`"onPremisesImmutableId":"bW9yZWJ5dGVzaGVyZQ==","onPremisesLastSyncDateTime":"2024-05-20T03:30:12Z","onPremisesProvisioningErrors":[],"onPremisesSamAccountName":"mokafor","onPremisesSecurityIdentifier":"S-1-5-21-1004336348-1177238915-682003330-%[1]d",`+
		`"onPremisesSyncEnabled":true,"onPremisesUserPrincipalName":"mirela%[1]d@fabrikam.example","otherMails":[],"passwordPolicies":"DisablePasswordExpiration","postalCode":"98004","preferredLanguage":"en-US",`+
		`"provisionedPlans":[{"capabilityStatus":"Enabled","provisioningStatus":"Success","service":"exchange"},{"capabilityStatus":"Enabled","provisioningStatus":"Success","service":"SharePoint"},{"capabilityStatus":"Enabled","provisioningStatus":"Success","service":"MicrosoftCommunicationsOnline"}],`+
		`"proxyAddresses":["SMTP:mirela%[1]d@fabrikam.example","smtp:mokafor%[1]d@fabrikam.example"],"showInAddressList":null,"signInSessionsValidFromDateTime":"2024-01-09T08:13:44Z","state":"WA","streetAddress":"10 Example Way","surname":"Okafor",`+
		`"usageLocation":"US","userPrincipalName":"mirela%[1]d@fabrikam.example","userType":"Member","externalUserState":null,"externalUserStateChangeDateTime":null,"refreshTokensValidFromDateTime":"2024-01-09T08:13:44Z",`+
		`"manager":{"@odata.type":"#microsoft.graph.user","id":"0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e","displayName":"Tomasz Lindqvist","jobTitle":"Director","mail":"tomasz@fabrikam.example","userPrincipalName":"tomasz@fabrikam.example"},`+
		`"memberOf":[{"@odata.type":"#microsoft.graph.group","id":"2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901","displayName":"Platform","description":"Platform engineering","groupTypes":["Unified"],"mailEnabled":true,"securityEnabled":false},`+
		`{"@odata.type":"#microsoft.graph.directoryRole","id":"7a6b5c4d-3e2f-4011-a2b3-c4d5e6f70819","displayName":"Reports Reader","description":"Reads usage reports","roleTemplateId":"4a5d8f65-41da-4de4-8968-e035b65339cf"},`+
		`{"@odata.type":"#microsoft.graph.group","id":"3c4d5e6f-7081-4293-a4b5-c6d7e8f9011a","displayName":"All Bellevue","groupTypes":[],"mailEnabled":false,"securityEnabled":true}]}`, i)
}

var (
	benchUser = []byte(benchUserJSON(1))
	benchPage = func() []byte {
		var b strings.Builder
		b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(*,manager(),memberOf())",`)
		b.WriteString(`"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$expand=manager,memberOf&$skiptoken=RFNwdAIAAQAAABY6","value":[`)
		for i := range 100 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(benchUserJSON(i))
		}
		b.WriteString("]}")
		return []byte(b.String())
	}()
)

// TestBenchDocuments: both models read the documents fully (so the
// benchmarks compare like with like), and the generated one gives them back
// byte for byte.
func TestBenchDocuments(t *testing.T) {
	var p plainUserPage
	if err := json.Unmarshal(benchPage, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Value) != 100 || *p.Value[99].Manager.DisplayName != "Tomasz Lindqvist" || len(p.Value[0].MemberOf) != 3 ||
		*p.Value[5].OnPremisesExtensionAttributes.ExtensionAttribute15 != "cost:4410" {
		t.Fatalf("plain page = %+v", p.Value[0])
	}
	for _, doc := range [][]byte{benchIdentitySet, benchUser, benchPage} {
		var x graphrt.Page[User]
		var out []byte
		var err error
		switch {
		case bytes.Equal(doc, benchIdentitySet):
			var s IdentitySet
			err = s.UnmarshalJSON(doc)
			if err == nil {
				out, err = s.MarshalJSON()
			}
		case bytes.Equal(doc, benchUser):
			var u User
			err = u.UnmarshalJSON(doc)
			if err == nil && len(u.AdditionalData) != 1 {
				t.Errorf("user has unknown members %v", u.AdditionalData)
			}
			if err == nil {
				out, err = u.MarshalJSON()
			}
		default:
			err = x.UnmarshalJSON(doc)
			if err == nil {
				out, err = x.MarshalJSON()
			}
			if err == nil && len(x.Value.Value) != 100 {
				t.Errorf("page has %d users", len(x.Value.Value))
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, doc) && !sameMembers(t, out, doc) {
			t.Errorf("round trip changed the document:\n in %.300s\nout %.300s", doc, out)
		}
	}
}

// sameMembers reports whether two documents hold the same members: the
// generated codec writes documented properties in documentation order and
// annotations that came with an object after them.
func sameMembers(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(x) == fmt.Sprint(y)
}

func benchDecode[T any](b *testing.B, doc []byte, decode func([]byte, *T) error) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var x T
		if err := decode(doc, &x); err != nil {
			b.Fatal(err)
		}
	}
}

func benchEncode(b *testing.B, size int, encode func() ([]byte, error)) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encode(); err != nil {
			b.Fatal(err)
		}
	}
}

func jsonUnmarshal[T any](doc []byte, x *T) error { return json.Unmarshal(doc, x) }

// BenchmarkDecode: "generated" is the codec itself (UnmarshalJSON),
// "generated-via-json" is json.Unmarshal into a generated type (which first
// validates the whole input with encoding/json's scanner), "encoding-json"
// the plain model.
func BenchmarkDecode(b *testing.B) {
	b.Run("identitySet/generated", func(b *testing.B) {
		benchDecode(b, benchIdentitySet, func(doc []byte, x *IdentitySet) error { return x.UnmarshalJSON(doc) })
	})
	b.Run("identitySet/generated-via-json", func(b *testing.B) { benchDecode(b, benchIdentitySet, jsonUnmarshal[IdentitySet]) })
	b.Run("identitySet/encoding-json", func(b *testing.B) { benchDecode(b, benchIdentitySet, jsonUnmarshal[plainIdentitySet]) })
	b.Run("user/generated", func(b *testing.B) {
		benchDecode(b, benchUser, func(doc []byte, x *User) error { return x.UnmarshalJSON(doc) })
	})
	b.Run("user/generated-via-json", func(b *testing.B) { benchDecode(b, benchUser, jsonUnmarshal[User]) })
	b.Run("user/encoding-json", func(b *testing.B) { benchDecode(b, benchUser, jsonUnmarshal[plainUser]) })
	b.Run("page100/generated", func(b *testing.B) {
		benchDecode(b, benchPage, func(doc []byte, x *graphrt.Page[User]) error { return x.UnmarshalJSON(doc) })
	})
	b.Run("page100/generated-via-json", func(b *testing.B) { benchDecode(b, benchPage, jsonUnmarshal[graphrt.Page[User]]) })
	b.Run("page100/encoding-json", func(b *testing.B) { benchDecode(b, benchPage, jsonUnmarshal[plainUserPage]) })
}

// BenchmarkEncode: "generated" is MarshalJSON, "generated-via-json" is
// json.Marshal of a generated value (which validates and copies what
// MarshalJSON returns), "encoding-json" the plain model. Each encodes the
// value decoded from the same document.
func BenchmarkEncode(b *testing.B) {
	var (
		set   IdentitySet
		user  User
		page  graphrt.Page[User]
		pset  plainIdentitySet
		puser plainUser
		ppage plainUserPage
	)
	for _, err := range []error{
		set.UnmarshalJSON(benchIdentitySet), user.UnmarshalJSON(benchUser), page.UnmarshalJSON(benchPage),
		json.Unmarshal(benchIdentitySet, &pset), json.Unmarshal(benchUser, &puser), json.Unmarshal(benchPage, &ppage),
	} {
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("identitySet/generated", func(b *testing.B) { benchEncode(b, len(benchIdentitySet), set.MarshalJSON) })
	b.Run("identitySet/generated-via-json", func(b *testing.B) {
		benchEncode(b, len(benchIdentitySet), func() ([]byte, error) { return json.Marshal(set) })
	})
	b.Run("identitySet/encoding-json", func(b *testing.B) {
		benchEncode(b, len(benchIdentitySet), func() ([]byte, error) { return json.Marshal(pset) })
	})
	b.Run("user/generated", func(b *testing.B) { benchEncode(b, len(benchUser), user.MarshalJSON) })
	b.Run("user/generated-via-json", func(b *testing.B) {
		benchEncode(b, len(benchUser), func() ([]byte, error) { return json.Marshal(user) })
	})
	b.Run("user/encoding-json", func(b *testing.B) {
		benchEncode(b, len(benchUser), func() ([]byte, error) { return json.Marshal(puser) })
	})
	b.Run("page100/generated", func(b *testing.B) { benchEncode(b, len(benchPage), page.MarshalJSON) })
	b.Run("page100/generated-via-json", func(b *testing.B) {
		benchEncode(b, len(benchPage), func() ([]byte, error) { return json.Marshal(page) })
	})
	b.Run("page100/encoding-json", func(b *testing.B) {
		benchEncode(b, len(benchPage), func() ([]byte, error) { return json.Marshal(ppage) })
	})
}
