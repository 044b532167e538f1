package graphrt_test

import (
	"encoding/json"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

// TestBody: a name set again keeps its first place; a value encoding/json
// cannot encode makes MarshalJSON fail rather than drop the member.
func TestBody(t *testing.T) {
	var b graphrt.Body
	b.Set("a", 1).Set("b", []string{"x"}).SetNull("c").Set("a", graphrt.NewBinary([]byte("hi")))
	if out, err := json.Marshal(b); string(out) != `{"a":"aGk=","b":["x"],"c":null}` || err != nil {
		t.Errorf("got %s, %v", out, err)
	}
	var empty graphrt.Body
	if out, err := json.Marshal(empty); string(out) != `{}` || err != nil {
		t.Errorf("empty: %s, %v", out, err)
	}
	b.Set("bad", make(chan int))
	if _, err := json.Marshal(b); err == nil {
		t.Error("an unencodable value was dropped silently")
	}
}
