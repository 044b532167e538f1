package shapes

import (
	"testing"

	"github.com/graphdocgen/docgen/internal/tablecheck"
)

// TestTables: every generated table describes its Go type (offsets, wire
// kinds, nested types, bases), checked by reflection, since the runtime
// trusts them with unsafe pointer arithmetic.
func TestTables(t *testing.T) {
	names := ODataTypeNames()
	if len(names) == 0 {
		t.Fatal("no generated types")
	}
	for _, p := range tablecheck.All(names, NewByODataType) {
		t.Error(p)
	}
}
