package graphrt_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

// compact removes insignificant whitespace so outputs can be compared with
// inputs written readably.
func compact(t testing.TB, s string) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(s)); err != nil {
		t.Fatalf("compact %q: %v", s, err)
	}
	return buf.String()
}

func roundTrip[T any, P interface {
	*T
	graphrt.Object
}](t *testing.T, in string) (T, string) {
	t.Helper()
	var x T
	if err := P(&x).UnmarshalJSON([]byte(in)); err != nil {
		t.Fatalf("UnmarshalJSON(%s): %v", in, err)
	}
	var e graphrt.Encoder
	graphrt.Encode(&e, P(&x))
	out, err := e.Bytes(), e.Err()
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return x, string(out)
}

func TestRoundTripLosesNothing(t *testing.T) {
	// Instance annotations first, then known members in declaration
	// order, then unknown members, each in arrival order: for such input,
	// the order Graph sends, the output is byte-identical.
	in := compact(t, `{
		"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#jobs/$entity",
		"@odata.etag": "W/\"abc\"",
		"id": "job-1",
		"percentageComplete": 99.5,
		"status": "someFutureStatus",
		"tags": ["a", "b\"c", "\u00e9"],
		"attempts": -3,
		"bytes": "9007199254740993",
		"ratio": 0.25,
		"done": false,
		"priority": 7,
		"flags": 255,
		"owner": {"@odata.type": "#microsoft.graph.user", "displayName": "Ann", "size": 1},
		"history": [{"size": null}, {}, {"zeta": [1, {"deep": [true]}], "alpha": 2}],
		"nested": {"b": [1, 2.50, {"c": null}], "a": "x"},
		"STATUS": "shouty",
		"weird number": 1.0E+2,
		"unicode\u2028key": "\ud83d\ude00"
	}`)
	x, out := roundTrip[AsyncJob](t, in)

	if got, ok := graphrt.Get(x.Status); !ok || got != "someFutureStatus" {
		t.Errorf("unknown enum value: %q", got)
	}
	if graphrt.Or(x.Bytes, 0) != 9007199254740993 {
		t.Errorf("Int64 string form: %v", x.Bytes)
	}
	if v, ok := x.AdditionalData.Get("STATUS"); !ok || string(v) != `"shouty"` {
		t.Errorf("STATUS should be in AdditionalData, got %s", v)
	}
	if !graphrt.IsNull(x.History.Value[0].Size) || !graphrt.IsAbsent(x.History.Value[1].Size) {
		t.Error("null vs absent lost in nested object")
	}
	var names []string
	for _, m := range x.AdditionalData {
		names = append(names, m.Name)
	}
	if got, want := strings.Join(names, ","), "@odata.context,@odata.etag,nested,STATUS,weird number,unicode\u2028key"; got != want {
		t.Errorf("extra order %q, want %q", got, want)
	}
	// Raw values are verbatim, so "2.50" and "1.0E+2" survive; the Int64
	// in string form stays a string; escapes in keys/strings are
	// re-escaped canonically.
	want := strings.NewReplacer(`"\u00e9"`, `"é"`).Replace(in)
	if out != want {
		t.Errorf("round trip changed the document:\n in: %s\nout: %s", want, out)
	}

	// Decoding the output again gives the same value.
	var y AsyncJob
	if err := json.Unmarshal([]byte(out), &y); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(x, y) {
		t.Errorf("second decode differs:\n%+v\n%+v", x, y)
	}
}

func TestAbsentNullValue(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{`{}`, `{}`},
		{`{"percentageComplete":null,"tags":null,"owner":null}`, `{"percentageComplete":null,"tags":null,"owner":null}`},
		{`{"percentageComplete":0,"tags":[],"owner":{}}`, `{"percentageComplete":0,"tags":[],"owner":{}}`},
		{` { "tags" : [ "x" ] , "done" : true } `, `{"tags":["x"],"done":true}`},
	} {
		_, out := roundTrip[AsyncJob](t, c.in)
		if out != c.out {
			t.Errorf("%s -> %s, want %s", c.in, out, c.out)
		}
	}
	var x AsyncJob
	if err := json.Unmarshal([]byte(`{"percentageComplete":null,"tags":[]}`), &x); err != nil {
		t.Fatal(err)
	}
	if !graphrt.IsNull(x.PercentageComplete) || !graphrt.IsAbsent(x.ID) || x.Tags.Value == nil || graphrt.IsNull(x.Tags) {
		t.Errorf("%+v", x)
	}
	// Building a PATCH body by hand: clear one property, set another.
	patch, err := json.Marshal(AsyncJob{Status: graphrt.Some(JobStatusRunning), Owner: graphrt.Null[*Owner]()})
	if err != nil || string(patch) != `{"status":"running","owner":null}` {
		t.Errorf("patch %s %v", patch, err)
	}
}

func TestDuplicateKeys(t *testing.T) {
	// Last one wins for known and unknown members alike (like encoding/json);
	// an unknown member keeps the position of its first occurrence.
	x, out := roundTrip[AsyncJob](t, `{"x":1,"id":"a","y":2,"id":"b","x":{"v":3},"id":null}`)
	if !graphrt.IsNull(x.ID) {
		t.Errorf("id = %+v", x.ID)
	}
	if out != `{"id":null,"x":{"v":3},"y":2}` {
		t.Errorf("got %s", out)
	}
	// With enough unknown members Decode switches to an index; semantics
	// stay the same.
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&b, `"k%d":%d,`, i%70, i)
	}
	b.WriteString(`"k0":"last"}`)
	x, out = roundTrip[AsyncJob](t, b.String())
	if len(x.AdditionalData) != 70 || x.AdditionalData[0].Name != "k0" || string(x.AdditionalData[0].Value) != `"last"` ||
		string(x.AdditionalData[5].Value) != "75" || string(x.AdditionalData[69].Value) != "69" {
		t.Errorf("indexed duplicates: %s", out)
	}
}

func TestCaseSensitiveKeys(t *testing.T) {
	x, out := roundTrip[AsyncJob](t, `{"STATUS":"a","status":"b","Status":"c"}`)
	if graphrt.Or(x.Status, "") != "b" {
		t.Errorf("status = %+v", x.Status)
	}
	if len(x.AdditionalData) != 2 || x.AdditionalData[0].Name != "STATUS" || x.AdditionalData[1].Name != "Status" {
		t.Errorf("extra = %+v", x.AdditionalData)
	}
	if out != `{"status":"b","STATUS":"a","Status":"c"}` {
		t.Errorf("got %s", out)
	}
}

func TestEscapedKeysMatch(t *testing.T) {
	// A key is matched after unescaping, as encoding/json does.
	x, _ := roundTrip[AsyncJob](t, `{"st\u0061tus":"running","\u0040odata.id":"x"}`)
	if graphrt.Or(x.Status, "") != JobStatusRunning {
		t.Errorf("status = %+v", x.Status)
	}
	if _, ok := x.AdditionalData.Get("@odata.id"); !ok {
		t.Errorf("extra = %+v", x.AdditionalData)
	}
}

// Control information goes before the properties, as OData JSON requires
// and Graph sends it, in arrival order, wherever it arrived; the type hint
// of a derived value goes after "@odata.context".
func TestControlInformationFirst(t *testing.T) {
	in := `{"id":"j","@odata.etag":"W/\"1\"","x@odata.type":"#Int64","x":1,"@odata.context":"c","@microsoft.graph.tips":"t"}`
	_, out := roundTrip[AsyncJob](t, in)
	want := `{"@odata.etag":"W/\"1\"","@odata.context":"c","@microsoft.graph.tips":"t","id":"j","x@odata.type":"#Int64","x":1}`
	if out != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}

	// "@" and "@x" name no namespace-qualified term: no control
	// information, so they keep their place among the other members.
	_, out = roundTrip[AsyncJob](t, `{"":"","@":{},"@x":1,"@odata.id":"i"}`)
	if want := `{"@odata.id":"i","":"","@":{},"@x":1}`; out != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}

	for _, c := range []struct{ extra, want string }{
		{``, `{"@odata.type":"#test.printJob","id":"p"}`},
		{`"@odata.context":"c",`, `{"@odata.context":"c","@odata.type":"#test.printJob","id":"p"}`},
		{`"@odata.context":"c","@odata.id":"i",`, `{"@odata.context":"c","@odata.type":"#test.printJob","@odata.id":"i","id":"p"}`},
		{`"@odata.etag":"e",`, `{"@odata.type":"#test.printJob","@odata.etag":"e","id":"p"}`},
		{`"@odata.type":"#x.y","@odata.etag":"e",`, `{"@odata.type":"#x.y","@odata.etag":"e","id":"p"}`},
	} {
		var job PrintJob
		if err := json.Unmarshal([]byte(`{`+c.extra+`"id":"p"}`), &job); err != nil {
			t.Fatal(err)
		}
		var e graphrt.Encoder
		graphrt.EncodeKind(&e, &job, (*AsyncJob)(nil))
		if got := string(e.Bytes()); got != c.want || e.Err() != nil {
			t.Errorf("%s: got %s, want %s (%v)", c.extra, got, c.want, e.Err())
		}
	}
}

// TestErrorPath: a decode error says where in the document it lies, also
// through json.Unmarshal, in nested objects, lists and polymorphic slots.
// What is left to fail is JSON that is not well formed, and a document
// that is no object.
func TestErrorPath(t *testing.T) {
	var x AsyncJob
	if err := json.Unmarshal([]byte(`[]`), &x); err == nil || err.Error() != `graphrt: expected object, found array (offset 0)` {
		t.Errorf("array: got %v", err)
	} else if de := (*graphrt.DecodeError)(nil); !errors.As(err, &de) {
		t.Errorf("%T is not a DecodeError", err)
	}
	// json.Unmarshal checks the syntax of the whole input before it calls
	// UnmarshalJSON, and says where with an offset; graphrt's own
	// functions find syntax errors as they decode, and give the path.
	for _, c := range []struct{ in, want string }{
		{`{"nested":{"a":[1,}}`, `nested: invalid character '}' looking for beginning of value (offset 18)`},
		// Inside a kept unknown member, the path ends at the member.
		{`{"history":[{"deep":[{"x":[1,}]}]}`, `history[0].deep: invalid character '}' looking for beginning of value (offset 29)`},
		// Inside properties, it goes down to the value.
		{`{"owner":{"size":1,"displayName":"a\q"}}`, `owner.displayName: invalid escape character 'q' in string (offset 36)`},
		{`{"history":[{},{"size":tru}]}`, `history[1].size: invalid character '}' in literal true (offset 26)`},
		// A value that did not fit before the malformed part: the error is
		// the malformed JSON, not the misfit.
		{`{"tags":[1,}`, `tags: invalid character '}' looking for beginning of value (offset 11)`},
	} {
		var x AsyncJob
		err := x.UnmarshalJSON([]byte(c.in))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.in, err, c.want)
		}
	}
}

// TestUnfitValueKept: a member whose value the documented type cannot hold
// (the docs disagree with the service, or a page's example with its table)
// is no error: it is kept verbatim in AdditionalData, where the object it
// stands in has it, the property is left absent, and the document encodes
// again unchanged.
func TestUnfitValueKept(t *testing.T) {
	for _, c := range []struct {
		in, where, name, raw string
	}{
		{`{"id":5}`, "", "id", `5`},
		{`{"done":"false"}`, "", "done", `"false"`},
		{`{"attempts":2147483648}`, "", "attempts", `2147483648`},
		{`{"attempts":1.5}`, "", "attempts", `1.5`},
		{`{"flags":256}`, "", "flags", `256`},
		{`{"ratio":1e39}`, "", "ratio", `1e39`},
		{`{"tags":["a",1]}`, "", "tags", `["a",1]`},
		{`{"tags":["a",null]}`, "", "tags", `["a",null]`},
		{`{"owner":[]}`, "", "owner", `[]`},
		{`{"status":{"code":3}}`, "", "status", `{"code":3}`},
		{`{"owner":{"size":"x"}}`, "owner", "size", `"x"`},
		{`{"owner":{"@odata.type":"#x","displayName":7}}`, "owner", "displayName", `7`},
		{`{"history":[{},{"size":true}]}`, "history[1]", "size", `true`},
		{`{"history":[{},null]}`, "", "history", `[{},null]`},
	} {
		var x AsyncJob
		if err := json.Unmarshal([]byte(c.in), &x); err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		extra := x.AdditionalData
		switch c.where {
		case "owner":
			extra = x.Owner.Value.AdditionalData
		case "history[1]":
			extra = x.History.Value[1].AdditionalData
		}
		if v, ok := extra.Get(c.name); !ok || string(v) != c.raw {
			t.Errorf("%s: %s in AdditionalData of %q is %s, %v", c.in, c.name, c.where, v, ok)
		}
		out, err := json.Marshal(x)
		if err != nil || string(out) != c.in {
			t.Errorf("%s: encodes as %s, %v", c.in, out, err)
		}
	}
	// The property is absent, not set to a part of the value.
	var x AsyncJob
	if err := json.Unmarshal([]byte(`{"tags":["a",1],"attempts":7}`), &x); err != nil || !graphrt.IsAbsent(x.Tags) || graphrt.Or(x.Attempts, 0) != 7 {
		t.Errorf("%v: tags %+v, attempts %+v", err, x.Tags, x.Attempts)
	}
	// Set since, the property is written once, as the program set it, and
	// the unfit value no more (it stays in AdditionalData); a documented
	// name the program put in AdditionalData itself gives way the same way.
	x = AsyncJob{}
	if err := json.Unmarshal([]byte(`{"done":"false","attempts":"x"}`), &x); err != nil {
		t.Fatal(err)
	}
	x.Done = graphrt.Some(true)
	if out, err := json.Marshal(x); err != nil || string(out) != `{"done":true,"attempts":"x"}` {
		t.Errorf("set after an unfit value: %s, %v", out, err)
	}
	if _, ok := x.AdditionalData.Get("done"); !ok {
		t.Error("encoding changed AdditionalData")
	}
	// In a page, in each element.
	var p graphrt.Page[AsyncJob]
	in := `{"value":[{"id":"a"},{"history":[{"size":"big"}]}]}`
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if v, ok := p.Value.Value[1].History.Value[0].AdditionalData.Get("size"); !ok || string(v) != `"big"` {
		t.Errorf("page: %s, %v", v, ok)
	}
	if out, err := json.Marshal(p); err != nil || string(out) != in {
		t.Errorf("page: %s, %v", out, err)
	}
}

func TestDerivedTypeIsFlat(t *testing.T) {
	in := `{"@odata.type":"#microsoft.graph.printJob","id":"p","status":"succeeded","copies":2}`
	x, out := roundTrip[PrintJob](t, in)
	if graphrt.Or(x.Copies, 0) != 2 || graphrt.Or(x.ID, "") != "p" || len(x.AdditionalData) != 1 {
		t.Errorf("%+v", x)
	}
	if out != in {
		t.Errorf("got %s", out)
	}
}

func TestGeneratedErrors(t *testing.T) {
	for _, c := range []struct {
		in, err string
		syntax  bool // encoding/json rejects it as invalid JSON too
	}{
		{`{"unknown":[1,}`, "invalid character '}' looking for beginning of value (offset 14)", true},
		{`{"id":"a"} trailing`, "invalid character 't' after top-level value (offset 11)", true},
		{`{"id":"a"`, "unexpected end of input; expected ',' or '}' (offset 9)", true},
		{`{"id":"a\q"}`, `invalid escape character 'q' in string (offset 9)`, true},
		{`{"attempts":01}`, "invalid number: leading zero (offset 13)", true},
		{`[]`, "expected object, found array (offset 0)", false},
		{`"job"`, "expected object, found string (offset 0)", false},
	} {
		var x AsyncJob
		err := x.UnmarshalJSON([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want %q", c.in, err, c.err)
		}
		if json.Valid([]byte(c.in)) == c.syntax {
			t.Errorf("%s: json.Valid = %v", c.in, !c.syntax)
		}
		// Through encoding/json the error surfaces too.
		if err := json.Unmarshal([]byte(c.in), &x); err == nil {
			t.Errorf("%s: json.Unmarshal accepted it", c.in)
		}
	}
}

func TestNonFiniteRoundTrip(t *testing.T) {
	x, out := roundTrip[AsyncJob](t, `{"percentageComplete":"NaN","ratio":"-INF"}`)
	if !math.IsNaN(x.PercentageComplete.Value) || !math.IsInf(float64(x.Ratio.Value), -1) {
		t.Errorf("%+v", x)
	}
	if out != `{"percentageComplete":"NaN","ratio":"-INF"}` {
		t.Errorf("got %s", out)
	}
	_, out = roundTrip[AsyncJob](t, `{"percentageComplete":"Infinity","ratio":"1.5"}`)
	if out != `{"percentageComplete":"INF","ratio":"1.5"}` {
		t.Errorf("got %s", out)
	}
}

func TestExtraMethods(t *testing.T) {
	var x graphrt.Extra
	x.Set("a", json.RawMessage(`1`))
	x.Set("b", json.RawMessage(`2`))
	x.Set("a", json.RawMessage(`3`))
	x.Set("c", json.RawMessage(`{"z":[]}`))
	if v, ok := x.Get("a"); !ok || string(v) != "3" || len(x) != 3 {
		t.Errorf("Set/Get: %+v", x)
	}
	if _, ok := x.Get("A"); ok {
		t.Error("Get is case-sensitive")
	}
	x.Delete("b")
	x.Delete("missing")
	if out, err := json.Marshal(AsyncJob{AdditionalData: x}); string(out) != `{"a":3,"c":{"z":[]}}` || err != nil {
		t.Errorf("Encode: %s %v", out, err)
	}
	// Invalid raw values are reported rather than corrupting the output.
	x.Set("bad", json.RawMessage(`{`))
	if _, err := json.Marshal(AsyncJob{AdditionalData: x}); err == nil {
		t.Error("invalid raw member not reported")
	}
}

func TestMatchesEncodingJSONOnPlainFields(t *testing.T) {
	// For inputs without unknown members, the generated codec and an
	// equivalent plain struct decoded by encoding/json agree.
	in := `{"id":"\u00e9\ud800x","percentageComplete":-0.0000001,"status":"running","tags":["<&>","\u2028"],` +
		`"attempts":-2147483648,"bytes":9223372036854775807,"ratio":3.4e38,"done":true,"priority":-32768,"flags":0,` +
		`"owner":{"displayName":"a\tb","size":-1},"history":[{"displayName":""},{"size":0}]}`
	var x AsyncJob
	if err := json.Unmarshal([]byte(in), &x); err != nil {
		t.Fatal(err)
	}
	var p plainJob
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		t.Fatal(err)
	}
	// Compare MarshalJSON, not json.Marshal: the latter re-escapes HTML
	// characters in MarshalJSON output.
	direct, err := x.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(direct), strings.TrimSpace(buf.String()); got != want {
		t.Errorf("graphrt:      %s\nencoding/json: %s", got, want)
	}
}

// A page's @odata.count in string form (IEEE754Compatible=true) comes back
// as a string, like any Int64.
func TestPageCountStringForm(t *testing.T) {
	for _, in := range []string{`{"@odata.count":"3","value":[]}`, `{"@odata.count":3,"value":[]}`} {
		var p graphrt.Page[json.RawMessage]
		if err := json.Unmarshal([]byte(in), &p); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(p)
		if err != nil || string(out) != in || graphrt.Or(p.Count, 0) != 3 {
			t.Errorf("%s: got %s, %v (count %v)", in, out, err, p.Count.Value)
		}
	}
}

// A page member that does not fit (a count in words, a value array holding
// no objects) is kept in the page's AdditionalData, like a property.
func TestPageUnfitKept(t *testing.T) {
	in := `{"@odata.count":"many","value":[1,{"id":"a"}],"@odata.nextLink":"n"}`
	var p graphrt.Page[AsyncJob]
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if p.Count.Set || p.Value.Set || graphrt.Or(p.NextLink, "") != "n" || len(p.AdditionalData) != 2 {
		t.Errorf("%+v", p)
	}
	if out, err := json.Marshal(p); err != nil || string(out) != `{"@odata.count":"many","@odata.nextLink":"n","value":[1,{"id":"a"}]}` {
		t.Errorf("re-encoded as %s (%v)", out, err)
	}
	// Set since, a member is written once, as set.
	set := p
	set.Count, set.Value = graphrt.Some[int64](2), graphrt.Some([]AsyncJob{})
	if out, err := json.Marshal(set); err != nil || string(out) != `{"@odata.count":2,"@odata.nextLink":"n","value":[]}` {
		t.Errorf("set after unfit values: %s (%v)", out, err)
	}
	// Malformed JSON is still an error, where it stands.
	if err := p.UnmarshalJSON([]byte(`{"value":[{"id":"a",}]}`)); err == nil || err.Error() != `value[0]: expected string for object key, found '}' (offset 20)` {
		t.Errorf("got %v", err)
	}
}
