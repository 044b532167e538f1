package shapes

// Hand-written tests beside the generated code (no docgen header, so docgen
// never treats this file as its own).

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

// mixedMembers is a group's members as Graph lists them: users, a group, a
// device, an object whose type this package does not know, one without an
// annotation, and a null.
const mixedMembers = `{"displayName":"Pilots","members":[` +
	`{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Ada","accountEnabled":true,"businessPhones":["+1 555 0100"]},` +
	`{"@odata.type":"#microsoft.graph.group","id":"g1","displayName":"Crew","securityEnabled":true,"members":[{"@odata.type":"#microsoft.graph.user","id":"u3"}]},` +
	`{"id":"d1","@odata.type":"#microsoft.graph.device","operatingSystem":"Linux","deviceVersion":2},` +
	`{"@odata.type":"#microsoft.graph.servicePrincipal","id":"sp1","appId":"42"},` +
	`{"id":"x1"},` +
	`{"@odata.type":"microsoft.graph.user","id":"u2","@odata.etag":"W/\"7\""},` +
	`null]}`

func TestPolymorphicCollection(t *testing.T) {
	var g Group
	if err := json.Unmarshal([]byte(mixedMembers), &g); err != nil {
		t.Fatal(err)
	}
	members, ok := graphrt.Get(g.Members)
	if !ok || len(members) != 7 {
		t.Fatalf("members = %+v", g.Members)
	}
	var kinds []string
	for _, m := range members {
		kinds = append(kinds, fmt.Sprintf("%T", m))
	}
	if got, want := strings.Join(kinds, " "), "*shapes.User *shapes.Group *shapes.Device *shapes.DirectoryObject *shapes.DirectoryObject *shapes.User <nil>"; got != want {
		t.Errorf("dynamic types %s, want %s", got, want)
	}

	// Each value is its derived type with its own fields, and every value
	// reaches the base part through the interface.
	u := members[0].(*User)
	if graphrt.Or(u.DisplayName, "") != "Ada" || !graphrt.Or(u.AccountEnabled, false) || graphrt.Or(u.GetDirectoryObject().ID, "") != "u1" {
		t.Errorf("user = %+v", u)
	}
	inner := members[1].(*Group).Members.Value
	if len(inner) != 1 || graphrt.Or(inner[0].(*User).ID, "") != "u3" {
		t.Errorf("nested polymorphic collection = %#v", inner)
	}
	if d := members[2].(*Device); graphrt.Or(d.OperatingSystem, "") != "Linux" || graphrt.Or(d.DeviceVersion, 0) != 2 {
		t.Errorf("device = %+v", d)
	}
	// An unknown type falls back to the declared type and keeps everything.
	sp := members[3].(*DirectoryObject)
	if graphrt.Or(sp.ID, "") != "sp1" {
		t.Errorf("fallback lost the base field: %+v", sp)
	}
	if v, _ := sp.AdditionalData.Get("appId"); string(v) != `"42"` {
		t.Errorf("fallback lost appId: %v", sp.AdditionalData)
	}
	if v, _ := sp.AdditionalData.Get("@odata.type"); string(v) != `"#microsoft.graph.servicePrincipal"` {
		t.Errorf("fallback lost @odata.type: %v", sp.AdditionalData)
	}

	// Re-encoding gives back the document: the annotations that came are
	// kept in AdditionalData and written first, in arrival order, as OData
	// JSON requires; properties follow in documentation order.
	out, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		`{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Ada","accountEnabled":true,"businessPhones":["+1 555 0100"]}`,
		`{"@odata.type":"#microsoft.graph.user","id":"u1","accountEnabled":true,"businessPhones":["+1 555 0100"],"displayName":"Ada"}`,
		`{"id":"d1","@odata.type":"#microsoft.graph.device","operatingSystem":"Linux","deviceVersion":2}`,
		`{"@odata.type":"#microsoft.graph.device","id":"d1","deviceVersion":2,"operatingSystem":"Linux"}`,
		`{"@odata.type":"microsoft.graph.user","id":"u2","@odata.etag":"W/\"7\""}`,
		`{"@odata.type":"microsoft.graph.user","@odata.etag":"W/\"7\"","id":"u2"}`,
	).Replace(mixedMembers)
	if string(out) != want {
		t.Errorf("re-encoded\n got %s\nwant %s", out, want)
	}
	var again Group
	if err := json.Unmarshal(out, &again); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, again) {
		t.Error("decoding the re-encoded document gives a different value")
	}
}

// TestEncodeAddsODataType: a derived value built in code, in a slot
// declared with its base, is written with "@odata.type" first; a value of
// the declared type, or one that already carries the annotation, is not
// given a second one.
func TestEncodeAddsODataType(t *testing.T) {
	u := &User{DisplayName: graphrt.Some("Ada")}
	u.ID = graphrt.Some("u1")
	tagged := &Group{}
	tagged.AdditionalData.Set("@odata.type", json.RawMessage(`"#microsoft.graph.group"`))
	base := &DirectoryObject{}
	base.ID = graphrt.Some("o1")
	var nilUser *User
	x := User{
		Manager:       graphrt.Some[DirectoryObjectKind](u),
		DirectReports: graphrt.Some([]DirectoryObjectKind{u, tagged, base, nil, nilUser, &Device{}}),
	}
	out, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	const user = `{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Ada"}`
	want := `{"directReports":[` + user + `,{"@odata.type":"#microsoft.graph.group"},{"id":"o1"},null,null,{"@odata.type":"#microsoft.graph.device"}],"manager":` + user + `}`
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
	// The user on its own, in a slot of its own type, carries no annotation.
	out, err = json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"id":"u1","displayName":"Ada"}` {
		t.Errorf("plain user: %s", out)
	}
	// And the annotated output decodes to the same dynamic types.
	var back User
	if err := json.Unmarshal([]byte(want), &back); err != nil {
		t.Fatal(err)
	}
	if _, ok := back.Manager.Value.(*User); !ok {
		t.Errorf("manager decoded as %T", back.Manager.Value)
	}
	var kinds []string
	for _, v := range back.DirectReports.Value {
		kinds = append(kinds, fmt.Sprintf("%T", v))
	}
	if got := strings.Join(kinds, " "); got != "*shapes.User *shapes.Group *shapes.DirectoryObject <nil> <nil> *shapes.Device" {
		t.Errorf("direct reports decoded as %s", got)
	}
}

// TestODataTypeLookahead: the annotation is found wherever it stands, by
// exact key; anything that is not a string there means "not given".
func TestODataTypeLookahead(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"@odata.type":"#microsoft.graph.group"}`, "*shapes.Group"},
		{`{"id":"1","x":{"@odata.type":"#microsoft.graph.user"},"@odata.type":"#microsoft.graph.device"}`, "*shapes.Device"},
		{`{"x":[{"@odata.type":"#microsoft.graph.user"}]}`, "*shapes.DirectoryObject"},
		{`{"@ODATA.TYPE":"#microsoft.graph.user"}`, "*shapes.DirectoryObject"},
		{`{"\u0040odata.type":"#microsoft.graph.user"}`, "*shapes.User"},
		{`{"@odata.type":"#microsoft.graph.us\u0065r"}`, "*shapes.User"},
		{`{"@odata.type":"#Microsoft.Graph.User"}`, "*shapes.DirectoryObject"},
		{`{"@odata.type":null}`, "*shapes.DirectoryObject"},
		{`{"@odata.type":"#microsoft.graph.directoryObject"}`, "*shapes.DirectoryObject"},
		{`{"@odata.type":"#microsoft.graph.entity"}`, "*shapes.DirectoryObject"},
		{` { "@odata.type" : "microsoft.graph.directoryRole" } `, "*shapes.DirectoryRole"},
	} {
		var x User
		if err := json.Unmarshal([]byte(`{"manager":`+c.in+`}`), &x); err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := reflect.TypeOf(x.Manager.Value).String(); got != c.want {
			t.Errorf("%s decoded as %s, want %s", c.in, got, c.want)
		}
	}
	// Malformed objects are reported by the decoder, not hidden by the look-ahead.
	for _, in := range []string{`{"id":1,`, `{"@odata.type":"#microsoft.graph.user",}`, `[`} {
		var x User
		if err := json.Unmarshal([]byte(`{"manager":`+in+`}`), &x); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
	// A well-formed value that does not fit is kept by the type the
	// look-ahead chose.
	var x User
	if err := json.Unmarshal([]byte(`{"manager":{"@odata.type":"#microsoft.graph.user","id":7}}`), &x); err != nil {
		t.Fatal(err)
	}
	if m, ok := x.Manager.Value.(*User); !ok || m.ID.Set || len(m.AdditionalData) != 2 {
		t.Errorf("misfit id: %+v", x.Manager.Value)
	}
}

func TestRegistry(t *testing.T) {
	names := ODataTypeNames()
	if len(names) != 19 { // one per page of testdata/shapes that defines a type
		t.Errorf("%d names: %v", len(names), names)
	}
	for _, n := range names {
		for _, spelling := range []string{n, "#" + n} {
			v := NewByODataType(spelling)
			if v == nil {
				t.Fatalf("NewByODataType(%q) = nil", spelling)
			}
			short := n[strings.LastIndexByte(n, '.')+1:]
			if got := reflect.TypeOf(v).Elem().Name(); !strings.EqualFold(got, short) {
				t.Errorf("NewByODataType(%q) is a %s", spelling, got)
			}
		}
	}
	if v := NewByODataType("microsoft.graph.nothing"); v != nil {
		t.Errorf("unknown name gave %T", v)
	}
	v := NewByODataType("#microsoft.graph.user")
	if err := json.Unmarshal([]byte(`{"displayName":"Ada"}`), v); err != nil {
		t.Fatal(err)
	}
	if graphrt.Or(v.(*User).DisplayName, "") != "Ada" {
		t.Errorf("decoding into the registry's value: %+v", v)
	}
}

// TestPage: a collection response of any generated type, with the paging
// annotations, and one of a polymorphic base through DecodeDirectoryObjectKind.
func TestPage(t *testing.T) {
	const in = `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","@odata.count":2,` +
		`"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=X","value":[{"id":"1","displayName":"Ada"},{"@odata.etag":"e","id":"2"}],"extra":true}`
	var p graphrt.Page[User]
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if graphrt.Or(p.Count, 0) != 2 || !strings.HasSuffix(graphrt.Or(p.NextLink, ""), "skiptoken=X") || len(p.Value.Value) != 2 ||
		graphrt.Or(p.Value.Value[0].DisplayName, "") != "Ada" || p.DeltaLink.Set {
		t.Errorf("page = %+v", p)
	}
	out, err := json.Marshal(p)
	if err != nil || string(out) != in {
		t.Errorf("re-encoded page:\n got %s (%v)\nwant %s", out, err, in)
	}

	mixed, err := graphrt.UnmarshalPage([]byte(`{"value":[{"@odata.type":"#microsoft.graph.group","id":"g"},{"id":"o"}]}`), DecodeDirectoryObjectKind)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := mixed.Value.Value[0].(*Group); !ok {
		t.Errorf("first element is %T", mixed.Value.Value[0])
	}
	if got, err := graphrt.MarshalPage(mixed, EncodeDirectoryObjectKind); string(got) != `{"value":[{"@odata.type":"#microsoft.graph.group","id":"g"},{"id":"o"}]}` || err != nil {
		t.Errorf("polymorphic page re-encoded as %s (%v)", got, err)
	}
	// Without the function, a page of interfaces says what it needs.
	var bad graphrt.Page[DirectoryObjectKind]
	if err := json.Unmarshal([]byte(`{"value":[]}`), &bad); err == nil || !strings.Contains(err.Error(), "graphrt.UnmarshalPage(b, shapes.DecodeDirectoryObjectKind)") {
		t.Errorf("page of interfaces: %v", err)
	}
	if _, err := json.Marshal(bad); err == nil || !strings.Contains(err.Error(), "graphrt.MarshalPage(p, shapes.EncodeDirectoryObjectKind)") {
		t.Errorf("page of interfaces encoded: %v", err)
	}
	// Strings and raw values need no function.
	var ids graphrt.Page[string]
	if err := json.Unmarshal([]byte(`{"value":["a","b"]}`), &ids); err != nil || len(ids.Value.Value) != 2 {
		t.Errorf("page of strings: %+v %v", ids, err)
	}
	if out, err := json.Marshal(ids); err != nil || string(out) != `{"value":["a","b"]}` {
		t.Errorf("page of strings re-encoded as %s (%v)", out, err)
	}
}

// TestPolymorphicErrorPath: an error inside a value decoded through a Kind
// (here a user in a group's members) names the path through the list; a
// value that does not fit its property is kept in the AdditionalData of
// the value decoded through the Kind.
func TestPolymorphicErrorPath(t *testing.T) {
	in := `{"members":[{"@odata.type":"#microsoft.graph.device","id":"d"},{"@odata.type":"#microsoft.graph.user","accountEnabled":"ye\s"}]}`
	var g Group
	// encoding/json finds the syntax error first, in words of its own.
	if err := json.Unmarshal([]byte(in), &g); err == nil {
		t.Error("json.Unmarshal accepted a bad escape")
	}
	err := g.UnmarshalJSON([]byte(in))
	if want := `members[1].accountEnabled: invalid escape character 's' in string (offset 123)`; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	in = `{"members":[{"@odata.type":"#microsoft.graph.device","id":"d"},{"@odata.type":"#microsoft.graph.user","accountEnabled":"yes"}]}`
	if err := json.Unmarshal([]byte(in), &g); err != nil {
		t.Fatal(err)
	}
	u, ok := g.Members.Value[1].(*User)
	if v, kept := u.AdditionalData.Get("accountEnabled"); !ok || !kept || string(v) != `"yes"` || u.AccountEnabled.Set {
		t.Errorf("kept: %+v", g.Members.Value[1])
	}
	if out, err := json.Marshal(g); err != nil || string(out) != in {
		t.Errorf("re-encoded as %s (%v)", out, err)
	}
	in = `{"value":[{"@odata.type":"#microsoft.graph.group","members":[{"id":7}]}]}`
	p, err := graphrt.UnmarshalPage([]byte(in), DecodeDirectoryObjectKind)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := graphrt.MarshalPage(p, EncodeDirectoryObjectKind); err != nil || string(out) != in {
		t.Errorf("page re-encoded as %s (%v)", out, err)
	}
}
