package graphrt_test

import (
	"encoding/json"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

// plainOwner and plainJob are what a reflection-based encoding/json model of
// the same resources looks like. Pointers with omitempty express absent, but
// null and absent collapse and unknown members are dropped.
type plainOwner struct {
	DisplayName *string `json:"displayName,omitempty"`
	Size        *int64  `json:"size,omitempty"`
}

type plainJob struct {
	ID                 *string       `json:"id,omitempty"`
	PercentageComplete *float64      `json:"percentageComplete,omitempty"`
	Status             *string       `json:"status,omitempty"`
	Tags               []string      `json:"tags,omitempty"`
	Attempts           *int32        `json:"attempts,omitempty"`
	Bytes              *int64        `json:"bytes,omitempty"`
	Ratio              *float32      `json:"ratio,omitempty"`
	Done               *bool         `json:"done,omitempty"`
	Priority           *int16        `json:"priority,omitempty"`
	Flags              *uint8        `json:"flags,omitempty"`
	Owner              *plainOwner   `json:"owner,omitempty"`
	History            []*plainOwner `json:"history,omitempty"`
}

// benchDoc is a typical Graph resource: documented members plus a few
// unknown ones (OData annotations and an undocumented nested object).
var benchDoc = []byte(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#jobs/$entity",` +
	`"@odata.etag":"W/\"JzEtQXN5bmNKb2Ig\"","id":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",` +
	`"percentageComplete":42.5,"status":"running","tags":["alpha","beta","gamma delta","\u00e9t\u00e9"],` +
	`"attempts":3,"bytes":1234567890123,"ratio":0.125,"done":false,"priority":5,"flags":17,` +
	`"owner":{"displayName":"Adele Vance","size":1024,"@odata.type":"#microsoft.graph.user"},` +
	`"history":[{"displayName":"Alex Wilber","size":1},{"displayName":"Megan Bowen","size":2},{"displayName":"Lee Gu","size":3}],` +
	`"undocumented":{"nested":[1,2,3],"flag":true,"text":"some longer text value that is not listed in the docs"}}`)

func BenchmarkDecode(b *testing.B) {
	b.Run("graphrt", func(b *testing.B) {
		b.SetBytes(int64(len(benchDoc)))
		b.ReportAllocs()
		for range b.N {
			var x AsyncJob
			if err := x.UnmarshalJSON(benchDoc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(benchDoc)))
		b.ReportAllocs()
		for range b.N {
			var x plainJob
			if err := json.Unmarshal(benchDoc, &x); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	var x AsyncJob
	if err := x.UnmarshalJSON(benchDoc); err != nil {
		b.Fatal(err)
	}
	var p plainJob
	if err := json.Unmarshal(benchDoc, &p); err != nil {
		b.Fatal(err)
	}
	b.Run("graphrt", func(b *testing.B) {
		b.SetBytes(int64(len(benchDoc)))
		b.ReportAllocs()
		for range b.N {
			if _, err := x.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("graphrt-reuse", func(b *testing.B) {
		// A reused Encoder shows the codec cost without buffer growth.
		b.SetBytes(int64(len(benchDoc)))
		b.ReportAllocs()
		var e graphrt.Encoder
		for range b.N {
			e.Reset()
			graphrt.Encode(&e, &x)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(benchDoc)))
		b.ReportAllocs()
		for range b.N {
			if _, err := json.Marshal(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json-via-MarshalJSON", func(b *testing.B) {
		// What callers get when they pass a generated value to json.Marshal:
		// encoding/json validates and compacts the MarshalJSON output.
		b.SetBytes(int64(len(benchDoc)))
		b.ReportAllocs()
		for range b.N {
			if _, err := json.Marshal(x); err != nil {
				b.Fatal(err)
			}
		}
	})
}
