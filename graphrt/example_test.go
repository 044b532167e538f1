package graphrt_test

import (
	"encoding/json"
	"fmt"

	"github.com/graphdocgen/docgen/graphrt"
)

// The examples use the hand-written types of generated_test.go, which
// have the shape docgen generates (AsyncJob, Owner, PrintJob, JobStatus);
// a generated package works the same way.

// Decoding a response: every property is an Opt that tells absent, null
// and a value apart.
func Example_decodeResponse() {
	body := []byte(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#jobs/$entity",` +
		`"id":"j1","percentageComplete":42.5,"owner":{"displayName":"Ada"},"attempts":null}`)
	var job AsyncJob
	if err := json.Unmarshal(body, &job); err != nil {
		fmt.Println(err)
		return
	}
	id, _ := graphrt.Get(job.ID)
	fmt.Println("id:", id)
	fmt.Println("complete:", graphrt.Or(job.PercentageComplete, 0))
	if owner, ok := graphrt.Get(job.Owner); ok {
		fmt.Println("owner:", graphrt.Or(owner.DisplayName, "?"))
	}
	fmt.Println("attempts null:", graphrt.IsNull(job.Attempts), "done absent:", graphrt.IsAbsent(job.Done))

	// A value the documented type cannot hold is kept, not an error: the
	// property stays absent and the value waits in AdditionalData.
	var odd AsyncJob
	err := json.Unmarshal([]byte(`{"owner":{"displayName":7}}`), &odd)
	owner, _ := graphrt.Get(odd.Owner)
	kept, _ := owner.AdditionalData.Get("displayName")
	fmt.Println(err, graphrt.IsAbsent(owner.DisplayName), string(kept))

	// Errors, for JSON that is not well formed, say where: the path, then
	// the offset.
	fmt.Println(odd.UnmarshalJSON([]byte(`{"owner":{"displayName":"a\q"}}`)))
	// Output:
	// id: j1
	// complete: 42.5
	// owner: Ada
	// attempts null: true done absent: true
	// <nil> true 7
	// owner.displayName: invalid escape character 'q' in string (offset 27)
}

// A PATCH body: only the properties that are set are written, and Null
// writes an explicit null, which tells Graph to clear the property.
func Example_patchWithNull() {
	patch := AsyncJob{
		Status:   graphrt.Some(JobStatusRunning),
		Attempts: graphrt.Null[int32](),
	}
	body, err := json.Marshal(patch)
	fmt.Println(string(body), err)
	// Output:
	// {"status":"running","attempts":null} <nil>
}

// A page of a base type with derived types: each element is decoded as
// the type its "@odata.type" names, with the generated DecodeXKind.
func Example_polymorphicPage() {
	body := []byte(`{"value":[{"id":"a"},{"@odata.type":"#test.printJob","id":"b","copies":2}],` +
		`"@odata.nextLink":"https://graph.microsoft.com/v1.0/jobs?$skiptoken=2"}`)
	page, err := graphrt.UnmarshalPage(body, DecodeAsyncJobKind)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, job := range page.Value.Value {
		switch j := job.(type) {
		case *PrintJob:
			fmt.Println("print job", graphrt.Or(j.ID, ""), "copies", graphrt.Or(j.Copies, 0))
		case *AsyncJob:
			fmt.Println("job", graphrt.Or(j.ID, ""))
		}
	}
	if next, ok := graphrt.Get(page.NextLink); ok {
		fmt.Println("next:", next)
	}
	out, err := graphrt.MarshalPage(page, EncodeAsyncJobKind)
	fmt.Println(string(out), err)

	// json.Unmarshal cannot pick the types; it says what to call instead.
	var p graphrt.Page[AsyncJobKind]
	fmt.Println(json.Unmarshal(body, &p))
	// Output:
	// job a
	// print job b copies 2
	// next: https://graph.microsoft.com/v1.0/jobs?$skiptoken=2
	// {"@odata.nextLink":"https://graph.microsoft.com/v1.0/jobs?$skiptoken=2","value":[{"id":"a"},{"@odata.type":"#test.printJob","id":"b","copies":2}]} <nil>
	// graphrt: Page[graphrt_test.AsyncJobKind] holds values of several types: decode it with graphrt.UnmarshalPage(b, graphrt_test.DecodeAsyncJobKind) and encode it with graphrt.MarshalPage(p, graphrt_test.EncodeAsyncJobKind)
}

// An enum value the docs do not list (Graph adds members over time, after
// "unknownFutureValue") is kept as it came, and written back unchanged.
func Example_unknownEnumValue() {
	var job AsyncJob
	if err := json.Unmarshal([]byte(`{"status":"paused"}`), &job); err != nil {
		fmt.Println(err)
		return
	}
	switch status := graphrt.Or(job.Status, ""); status {
	case JobStatusRunning, JobStatusSucceeded:
		fmt.Println("known:", status)
	default:
		fmt.Println("not in the docs:", status)
	}
	out, _ := json.Marshal(job)
	fmt.Println(string(out))
	// Output:
	// not in the docs: paused
	// {"status":"paused"}
}

// Properties the docs do not list, and instance annotations, are kept in
// AdditionalData in arrival order, as raw JSON.
func Example_additionalData() {
	body := []byte(`{"@odata.etag":"W/\"7\"","id":"j1","newProperty":{"since":"2026"}}`)
	var job AsyncJob
	if err := json.Unmarshal(body, &job); err != nil {
		fmt.Println(err)
		return
	}
	etag, _ := job.AdditionalData.Get("@odata.etag")
	fmt.Println("etag:", string(etag))
	for _, m := range job.AdditionalData {
		fmt.Println(m.Name, string(m.Value))
	}
	job.AdditionalData.Set("@odata.etag", json.RawMessage(`"W/\"8\""`))
	out, _ := json.Marshal(job)
	fmt.Println(string(out))
	// Output:
	// etag: "W/\"7\""
	// @odata.etag "W/\"7\""
	// newProperty {"since":"2026"}
	// {"@odata.etag":"W/\"8\"","id":"j1","newProperty":{"since":"2026"}}
}

// A request body no generated type describes, such as an action's
// parameters: the members set, nulls included, in the order set.
func ExampleBody() {
	var body graphrt.Body
	body.Set("comment", "Moved to the archive").
		Set("owner", Owner{DisplayName: graphrt.Some("Ada")}).
		SetNull("expirationDateTime").
		Set("notify", false)
	out, err := json.Marshal(body)
	fmt.Println(string(out), err)

	// Opt itself has no MarshalJSON: in a struct of your own it is a
	// plain struct to encoding/json.
	own, _ := json.Marshal(struct{ X graphrt.Opt[string] }{graphrt.Some("x")})
	fmt.Println(string(own))
	// Output:
	// {"comment":"Moved to the archive","owner":{"displayName":"Ada"},"expirationDateTime":null,"notify":false} <nil>
	// {"X":{"Value":"x","Set":true,"Null":false}}
}
