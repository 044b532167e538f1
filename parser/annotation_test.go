package parser

import (
	"encoding/json"
	"testing"
)

// TestJSONString: jsonString reads what json.Unmarshal reads into a
// string, and fails where it fails.
func TestJSONString(t *testing.T) {
	for _, raw := range []string{
		`""`, `"microsoft.graph.user"`, `"a\"b"`, `"\u00e9t\u00e9"`, `"é"`, "\"\xff\"", `"tab\tx"`,
		`null`, `true`, `12`, `[]`, `{}`, `["a"]`, `"#microsoft.graph.x "`,
	} {
		var want string
		wantErr := json.Unmarshal([]byte(raw), &want)
		got, ok := jsonString(json.RawMessage(raw))
		if got != want || ok != (wantErr == nil) {
			t.Errorf("jsonString(%q) = %q, %v; json.Unmarshal: %q, %v", raw, got, ok, want, wantErr)
		}
	}
}
