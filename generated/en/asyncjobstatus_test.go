package en

// Hand-written tests beside the generated code. This file has no docgen
// header, so docgen never treats it as its own (never rewrites, removes or
// reports it).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

func decode(t *testing.T, in string) AsyncJobStatus {
	t.Helper()
	var x AsyncJobStatus
	if err := json.Unmarshal([]byte(in), &x); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", in, err)
	}
	return x
}

func encode(t *testing.T, x AsyncJobStatus) string {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return string(b)
}

func TestPlainEncodingJSON(t *testing.T) {
	x := AsyncJobStatus{
		PercentageComplete: graphrt.Some(42.5),
		Status:             graphrt.Some(AsyncJobStatusStatusInProgress),
	}
	got := encode(t, x)
	const want = `{"percentageComplete":42.5,"status":"inProgress"}`
	if got != want {
		t.Errorf("json.Marshal = %s, want %s", got, want)
	}
	back := decode(t, got)
	if v, ok := graphrt.Get(back.PercentageComplete); !ok || v != 42.5 {
		t.Errorf("PercentageComplete = %+v", back.PercentageComplete)
	}
	if v, ok := graphrt.Get(back.Status); !ok || v != AsyncJobStatusStatusInProgress {
		t.Errorf("Status = %+v", back.Status)
	}
	if len(back.AdditionalData) != 0 {
		t.Errorf("AdditionalData = %v, want none", back.AdditionalData)
	}

	// Inside other values, through encoding/json's reflection.
	type envelope struct {
		Jobs []AsyncJobStatus `json:"jobs"`
		One  *AsyncJobStatus  `json:"one"`
	}
	in := `{"jobs":[{"status":"failed"},{}],"one":{"percentageComplete":0}}`
	var env envelope
	if err := json.Unmarshal([]byte(in), &env); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Errorf("nested round trip = %s, want %s", out, in)
	}
}

// TestAbsentNullValue: absent, null and a value decode differently and
// re-encode as they came.
func TestAbsentNullValue(t *testing.T) {
	for _, tc := range []struct {
		in                  string
		set, null, hasValue bool
	}{
		{`{}`, false, false, false},
		{`{"status":null}`, true, true, false},
		{`{"status":"completed"}`, true, false, true},
	} {
		x := decode(t, tc.in)
		s := x.Status
		_, hasValue := graphrt.Get(s)
		if s.Set != tc.set || graphrt.IsNull(s) != tc.null || hasValue != tc.hasValue || graphrt.IsAbsent(s) == tc.set {
			t.Errorf("%s: Status = %+v (absent %v, null %v, value %v)", tc.in, s, graphrt.IsAbsent(s), graphrt.IsNull(s), hasValue)
		}
		if x.PercentageComplete.Set {
			t.Errorf("%s: PercentageComplete set: %+v", tc.in, x.PercentageComplete)
		}
		if got := encode(t, x); got != tc.in {
			t.Errorf("re-encoded %s as %s", tc.in, got)
		}
	}
	// Built in code, too.
	for _, tc := range []struct {
		x    AsyncJobStatus
		want string
	}{
		{AsyncJobStatus{}, `{}`},
		{AsyncJobStatus{Status: graphrt.Null[AsyncJobStatusStatus]()}, `{"status":null}`},
		{AsyncJobStatus{PercentageComplete: graphrt.Null[float64]()}, `{"percentageComplete":null}`},
		{AsyncJobStatus{PercentageComplete: graphrt.Some(0.0)}, `{"percentageComplete":0}`},
		{AsyncJobStatus{Status: graphrt.Some(AsyncJobStatusStatus(""))}, `{"status":""}`},
	} {
		if got := encode(t, tc.x); got != tc.want {
			t.Errorf("json.Marshal(%+v) = %s, want %s", tc.x, got, tc.want)
		}
	}
}

// TestUnknownProperties: properties the docs do not list are kept verbatim,
// in arrival order, and re-encoded the same way every time.
func TestUnknownProperties(t *testing.T) {
	const in = `{"@odata.etag":"W/\"3\"","status":"waiting","zeta":{"nested":[1,2,{"deep":null}],"s":"\u00e9"},"alpha":true,"percentageComplete":10,"@odata.type":"#microsoft.graph.asyncJobStatus"}`
	x := decode(t, in)
	var names []string
	for _, m := range x.AdditionalData {
		names = append(names, m.Name)
	}
	if want := []string{"@odata.etag", "zeta", "alpha", "@odata.type"}; !slices.Equal(names, want) {
		t.Errorf("AdditionalData names = %q, want %q", names, want)
	}
	if v, ok := x.AdditionalData.Get("zeta"); !ok || string(v) != `{"nested":[1,2,{"deep":null}],"s":"\u00e9"}` {
		t.Errorf("zeta = %s, want the nested object verbatim", v)
	}
	if v, ok := x.AdditionalData.Get("@odata.etag"); !ok || string(v) != `"W/\"3\""` {
		t.Errorf("@odata.etag = %s", v)
	}
	// Instance annotations first, then documented fields, then the rest,
	// each in arrival order.
	const want = `{"@odata.etag":"W/\"3\"","@odata.type":"#microsoft.graph.asyncJobStatus","percentageComplete":10,"status":"waiting","zeta":{"nested":[1,2,{"deep":null}],"s":"\u00e9"},"alpha":true}`
	first := encode(t, x)
	if first != want {
		t.Errorf("re-encoded:\n got %s\nwant %s", first, want)
	}
	for range 50 {
		if again := encode(t, decode(t, in)); again != first {
			t.Fatalf("encoding is not stable:\n%s\n%s", first, again)
		}
		if again := encode(t, decode(t, first)); again != first {
			t.Fatalf("re-decoding changes the encoding:\n%s\n%s", first, again)
		}
	}

	// Unknown values are kept without the whitespace between tokens (inside
	// strings it stays), the form json.Marshal would give them back in, so
	// MarshalJSON and json.Marshal agree.
	const spaced = `{ "x" : { "a" : [ 1 , 2 ] , "s" : " \" , " } , "status" : "failed" }`
	var y AsyncJobStatus
	if err := y.UnmarshalJSON([]byte(spaced)); err != nil {
		t.Fatal(err)
	}
	b, err := y.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"status":"failed","x":{"a":[1,2],"s":" \" , "}}` {
		t.Errorf("MarshalJSON = %s", b)
	}
}

func TestUnknownEnumValue(t *testing.T) {
	x := decode(t, `{"status":"archived"}`)
	v, ok := graphrt.Get(x.Status)
	if !ok || v != "archived" {
		t.Fatalf("Status = %+v, want archived", x.Status)
	}
	if v.IsKnown() {
		t.Error(`"archived".IsKnown() = true`)
	}
	if got := fmt.Sprint(v); got != "archived" {
		t.Errorf("fmt.Sprint = %q", got)
	}
	if got := encode(t, x); got != `{"status":"archived"}` {
		t.Errorf("re-encoded as %s", got)
	}
	for _, known := range AsyncJobStatusStatusValues() {
		if !known.IsKnown() {
			t.Errorf("%q.IsKnown() = false", known)
		}
	}
	// Case matters on the wire: "Completed" is not "completed".
	if AsyncJobStatusStatus("Completed").IsKnown() {
		t.Error(`"Completed".IsKnown() = true`)
	}
}

// TestCaseSensitiveKeys: encoding/json would fold "STATUS" into Status;
// the generated codec keeps it apart, in AdditionalData.
func TestCaseSensitiveKeys(t *testing.T) {
	x := decode(t, `{"STATUS":"failed","Status":"completed","percentagecomplete":5}`)
	if x.Status.Set || x.PercentageComplete.Set {
		t.Errorf("documented fields set from differently cased keys: %+v", x)
	}
	var names []string
	for _, m := range x.AdditionalData {
		names = append(names, m.Name)
	}
	if want := []string{"STATUS", "Status", "percentagecomplete"}; !slices.Equal(names, want) {
		t.Errorf("AdditionalData names = %q, want %q", names, want)
	}
	if got := encode(t, x); got != `{"STATUS":"failed","Status":"completed","percentagecomplete":5}` {
		t.Errorf("re-encoded as %s", got)
	}
}

// TestWrongTypes: a value its property's type cannot hold is kept in
// AdditionalData, the property absent, and encodes again unchanged; a
// document that is not a well-formed object is an error.
func TestWrongTypes(t *testing.T) {
	for _, in := range []string{
		`{"status":5}`,
		`{"status":true}`,
		`{"status":["completed"]}`,
		`{"status":{}}`,
		`{"percentageComplete":"many"}`,
		`{"percentageComplete":true}`,
		`{"percentageComplete":[1]}`,
		`{"percentageComplete":1e999}`,
	} {
		var x AsyncJobStatus
		if err := json.Unmarshal([]byte(in), &x); err != nil {
			t.Errorf("json.Unmarshal(%s): %v", in, err)
		}
		if x.Status.Set || x.PercentageComplete.Set || len(x.AdditionalData) != 1 {
			t.Errorf("%s decoded as %+v", in, x)
		}
		if got := encode(t, x); got != in {
			t.Errorf("%s re-encoded as %s", in, got)
		}
	}
	for _, in := range []string{
		`[]`,
		`"status"`,
		`{"status":"completed"`,
		`{"status":"completed"} {}`,
		`{"status":"completed",}`,
	} {
		var x AsyncJobStatus
		if err := json.Unmarshal([]byte(in), &x); err == nil {
			t.Errorf("json.Unmarshal(%s) succeeded: %+v", in, x)
		}
		if err := x.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("UnmarshalJSON(%s) succeeded: %+v", in, x)
		}
	}
}

func TestDuplicateKeys(t *testing.T) {
	// The last value wins, as with encoding/json, for documented and
	// unknown properties alike; an unknown one keeps its first position.
	x := decode(t, `{"status":"failed","u":1,"v":2,"status":"completed","u":3}`)
	if v, _ := graphrt.Get(x.Status); v != AsyncJobStatusStatusCompleted {
		t.Errorf("Status = %q, want completed", v)
	}
	if got := encode(t, x); got != `{"status":"completed","u":3,"v":2}` {
		t.Errorf("re-encoded as %s", got)
	}
}

func TestDecodeReplaces(t *testing.T) {
	// Decoding into a used value replaces it: nothing from before survives.
	x := decode(t, `{"percentageComplete":50,"status":"failed","old":1}`)
	if err := json.Unmarshal([]byte(`{"status":null}`), &x); err != nil {
		t.Fatal(err)
	}
	if got := encode(t, x); got != `{"status":null}` {
		t.Errorf("after a second decode: %s", got)
	}
}

func TestValuesAndString(t *testing.T) {
	want := []AsyncJobStatusStatus{"notStarted", "inProgress", "completed", "updating", "failed", "deletePending", "deleteFailed", "waiting"}
	got := AsyncJobStatusStatusValues()
	if !slices.Equal(got, want) {
		t.Errorf("AsyncJobStatusStatusValues() = %q, want %q", got, want)
	}
	consts := []AsyncJobStatusStatus{
		AsyncJobStatusStatusNotStarted, AsyncJobStatusStatusInProgress, AsyncJobStatusStatusCompleted,
		AsyncJobStatusStatusUpdating, AsyncJobStatusStatusFailed, AsyncJobStatusStatusDeletePending,
		AsyncJobStatusStatusDeleteFailed, AsyncJobStatusStatusWaiting,
	}
	if !slices.Equal(consts, want) {
		t.Errorf("constants = %q, want %q", consts, want)
	}
	for _, v := range got {
		if !v.IsKnown() {
			t.Errorf("%q.IsKnown() = false", v)
		}
	}
	// A fresh slice each time: callers may modify it.
	got[0] = "changed"
	if AsyncJobStatusStatusValues()[0] != AsyncJobStatusStatusNotStarted {
		t.Error("AsyncJobStatusStatusValues returns shared storage")
	}
}

func TestNumbers(t *testing.T) {
	for in, want := range map[string]string{
		`{"percentageComplete":100.0}`: `{"percentageComplete":100}`,
		`{"percentageComplete":1e2}`:   `{"percentageComplete":100}`,
		`{"percentageComplete":-0}`:    `{"percentageComplete":-0}`,
		`{"percentageComplete":0.1}`:   `{"percentageComplete":0.1}`,
		`{"percentageComplete":"NaN"}`: `{"percentageComplete":"NaN"}`,
		`{"percentageComplete":"INF"}`: `{"percentageComplete":"INF"}`,
		`{"percentageComplete":"12"}`:  `{"percentageComplete":"12"}`,
	} {
		if got := encode(t, decode(t, in)); got != want {
			t.Errorf("%s re-encoded as %s, want %s", in, got, want)
		}
	}
}

// equal compares decoded values; NaN equals NaN here, since the codec
// carries it through as the OData string "NaN".
func equal(a, b AsyncJobStatus) bool {
	pa, pb := a.PercentageComplete, b.PercentageComplete
	if pa.Set != pb.Set || pa.Null != pb.Null {
		return false
	}
	if pa.Value != pb.Value && !(math.IsNaN(pa.Value) && math.IsNaN(pb.Value)) {
		return false
	}
	if math.Signbit(pa.Value) != math.Signbit(pb.Value) {
		return false
	}
	if a.Status.Value != b.Status.Value || a.Status.Set != b.Status.Set || a.Status.Null != b.Status.Null || len(a.AdditionalData) != len(b.AdditionalData) {
		return false
	}
	ea, eb := inWireOrder(a.AdditionalData), inWireOrder(b.AdditionalData)
	for i := range ea {
		ma, mb := ea[i], eb[i]
		if ma.Name != mb.Name || !bytes.Equal(ma.Value, mb.Value) {
			return false
		}
	}
	return true
}

// inWireOrder is extra in the order MarshalJSON writes it: instance
// annotations ("@" and a namespace-qualified term) first, as OData
// requires, then the other members, each in arrival order. A decoded
// value whose unknown members came in another order re-encodes in this one.
func inWireOrder(extra graphrt.Extra) graphrt.Extra {
	var annotations, rest graphrt.Extra
	for _, m := range extra {
		if len(m.Name) > 1 && m.Name[0] == '@' && strings.Contains(m.Name[2:], ".") {
			annotations = append(annotations, m)
		} else {
			rest = append(rest, m)
		}
	}
	return append(annotations, rest...)
}

// FuzzAsyncJobStatusRoundTrip: whatever decodes, encodes; the encoding
// decodes to an equal value, which encodes to the very same bytes.
func FuzzAsyncJobStatusRoundTrip(f *testing.F) {
	for _, s := range []string{
		`{}`,
		`null`,
		`{"status":null}`,
		`{"percentageComplete":100.0,"status":"completed"}`,
		`{"status":"archived","@odata.etag":"W/\"1\"","x":{"y":[1,{"z":null}]}}`,
		`{"STATUS":"x","status":"y","status":"z"}`,
		`{"percentageComplete":"NaN"}`,
		`{"percentageComplete":-0.0,"k":"\ud83d\ude00\u2028"}`,
		` { "a" : [ ] , "b" : { } } `,
		`{"\u0073tatus":"inProgress"}`,
		`{"":"","@":{},"x":1,"@odata.etag":"W/\"2\""}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var x AsyncJobStatus
		if err := x.UnmarshalJSON(in); err != nil {
			return
		}
		if !json.Valid(in) {
			t.Fatalf("UnmarshalJSON accepted invalid JSON %q", in)
		}
		enc1, err := x.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON after decoding %q: %v", in, err)
		}
		var y AsyncJobStatus
		if err := y.UnmarshalJSON(enc1); err != nil {
			t.Fatalf("decoding our own encoding %q (from %q): %v", enc1, in, err)
		}
		if !equal(x, y) {
			t.Fatalf("round trip changed the value:\n in  %q\n x   %+v\n y   %+v", in, x, y)
		}
		enc2, err := y.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(enc1, enc2) {
			t.Fatalf("second encoding differs:\n%q\n%q", enc1, enc2)
		}
		// encoding/json agrees that the output is one valid object.
		if !json.Valid(enc1) || !strings.HasPrefix(string(enc1), "{") {
			t.Fatalf("encoding %q is not a JSON object", enc1)
		}
	})
}
