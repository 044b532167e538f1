package tablecheck

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/graphdocgen/docgen/graphrt"
)

// Types in the generated shape, with a table that tests replace by broken
// ones.

type inner struct {
	N              graphrt.Opt[int32] `json:"n"`
	AdditionalData graphrt.Extra      `json:"-"`
}

func (x *inner) UnmarshalJSON(b []byte) error { return graphrt.UnmarshalObject(b, x, &innerTable) }

var innerTable = graphrt.Struct{
	Extra:  unsafe.Offsetof(inner{}.AdditionalData),
	Fields: []graphrt.Field{{Name: "n", Offset: uint32(unsafe.Offsetof(inner{}.N)), Kind: graphrt.FieldInt32}},
}

type outer struct {
	S              graphrt.Opt[string]           `json:"s"`
	Bin            graphrt.Opt[[]graphrt.Binary] `json:"bin"`
	Child          graphrt.Opt[*inner]           `json:"child"`
	Children       graphrt.Opt[[]inner]          `json:"children"`
	AdditionalData graphrt.Extra                 `json:"-"`
}

var outerTable graphrt.Struct

func (x *outer) UnmarshalJSON(b []byte) error { return graphrt.UnmarshalObject(b, x, &outerTable) }

func goodOuter() graphrt.Struct {
	return graphrt.Struct{
		Extra: unsafe.Offsetof(outer{}.AdditionalData),
		Fields: []graphrt.Field{
			{Name: "s", Offset: uint32(unsafe.Offsetof(outer{}.S)), Kind: graphrt.FieldString},
			{Name: "bin", Offset: uint32(unsafe.Offsetof(outer{}.Bin)), Kind: graphrt.FieldBinary, List: true},
			{Name: "child", Offset: uint32(unsafe.Offsetof(outer{}.Child)), Type: (*inner)(nil)},
			{Name: "children", Offset: uint32(unsafe.Offsetof(outer{}.Children)), Type: (*inner)(nil), List: true},
		},
	}
}

type derived struct {
	outer
	D graphrt.Opt[bool] `json:"d"`
}

func (x *derived) UnmarshalJSON(b []byte) error { return graphrt.UnmarshalObject(b, x, &derivedTable) }

var derivedTable = graphrt.Struct{
	Base:       &outerTable,
	BaseOffset: unsafe.Offsetof(derived{}.outer),
	ODataType:  "x.derived",
	Fields:     []graphrt.Field{{Name: "d", Offset: uint32(unsafe.Offsetof(derived{}.D)), Kind: graphrt.FieldBool}},
}

// TestCheck: a right table passes; each kind of mistake is reported.
func TestCheck(t *testing.T) {
	outerTable = goodOuter()
	if p := Check(&derived{}); len(p) != 0 {
		t.Fatalf("a right table: %q", p)
	}
	for _, c := range []struct {
		name   string
		break_ func(s *graphrt.Struct)
		want   string
	}{
		{"kind", func(s *graphrt.Struct) { s.Fields[0].Kind = graphrt.FieldInt64 }, `member "s"`},
		{"offset", func(s *graphrt.Struct) { s.Fields[0].Offset++ }, "is not a field"},
		{"list", func(s *graphrt.Struct) { s.Fields[1].List = false }, `member "bin"`},
		{"nested type", func(s *graphrt.Struct) { s.Fields[2].Type = (*outer)(nil) }, `member "child"`},
		{"nested list", func(s *graphrt.Struct) { s.Fields[3].List = false }, `member "children"`},
		{"name", func(s *graphrt.Struct) { s.Fields[0].Name = "t" }, "json tag"},
		{"missing", func(s *graphrt.Struct) { s.Fields = s.Fields[1:] }, "field S is in no table entry"},
		{"extra", func(s *graphrt.Struct) { s.Extra = 0 }, "AdditionalData"},
		{"twice", func(s *graphrt.Struct) { s.Fields = append(s.Fields, s.Fields[0]) }, "twice"},
	} {
		outerTable = goodOuter()
		c.break_(&outerTable)
		p := strings.Join(Check(&derived{}), "\n")
		if !strings.Contains(p, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, p, c.want)
		}
	}
	outerTable = goodOuter()
	derivedTable.ODataType = ""
	if p := strings.Join(Check(&derived{}), "\n"); !strings.Contains(p, "odata.type") {
		t.Errorf("derived without its type: %q", p)
	}
	derivedTable.ODataType = "#x.derived" // the "#" is the encoder's
	if p := strings.Join(Check(&derived{}), "\n"); !strings.Contains(p, "odata.type") {
		t.Errorf("derived with a \"#\" in its type: %q", p)
	}
	derivedTable.ODataType = "x.derived"
}
