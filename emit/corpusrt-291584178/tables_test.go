package graph

import (
	"testing"

	"github.com/graphdocgen/docgen/internal/tablecheck"
)

func TestTables(t *testing.T) {
	for _, p := range tablecheck.All(ODataTypeNames(), NewByODataType) {
		t.Error(p)
	}
}
